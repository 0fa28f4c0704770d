package de.quartierskredit.bank;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.bank.BankEventDatePolicy.LoanDates;
import de.quartierskredit.shared.FieldError;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The value dates a bank event may carry, at their edges. */
class BankEventDatePolicyTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  private static final LocalDate APPROVED = LocalDate.of(2026, 3, 10);
  private static final LocalDate CONTRACTED = LocalDate.of(2026, 3, 20);
  private static final LocalDate DISBURSED = LocalDate.of(2026, 4, 1);
  private static final LoanDates LOAN = new LoanDates(APPROVED, CONTRACTED, DISBURSED);

  private final BankEventDatePolicy policy = new BankEventDatePolicy();

  private Optional<FieldError> check(BankEventType type, LocalDate valueDate) {
    return policy.check(type, valueDate, LOAN, TODAY);
  }

  @Nested
  class Instalments {

    @ParameterizedTest
    @EnumSource(value = BankEventType.class, names = {"INSTALMENT_PAID", "INSTALMENT_PARTLY_PAID", "INSTALMENT_MISSED"})
    void shouldAcceptTheDayOfDisbursementAndRefuseTheDayBefore(BankEventType type) {
      assertThat(check(type, DISBURSED)).isEmpty();
      assertThat(check(type, DISBURSED.minusDays(1))).hasValueSatisfying(error -> {
        assertThat(error.field()).isEqualTo("valueDate");
        assertThat(error.message()).contains("vor der Auszahlung am 01.04.2026");
      });
    }

    @Test
    void shouldRefuseADateYearsBeforeTheDisbursement() {
      assertThat(check(BankEventType.INSTALMENT_PAID, LocalDate.of(2019, 1, 1))).isPresent();
    }

    @Test
    void shouldSetNoLowerBoundWhileTheLoanIsNotDisbursed() {
      LoanDates notDisbursed = new LoanDates(APPROVED, CONTRACTED, null);
      assertThat(policy.check(BankEventType.INSTALMENT_PAID, LocalDate.of(2019, 1, 1), notDisbursed, TODAY)).isEmpty();
    }
  }

  @Nested
  class Contract {

    @Test
    void shouldAcceptASigningOnTheDayOfApprovalAndRefuseTheDayBefore() {
      assertThat(check(BankEventType.CONTRACT_SIGNED, APPROVED)).isEmpty();
      assertThat(check(BankEventType.CONTRACT_SIGNED, APPROVED.minusDays(1)))
          .hasValueSatisfying(error -> assertThat(error.message()).contains("vor der Bewilligung am 10.03.2026"));
    }

    @Test
    void shouldAcceptADisbursementOnTheDayOfSigningAndRefuseTheDayBefore() {
      assertThat(check(BankEventType.DISBURSED, CONTRACTED)).isEmpty();
      assertThat(check(BankEventType.DISBURSED, CONTRACTED.minusDays(1)))
          .hasValueSatisfying(error -> assertThat(error.message()).contains("vor der Vertragsunterzeichnung"));
    }
  }

  @ParameterizedTest
  @EnumSource(BankEventType.class)
  void shouldAcceptTodayAndRefuseTomorrowForEveryEvent(BankEventType type) {
    assertThat(check(type, TODAY)).isEmpty();
    assertThat(check(type, TODAY.plusDays(1))).hasValueSatisfying(error -> {
      assertThat(error.field()).isEqualTo("valueDate");
      assertThat(error.message()).isEqualTo("Das Valutadatum 03.12.2026 liegt in der Zukunft.");
    });
  }
}
