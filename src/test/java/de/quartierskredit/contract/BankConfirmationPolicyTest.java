package de.quartierskredit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BankConfirmationPolicyTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  private static final BigDecimal APPROVED = new BigDecimal("5000.00");
  private final BankConfirmationPolicy policy = new BankConfirmationPolicy();

  @ParameterizedTest
  @ValueSource(strings = {"GLS", "GLS-2026/0042", "a1.b2-c3", "1234567890123456789012345678901234567890", "GLS 4711",
      "GLS 2026 / 4711", " GLS 4711 "})
  void shouldAcceptTheContractWhenTheNumberIsWellFormed(String number) {
    assertThat(policy.contractSigned(number, "2026-03-10", TODAY).ok()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "AB", "-GLS", " -GLS", "GLS_42", "GLS#42", "<script>",
      "12345678901234567890123456789012345678901"})
  void shouldRefuseTheContractWhenTheNumberIsMalformed(String number) {
    assertThat(policy.contractSigned(number, "2026-03-10", TODAY).reason()).contains("Vertragsnummer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.03.2026", "1.3.2026", "2026-03-10", "09.03.2026"})
  void shouldAcceptTheSigningDateAsAPersonOrTheBankWritesIt(String date) {
    assertThat(policy.contractSigned("GLS-1", date, TODAY).ok()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-11", "11.03.2026", "2026-02-30", "30.02.2026", "32.03.2026", "10.03.26", "2026-3-1",
      "03/10/2026"})
  void shouldRefuseTheContractWhenTheSigningDateIsInTheFutureOrNoDate(String date) {
    assertThat(policy.contractSigned("GLS-1", date, TODAY).ok()).isFalse();
  }

  @Test
  void shouldNameTheGermanDateFormatWhenTheSigningDateIsNoDate() {
    assertThat(policy.contractSigned("GLS-1", "32.03.2026", TODAY).reason()).contains("TT.MM.JJJJ")
        .doesNotContain("JJJJ-MM-TT");
  }

  @Test
  void shouldAcceptTheDisbursementWhenTheApprovedAmountIsPaidOutBetweenSigningAndToday() {
    assertThat(policy.disbursed(APPROVED, new BigDecimal("5000"), "2026-03-01", LocalDate.of(2026, 3, 1), TODAY).ok())
        .isTrue();
    assertThat(policy.disbursed(APPROVED, APPROVED, "2026-03-10", LocalDate.of(2026, 3, 1), TODAY).ok()).isTrue();
  }

  @Test
  void shouldRefuseTheDisbursementWhenAmountOrValueDateDoNotFit() {
    assertThat(policy.disbursed(APPROVED, new BigDecimal("4999.99"), "2026-03-05", null, TODAY).reason())
        .contains("weicht");
    assertThat(policy.disbursed(APPROVED, null, "2026-03-05", null, TODAY).ok()).isFalse();
    assertThat(policy.disbursed(APPROVED, APPROVED, "2026-03-11", null, TODAY).reason()).contains("Zukunft");
    assertThat(policy.disbursed(APPROVED, APPROVED, "2026-02-28", LocalDate.of(2026, 3, 1), TODAY).reason())
        .contains("vor der Vertragsunterzeichnung am 01.03.2026");
    assertThat(policy.disbursed(APPROVED, APPROVED, "28.02.2026", LocalDate.of(2026, 3, 1), TODAY).ok()).isFalse();
    assertThat(policy.disbursed(APPROVED, APPROVED, "01.03.2026", LocalDate.of(2026, 3, 1), TODAY).ok()).isTrue();
  }

  @Test
  void shouldRequireAKnownResultAndANoteWhenFollowingUp() {
    assertThat(policy.followedUp("WAITING", "Bank erinnert").ok()).isTrue();
    assertThat(policy.followedUp("MAYBE", "x").ok()).isFalse();
    assertThat(policy.followedUp(null, "x").ok()).isFalse();
    assertThat(policy.followedUp("WITHDRAWN", " ").ok()).isFalse();
    assertThat(policy.followedUp("WITHDRAWN", "x".repeat(2001)).ok()).isFalse();
  }
}
