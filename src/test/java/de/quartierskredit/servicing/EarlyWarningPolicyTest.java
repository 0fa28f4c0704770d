package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.EarlyWarningPolicy.Reason.*;
import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.servicing.EarlyWarningPolicy.Change;
import de.quartierskredit.servicing.EarlyWarningPolicy.Clearing;
import de.quartierskredit.servicing.EarlyWarningPolicy.Decision;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EarlyWarningPolicyTest {

  private final EarlyWarningPolicy policy = new EarlyWarningPolicy();

  @Nested
  class Contacts {

    @Test
    void shouldRaiseNothingForABorrowerOnTrackWhoseBusinessHoldsItsLevel() {
      Decision decision = policy.afterContact(Set.of(), false, "ON_TRACK", "STABLE", "STABLE");

      assertThat(decision.change()).isEqualTo(Change.NONE);
      assertThat(decision.warned()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "DIFFICULTIES, STABLE, STABLE, DIFFICULTIES",
        "PAYMENT_PROBLEM, STABLE, STABLE, PAYMENT_PROBLEM",
        "NOT_REACHED, STABLE, STABLE, NOT_REACHED",
        "ON_TRACK, STRAINED, STRAINED, BUSINESS_STRAINED",
        "ON_TRACK, CRITICAL, STRAINED, BUSINESS_CRITICAL",
        "ON_TRACK, GIVEN_UP, GIVEN_UP, BUSINESS_GIVEN_UP",
        // worse than the contact before, even though still a good level
        "ON_TRACK, STABLE, GROWING, BUSINESS_WORSENED",
    })
    void shouldRaiseAWarningForEachSignalOfAContact(String outcome, String situation, String previous,
        EarlyWarningPolicy.Reason reason) {
      Decision decision = policy.afterContact(Set.of(), false, outcome, situation, previous);

      assertThat(decision.change()).isEqualTo(Change.RAISED);
      assertThat(decision.reasons()).containsExactly(reason);
    }

    @Test
    void shouldNotCallTheFirstContactOrABetterSituationWorse() {
      assertThat(policy.afterContact(Set.of(), false, "ON_TRACK", "STABLE", null).warned()).isFalse();
      assertThat(policy.afterContact(Set.of(), false, "ON_TRACK", "GROWING", "STABLE").warned()).isFalse();
      assertThat(policy.afterContact(Set.of(), false, "ON_TRACK", "STABLE", "NONSENSE").warned()).isFalse();
    }

    @Test
    void shouldKeepSeveralReasonsOfOneContactTogether() {
      Decision decision = policy.afterContact(Set.of(), false, "PAYMENT_PROBLEM", "CRITICAL", "STABLE");

      assertThat(decision.reasons()).containsExactlyInAnyOrder(PAYMENT_PROBLEM, BUSINESS_CRITICAL);
    }

    @Test
    void shouldClearTheContactReasonsWhenTheNextContactFindsTheBorrowerOnTrack() {
      Decision decision = policy.afterContact(Set.of(DIFFICULTIES, BUSINESS_STRAINED, CONTACT_MISSED), false,
          "ON_TRACK", "STRAINED", "STRAINED");
      assertThat(decision.change()).isEqualTo(Change.CHANGED);
      assertThat(decision.reasons()).containsExactly(BUSINESS_STRAINED);

      Decision recovered = policy.afterContact(decision.reasons(), false, "ON_TRACK", "STABLE", "STRAINED");
      assertThat(recovered.change()).isEqualTo(Change.CLEARED);
      assertThat(recovered.clearing()).isEqualTo(Clearing.REASONS_GONE);
    }

    @Test
    void shouldKeepAPaymentReasonWhenAContactIsFine() {
      Decision decision = policy.afterContact(Set.of(LATE_PAYMENT, NOT_REACHED), false, "ON_TRACK", "STABLE", "STABLE");

      assertThat(decision.change()).isEqualTo(Change.CHANGED);
      assertThat(decision.reasons()).containsExactly(LATE_PAYMENT);
    }
  }

  @Nested
  class MissedContacts {

    @Test
    void shouldFlagAMonthWithoutContactUntilTheNextContactIsRecorded() {
      Decision missed = policy.afterMissedContact(Set.of(), false);
      assertThat(missed.change()).isEqualTo(Change.RAISED);
      assertThat(missed.reasons()).containsExactly(CONTACT_MISSED);

      assertThat(policy.afterMissedContact(missed.reasons(), false).change()).isEqualTo(Change.NONE);
      Decision late = policy.afterContact(missed.reasons(), false, "ON_TRACK", "STABLE", "STABLE");
      assertThat(late.change()).isEqualTo(Change.CLEARED);
      assertThat(late.clearing()).isEqualTo(Clearing.REASONS_GONE);
    }

    @Test
    void shouldKeepTheMissedContactBesideAnEarlierSignal() {
      Decision decision = policy.afterMissedContact(Set.of(BUSINESS_STRAINED), false);

      assertThat(decision.change()).isEqualTo(Change.CHANGED);
      assertThat(decision.reasons()).containsExactlyInAnyOrder(BUSINESS_STRAINED, CONTACT_MISSED);
    }
  }

  @Nested
  class Payments {

    @Test
    void shouldFlagAPartialPaymentAheadOfTheDueDateAndALatePaymentTheLedgerDidNotDisturb() {
      assertThat(policy.afterInstalment(Set.of(), false, true, false).reasons()).containsExactly(PARTIAL_PAYMENT);
      assertThat(policy.afterInstalment(Set.of(), false, false, true).reasons()).containsExactly(LATE_PAYMENT);
      assertThat(policy.afterInstalment(Set.of(), false, true, true).reasons())
          .containsExactlyInAnyOrder(PARTIAL_PAYMENT, LATE_PAYMENT);
    }

    @Test
    void shouldRaiseNothingForAPaymentInFullAndOnTime() {
      assertThat(policy.afterInstalment(Set.of(), false, false, false).change()).isEqualTo(Change.NONE);
    }

    @Test
    void shouldClearThePaymentReasonsWithTheNextPaymentInFullAndOnTimeButKeepTheContactsReasons() {
      Decision onlyPayment = policy.afterInstalment(Set.of(PARTIAL_PAYMENT), false, false, false);
      assertThat(onlyPayment.change()).isEqualTo(Change.CLEARED);
      assertThat(onlyPayment.clearing()).isEqualTo(Clearing.REASONS_GONE);

      Decision both = policy.afterInstalment(Set.of(LATE_PAYMENT, DIFFICULTIES), false, false, false);
      assertThat(both.change()).isEqualTo(Change.CHANGED);
      assertThat(both.reasons()).containsExactly(DIFFICULTIES);
    }
  }

  @Nested
  class Disturbance {

    @Test
    void shouldEndTheWarningAsComeTrueWhenTheLedgerDisturbsTheLoan() {
      Decision decision = policy.afterInstalment(Set.of(DIFFICULTIES), true, false, false);

      assertThat(decision.change()).isEqualTo(Change.CLEARED);
      assertThat(decision.clearing()).isEqualTo(Clearing.DISTURBED);
      assertThat(decision.reasons()).isEmpty();
    }

    @Test
    void shouldNeverWarnADisturbedLoanWhateverItsContactsSay() {
      assertThat(policy.afterContact(Set.of(), true, "PAYMENT_PROBLEM", "GIVEN_UP", "STABLE").change())
          .isEqualTo(Change.NONE);
      assertThat(policy.afterMissedContact(Set.of(), true).change()).isEqualTo(Change.NONE);
      assertThat(policy.afterInstalment(Set.of(), true, true, true).change()).isEqualTo(Change.NONE);
    }

    @Test
    void shouldClearAWarningOfALoanThatEnded() {
      assertThat(policy.afterLoanEnded(Set.of(LATE_PAYMENT)).clearing()).isEqualTo(Clearing.LOAN_ENDED);
      assertThat(policy.afterLoanEnded(Set.of()).change()).isEqualTo(Change.NONE);
    }
  }

  @Test
  void shouldStoreAndReadTheReasonsAsCodesAndSkipUnknownOnes() {
    assertThat(EarlyWarningPolicy.codes(Set.of(LATE_PAYMENT, PAYMENT_PROBLEM))).isEqualTo("PAYMENT_PROBLEM,LATE_PAYMENT");
    assertThat(EarlyWarningPolicy.parse("PAYMENT_PROBLEM, LATE_PAYMENT,SOMETHING_NEW"))
        .containsExactlyInAnyOrder(PAYMENT_PROBLEM, LATE_PAYMENT);
    assertThat(EarlyWarningPolicy.parse(null)).isEmpty();
    assertThat(EarlyWarningPolicy.labels(Set.of(LATE_PAYMENT, BUSINESS_STRAINED)))
        .containsExactly("Lage des Betriebs angespannt", "Rate verspätet gezahlt (ohne Meldung eines Ausfalls)");
  }
}
