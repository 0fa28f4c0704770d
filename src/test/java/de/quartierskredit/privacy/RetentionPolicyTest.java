package de.quartierskredit.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.quartierskredit.loan.LoanState;
import de.quartierskredit.privacy.RetentionPolicy.Rule;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The retention rules at their edges: the day before the retention ends keeps the data, the day itself erases it. */
class RetentionPolicyTest {

  private final RetentionPolicy policy = RetentionPolicy.DEFAULTS;

  @Nested
  class ApplicationsWithoutLoan {

    @ParameterizedTest
    @EnumSource(value = LoanState.class, names = {"ENDED_BY_ADVICE", "FINANCED_PRIVATELY", "REFERRED", "REJECTED", "WITHDRAWN"})
    void shouldEraseSixMonthsAfterTheApplicationEndedAndNotADayBefore(LoanState state) {
      LocalDate ended = LocalDate.of(2031, 3, 15);
      var verdict = policy.forLoan(state, ended);

      assertThat(verdict.rule()).isEqualTo(Rule.APPLICATION_WITHOUT_LOAN);
      assertThat(verdict.erasableOn(LocalDate.of(2031, 9, 14))).isFalse();
      assertThat(verdict.erasableOn(LocalDate.of(2031, 9, 15))).isTrue();
    }

    @Test
    void shouldCountCalendarMonthsAtTheEndOfAMonth() {
      var verdict = policy.forLoan(LoanState.REJECTED, LocalDate.of(2031, 8, 31));

      assertThat(verdict.erasableFrom()).contains(LocalDate.of(2032, 2, 29));
      assertThat(verdict.erasableOn(LocalDate.of(2032, 2, 28))).isFalse();
    }

    @Test
    void shouldFollowAConfiguredPeriod() {
      var threeMonths = new RetentionPolicy(Period.ofMonths(3), Period.ofMonths(6), 10);

      assertThat(threeMonths.forLoan(LoanState.WITHDRAWN, LocalDate.of(2031, 1, 10)).erasableFrom())
          .contains(LocalDate.of(2031, 4, 10));
    }
  }

  @Nested
  class Loans {

    @ParameterizedTest
    @EnumSource(value = LoanState.class, names = {"REPAID", "WRITTEN_OFF"})
    void shouldKeepTenFullYearsAfterTheEndOfTheYearTheLoanClosed(LoanState state) {
      var verdict = policy.forLoan(state, LocalDate.of(2031, 1, 2));

      assertThat(verdict.rule()).isEqualTo(Rule.BOOKKEEPING);
      assertThat(verdict.erasableOn(LocalDate.of(2041, 12, 31))).isFalse();
      assertThat(verdict.erasableOn(LocalDate.of(2042, 1, 1))).isTrue();
    }

    @Test
    void shouldCountFromTheEndOfTheYearEvenForALoanClosedOnNewYearsEve() {
      var verdict = policy.forLoan(LoanState.REPAID, LocalDate.of(2031, 12, 31));

      assertThat(verdict.erasableFrom()).contains(LocalDate.of(2042, 1, 1));
      assertThat(verdict.erasableOn(LocalDate.of(2041, 12, 31))).isFalse();
    }

    @Test
    void shouldFollowTheEightYearsOfBookingVouchersWhenConfigured() {
      var eightYears = new RetentionPolicy(Period.ofMonths(6), Period.ofMonths(6), 8);

      assertThat(eightYears.forLoan(LoanState.REPAID, LocalDate.of(2031, 6, 1)).erasableFrom())
          .contains(LocalDate.of(2040, 1, 1));
    }

    @ParameterizedTest
    @EnumSource(value = LoanState.class, names = {"APPLIED", "APPROVED", "CONTRACTED", "ACTIVE", "DEFAULTED"})
    void shouldNeverEraseACaseThatIsStillRunning(LoanState state) {
      var verdict = policy.forLoan(state, LocalDate.of(2001, 1, 1));

      assertThat(verdict.rule()).isEqualTo(Rule.RUNNING);
      assertThat(verdict.erasableFrom()).isEmpty();
      assertThat(verdict.erasableOn(LocalDate.of(2999, 1, 1))).isFalse();
    }

    @Test
    void shouldNotEraseAnEndedStateWithoutTheDayItEnded() {
      assertThat(policy.forLoan(LoanState.REPAID, null).erasableOn(LocalDate.of(2999, 1, 1))).isFalse();
    }
  }

  @Nested
  class OutreachContacts {

    @Test
    void shouldEraseAContactWithoutApplicationSixMonthsAfterIt() {
      var verdict = policy.forContactWithoutApplication(LocalDate.of(2031, 5, 20));

      assertThat(verdict.rule()).isEqualTo(Rule.CONTACT_WITHOUT_APPLICATION);
      assertThat(verdict.erasableOn(LocalDate.of(2031, 11, 19))).isFalse();
      assertThat(verdict.erasableOn(LocalDate.of(2031, 11, 20))).isTrue();
    }
  }

  @Test
  void shouldRefuseRetentionsThatWouldEraseAtOnceOrNever() {
    assertThatThrownBy(() -> new RetentionPolicy(Period.ZERO, Period.ofMonths(6), 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetentionPolicy(Period.ofMonths(6), Period.ofMonths(-1), 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetentionPolicy(Period.ofMonths(6), Period.ofMonths(6), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldGiveEveryRuleALegalReason() {
    for (Rule rule : Rule.values()) {
      assertThat(rule.reason()).isNotBlank();
    }
    assertThat(Rule.BOOKKEEPING.reason()).contains("§ 257 HGB").contains("§ 147 AO");
  }
}
