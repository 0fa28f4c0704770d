package de.quartierskredit.servicing;

import de.quartierskredit.shared.Dates;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an advisor needs on the screen to make the monthly or intensive call (DOMAIN.md step 9): who and
 * which business, how to reach them, where the repayment stands and what the last contact found; a loan's
 * early warning ({@link EarlyWarningPolicy}) comes first, with its reasons. Plain
 * data from the loan's tables, rendered as the German text block of the contact form.
 */
record ContactBriefing(
    String borrower,
    String phone,
    String email,
    String business,
    String sector,
    String address,
    int instalmentsPaid,
    int instalments,
    BigDecimal outstanding,
    BigDecimal arrears,
    LocalDate disturbedSince,
    LocalDate nextDueOn,
    BigDecimal nextInstalment,
    LastContact lastContact,
    EarlyWarnings.Warning warning) {

  /** The last contact recorded for the loan, with the form's German answers. */
  record LastContact(LocalDate on, String channel, String outcome, String businessSituation) {}

  private static final Map<String, String> CHANNELS = Map.of("VISIT", "Besuch im Betrieb", "OFFICE",
      "Sprechstunde", "PHONE", "Telefon", "VIDEO", "Videogespräch", "MESSAGE", "Nachricht");
  private static final Map<String, String> OUTCOMES = Map.of("ON_TRACK", "alles im Plan", "DIFFICULTIES",
      "Schwierigkeiten, Raten noch gezahlt", "PAYMENT_PROBLEM", "Zahlungsproblem", "NOT_REACHED", "nicht erreicht");
  private static final Map<String, String> SITUATIONS = Map.of("GROWING", "wächst", "STABLE", "stabil",
      "STRAINED", "angespannt", "CRITICAL", "kritisch", "GIVEN_UP", "aufgegeben");

  /** Whether the loan carries an early warning: its contact task comes first in the advisor's list. */
  boolean warned() {
    return warning != null && !warning.reasons().isEmpty();
  }

  /** The briefing as a Markdown list, every date and amount in German notation. */
  String markdown() {
    List<String> lines = new ArrayList<>();
    if (warning != null && !warning.reasons().isEmpty()) {
      lines.add("**Frühwarnung seit " + Dates.format(warning.raisedOn()) + ":** "
          + String.join("; ", EarlyWarningPolicy.labels(warning.reasons())));
    }
    lines.add("**Kreditnehmer:** " + borrower + reach());
    lines.add("**Betrieb:** " + business + (blank(sector) ? "" : " (" + sector + ")")
        + (blank(address) ? "" : ", " + address));
    lines.add("**Rückzahlung:** " + schedule());
    lines.add(arrears.signum() > 0 || disturbedSince != null
        ? "**Zahlungsstörung" + (disturbedSince == null ? "" : " seit " + Dates.format(disturbedSince)) + ":** Rückstand "
            + Money.format(arrears)
        : "**Rückstand:** keiner");
    lines.add("**Letzter Kontakt:** " + (lastContact == null ? "noch keiner festgehalten" : lastContactText()));
    return "- " + String.join("\n- ", lines);
  }

  private String reach() {
    List<String> ways = new ArrayList<>();
    if (!blank(phone)) {
      ways.add("Telefon " + phone);
    }
    if (!blank(email)) {
      ways.add(email);
    }
    return ways.isEmpty() ? " (keine Telefonnummer hinterlegt)" : " · " + String.join(" · ", ways);
  }

  private String schedule() {
    String text = instalmentsPaid + " von " + instalments + " Raten gezahlt, offen " + Money.format(outstanding);
    if (nextDueOn != null && nextInstalment != null) {
      text += "; nächste Rate " + Money.format(nextInstalment) + " am " + Dates.format(nextDueOn);
    }
    return text;
  }

  private String lastContactText() {
    return Dates.format(lastContact.on()) + " (" + CHANNELS.getOrDefault(lastContact.channel(), lastContact.channel())
        + "): " + OUTCOMES.getOrDefault(lastContact.outcome(), lastContact.outcome()) + ", Betrieb "
        + SITUATIONS.getOrDefault(lastContact.businessSituation(), lastContact.businessSituation());
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
