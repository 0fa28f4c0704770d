package de.quartierskredit.servicing;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.servicing.ContactBriefing.LastContact;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ContactBriefingTest {

  private static ContactBriefing briefing(String phone, String email, BigDecimal arrears, LocalDate disturbedSince,
      LocalDate nextDue, LastContact last) {
    return new ContactBriefing("Ayla Demir", phone, email, "Schneiderei Demir", null, "", 3, 24,
        new BigDecimal("4321.5"), arrears, disturbedSince, nextDue, nextDue == null ? null : new BigDecimal("228.19"),
        last, null);
  }

  @Test
  void shouldSayThatNoPhoneIsKnownAndNoContactWasRecordedYet() {
    String text = briefing(null, " ", BigDecimal.ZERO, null, null, null).markdown();

    assertThat(text).startsWith("- **Kreditnehmer:** Ayla Demir (keine Telefonnummer hinterlegt)\n")
        .contains("- **Betrieb:** Schneiderei Demir\n")
        .contains("- **Rückzahlung:** 3 von 24 Raten gezahlt, offen 4.321,50 EUR\n")
        .contains("- **Rückstand:** keiner\n")
        .endsWith("- **Letzter Kontakt:** noch keiner festgehalten");
  }

  @Test
  void shouldShowTheDisturbanceWithItsArrearsAndTheNextInstalmentInGermanNotation() {
    String text = briefing("069 123", null, new BigDecimal("228.19"), LocalDate.of(2026, 11, 5),
        LocalDate.of(2027, 1, 15), new LastContact(LocalDate.of(2026, 11, 30), "VISIT", "PAYMENT_PROBLEM", "STRAINED"))
        .markdown();

    assertThat(text).contains("**Kreditnehmer:** Ayla Demir · Telefon 069 123\n")
        .contains("nächste Rate 228,19 EUR am 15.01.2027")
        .contains("**Zahlungsstörung seit 05.11.2026:** Rückstand 228,19 EUR")
        .contains("**Letzter Kontakt:** 30.11.2026 (Besuch im Betrieb): Zahlungsproblem, Betrieb angespannt");
  }

  @Test
  void shouldPutTheEarlyWarningWithItsGermanReasonsAtTheTop() {
    ContactBriefing plain = briefing("069 123", null, BigDecimal.ZERO, null, null, null);
    ContactBriefing warned = new ContactBriefing(plain.borrower(), plain.phone(), plain.email(), plain.business(),
        plain.sector(), plain.address(), 3, 24, plain.outstanding(), BigDecimal.ZERO, null, null, null, null,
        new EarlyWarnings.Warning(LocalDate.of(2031, 3, 1), java.util.Set.of(EarlyWarningPolicy.Reason.CONTACT_MISSED,
            EarlyWarningPolicy.Reason.BUSINESS_STRAINED)));

    assertThat(warned.warned()).isTrue();
    assertThat(plain.warned()).isFalse();
    assertThat(warned.markdown()).startsWith("- **Frühwarnung seit 01.03.2031:** Lage des Betriebs angespannt; "
        + "Monatskontakt bis Monatsende nicht geführt\n- **Kreditnehmer:** Ayla Demir");
    assertThat(plain.markdown()).doesNotContain("Frühwarnung");
  }

  @Test
  void shouldShowArrearsEvenBeforeTheLoanIsFlaggedDisturbed() {
    // a partly paid instalment leaves arrears before the ledger marks the loan disturbed
    String text = briefing("069 123", null, new BigDecimal("0.01"), null, null, null).markdown();

    assertThat(text).contains("**Zahlungsstörung:** Rückstand 0,01 EUR").doesNotContain("keiner\n");
  }
}
