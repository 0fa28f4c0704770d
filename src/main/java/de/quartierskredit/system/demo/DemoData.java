package de.quartierskredit.system.demo;

import de.quartierskredit.fund.LocalFund.Partner;
import de.quartierskredit.fund.LocalFund.PartnerKind;
import de.quartierskredit.fund.LocalFundRepository;
import de.quartierskredit.fund.QuarterRepository;
import de.quartierskredit.shared.Money;
import de.quartierskredit.shared.Roles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: a user for every role and the seven quarters' local liability funds, so that
 * {@code ./mvnw spring-boot:run} is usable at once. Adds only what is missing.
 */
@Component
@ConditionalOnProperty(name = "quartierskredit.demo.enabled", havingValue = "true")
class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  static final String PASSWORD = "demo";

  /**
   * Demo logins, all with password {@value #PASSWORD}; the admin comes from application-demo.yaml. Every
   * quarter has an advisor and a committee of three (savings bank, chamber of commerce, job centre or
   * economic development office, DOMAIN.md), so every case is worked by the right person.
   */
  static final List<DemoUser> USERS = List.of(
      new DemoUser("anna", "Anna", "Albrecht", "Quartiersberaterin Offenbach", Roles.advisors("offenbach")),
      new DemoUser("lars", "Lars", "Lindner", "Quartiersberater Leipzig", Roles.advisors("leipzig")),
      new DemoUser("deniz", "Deniz", "Arslan", "Quartiersberaterin Duisburg", Roles.advisors("duisburg")),
      new DemoUser("kai", "Kai", "Wozniak", "Quartiersberater Gelsenkirchen", Roles.advisors("gelsenkirchen")),
      new DemoUser("nina", "Nina", "Lehmann", "Quartiersberaterin Nürnberg", Roles.advisors("nuernberg")),
      new DemoUser("ole", "Ole", "Petersen", "Quartiersberater Kiel", Roles.advisors("kiel")),
      new DemoUser("pia", "Pia", "Schneider", "Quartiersberaterin Pforzheim", Roles.advisors("pforzheim")),
      new DemoUser("mia", "Mia", "Yilmaz", "Mikrofinanzierer (Sachbearbeitung)", Roles.MICROFINANCER),
      // a second person of the microfinancer: decides what mia prepared outside the quarters, approves her write-offs
      new DemoUser("max", "Max", "Mertens", "Mikrofinanzierer (zweite Person: Entscheidung, Freigabe)",
          Roles.MICROFINANCER),
      new DemoUser("sven", "Sven", "Krause", "Vergabeausschuss Offenbach (Sparkasse)", Roles.committee("offenbach")),
      new DemoUser("ines", "Ines", "Hoffmann", "Vergabeausschuss Offenbach (IHK)", Roles.committee("offenbach")),
      new DemoUser("jana", "Jana", "Becker", "Vergabeausschuss Offenbach (Jobcenter)", Roles.committee("offenbach")),
      new DemoUser("dirk", "Dirk", "Brandt", "Vergabeausschuss Duisburg (Sparkasse)", Roles.committee("duisburg")),
      new DemoUser("elif", "Elif", "Kaya", "Vergabeausschuss Duisburg (IHK)", Roles.committee("duisburg")),
      new DemoUser("frank", "Frank", "Schröder", "Vergabeausschuss Duisburg (Jobcenter)", Roles.committee("duisburg")),
      new DemoUser("gabriele", "Gabriele", "Kowalski", "Vergabeausschuss Gelsenkirchen (Sparkasse)",
          Roles.committee("gelsenkirchen")),
      new DemoUser("murat", "Murat", "Şahin", "Vergabeausschuss Gelsenkirchen (IHK)", Roles.committee("gelsenkirchen")),
      new DemoUser("heike", "Heike", "Wagner", "Vergabeausschuss Gelsenkirchen (Jobcenter)",
          Roles.committee("gelsenkirchen")),
      new DemoUser("katrin", "Katrin", "Neumann", "Vergabeausschuss Leipzig (Sparkasse)", Roles.committee("leipzig")),
      new DemoUser("uwe", "Uwe", "Richter", "Vergabeausschuss Leipzig (IHK)", Roles.committee("leipzig")),
      new DemoUser("sabine", "Sabine", "Fuchs", "Vergabeausschuss Leipzig (Wirtschaftsförderung)",
          Roles.committee("leipzig")),
      new DemoUser("thomas", "Thomas", "Bauer", "Vergabeausschuss Nürnberg (Sparkasse)", Roles.committee("nuernberg")),
      new DemoUser("lena", "Lena", "Wolf", "Vergabeausschuss Nürnberg (IHK)", Roles.committee("nuernberg")),
      new DemoUser("andreas", "Andreas", "Krüger", "Vergabeausschuss Nürnberg (Jobcenter)", Roles.committee("nuernberg")),
      new DemoUser("birte", "Birte", "Hansen", "Vergabeausschuss Kiel (Sparkasse)", Roles.committee("kiel")),
      new DemoUser("jens", "Jens", "Carstensen", "Vergabeausschuss Kiel (IHK)", Roles.committee("kiel")),
      new DemoUser("merve", "Merve", "Öztürk", "Vergabeausschuss Kiel (Jobcenter)", Roles.committee("kiel")),
      new DemoUser("markus", "Markus", "Weber", "Vergabeausschuss Pforzheim (Sparkasse)", Roles.committee("pforzheim")),
      new DemoUser("claudia", "Claudia", "Maier", "Vergabeausschuss Pforzheim (IHK)", Roles.committee("pforzheim")),
      new DemoUser("stefan", "Stefan", "Keller", "Vergabeausschuss Pforzheim (Wirtschaftsförderung)",
          Roles.committee("pforzheim")),
      new DemoUser("bernd", "Bernd", "Vogel", "Kreditinstitut (Sachbearbeitung)", Roles.BANK),
      new DemoUser("monika", "Monika", "Schulz", "Management", Roles.MANAGERS),
      new DemoUser("prometheus", "Prometheus", "Scraper", "Betrieb: Metriken (/actuator/prometheus)", Roles.METRICS));

  /** Paid-in capital per quarter, 20,000-25,000 EUR (DOMAIN.md). */
  static final List<DemoFund> FUNDS = List.of(
      new DemoFund("offenbach", 10_000, 5_000, 5_000, 5_000),
      new DemoFund("duisburg", 10_000, 5_000, 5_000, 0),
      new DemoFund("gelsenkirchen", 10_000, 5_000, 2_500, 5_000),
      new DemoFund("leipzig", 12_000, 5_000, 2_000, 5_000),
      new DemoFund("nuernberg", 10_000, 6_000, 5_000, 0),
      new DemoFund("kiel", 10_000, 5_000, 5_000, 0),
      new DemoFund("pforzheim", 10_000, 5_000, 3_000, 5_000));

  private final IdentityService identity;
  private final QuarterRepository quarters;
  private final LocalFundRepository funds;

  DemoData(IdentityService identity, QuarterRepository quarters, LocalFundRepository funds) {
    this.identity = identity;
    this.quarters = quarters;
    this.funds = funds;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(10)
  @Transactional
  public void seed() {
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@quartierskredit.example");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
      }
      if (identity.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
        identity.createMembership(demo.id(), demo.group());
      }
    }
    for (DemoFund fund : FUNDS) {
      String name = quarters.find(fund.quarter()).orElseThrow().name();
      if (funds.findByQuarter(fund.quarter()).isEmpty()) {
        funds.register(fund.quarter(), "Lokaler Haftungsfonds " + name, fund.partners(name));
      }
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  public void printLogins(ApplicationReadyEvent event) {
    int port = event.getApplicationContext() instanceof WebServerApplicationContext web
        ? web.getWebServer().getPort() : 8080;
    LOG.info(logins(port));
  }

  /** The start-up banner: URLs and every demo login with its role, one quarter's team per line. */
  static String logins(int port) {
    StringBuilder text = new StringBuilder()
        .append("\n\n  Quartierskredit demo is running: http://localhost:").append(port).append("/camunda/app/\n")
        .append("  Tasklist http://localhost:").append(port).append("/camunda/app/tasklist/  ")
        .append("Cockpit http://localhost:").append(port).append("/camunda/app/cockpit/\n")
        .append("  Demo logins (password '").append(PASSWORD).append("'):\n")
        .append(String.format("    %-24s %s%n", "admin", "Prozessverantwortliche / Administration (process-owners)"));
    Map<String, List<DemoUser>> byGroup = new LinkedHashMap<>();
    for (DemoUser user : USERS) {
      byGroup.computeIfAbsent(user.group(), group -> new ArrayList<>()).add(user);
    }
    byGroup.forEach((group, users) -> {
      if (users.size() == 1) {
        DemoUser user = users.get(0);
        text.append(String.format("    %-24s %s (%s)%n", user.id(), user.role(), group));
      } else {
        String ids = String.join(", ", users.stream().map(DemoUser::id).toList());
        String role = users.get(0).role().replaceFirst(" \\(.*\\)$", "");
        text.append(String.format("    %-24s %s (%s)%n", ids, role, group));
      }
    });
    return text.toString();
  }

  record DemoUser(String id, String firstName, String lastName, String role, String group) {}

  record DemoFund(String quarter, long city, long savingsBank, long chamber, long housing) {
    List<Partner> partners(String quarterName) {
      var partners = new java.util.ArrayList<Partner>();
      partners.add(new Partner("Stadt " + quarterName, PartnerKind.CITY, Money.euros(city)));
      partners.add(new Partner("Sparkasse " + quarterName, PartnerKind.SAVINGS_BANK, Money.euros(savingsBank)));
      partners.add(new Partner("IHK " + quarterName, PartnerKind.CHAMBER_OF_COMMERCE, Money.euros(chamber)));
      if (housing > 0) {
        partners.add(new Partner("Wohnungsgesellschaft " + quarterName, PartnerKind.HOUSING_COMPANY,
            Money.euros(housing)));
      }
      return partners;
    }
  }
}
