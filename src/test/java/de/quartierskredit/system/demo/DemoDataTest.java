package de.quartierskredit.system.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.fund.LocalFund;
import de.quartierskredit.shared.Roles;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DemoDataTest {

  @Test
  void shouldHaveADemoUserForEveryRole() {
    assertThat(DemoData.USERS).extracting(DemoData.DemoUser::group).contains(
        Roles.advisors("offenbach"), Roles.advisors("leipzig"), Roles.MICROFINANCER,
        Roles.committee("offenbach"), Roles.BANK, Roles.MANAGERS);
  }

  @Test
  void shouldGiveEveryQuarterAnAdvisorAndACommitteeOfThreeWithTheirInstitution() {
    for (DemoData.DemoFund fund : DemoData.FUNDS) {
      assertThat(DemoData.USERS).filteredOn(u -> u.group().equals(Roles.advisors(fund.quarter()))).as(fund.quarter())
          .isNotEmpty();
      assertThat(DemoData.USERS).filteredOn(u -> u.group().equals(Roles.committee(fund.quarter()))).as(fund.quarter())
          .hasSize(3).allSatisfy(u -> assertThat(u.role()).matches("Vergabeausschuss .+ \\(.+\\)"));
    }
    assertThat(DemoData.USERS).extracting(DemoData.DemoUser::id).doesNotHaveDuplicates()
        .contains("anna", "lars", "sven", "ines", "jana", "mia", "max", "bernd", "monika", "prometheus");
  }

  @Test
  void shouldPrintEveryLoginWithItsRole() {
    String logins = DemoData.logins(8080);
    for (DemoData.DemoUser user : DemoData.USERS) {
      assertThat(logins).contains(user.id());
    }
    assertThat(logins).contains("katrin, uwe, sabine", "Vergabeausschuss Leipzig (committee-leipzig)",
        "Quartiersberaterin Duisburg (advisors-duisburg)", "mia, max", "Mikrofinanzierer (microfinancer)");
  }

  @Test
  void shouldGiveEveryQuarterAFundBetween20And25ThousandEuros() {
    assertThat(DemoData.FUNDS).extracting(DemoData.DemoFund::quarter).containsExactlyInAnyOrder(
        "offenbach", "duisburg", "gelsenkirchen", "leipzig", "nuernberg", "kiel", "pforzheim");
    for (DemoData.DemoFund fund : DemoData.FUNDS) {
      BigDecimal capital = fund.partners("X").stream()
          .map(LocalFund.Partner::contribution)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(capital).as(fund.quarter()).isBetween(new BigDecimal("20000"), new BigDecimal("25000"));
    }
  }
}
