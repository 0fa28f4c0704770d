package de.quartierskredit.rescheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.quartierskredit.rescheduling.ReschedulingPolicy.Proposal;
import de.quartierskredit.rescheduling.ReschedulingPolicy.Request;
import de.quartierskredit.rescheduling.ReschedulingPolicy.Situation;
import de.quartierskredit.schedule.AnnuitySchedule;
import de.quartierskredit.schedule.ScheduleLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rescheduling rule: which requests are allowed, and the new schedule over the remaining principal. */
class ReschedulingPolicyTest {

  private static final BigDecimal REMAINING = new BigDecimal("3456.78");
  private static final BigDecimal RATE = new BigDecimal("0.0890");
  private static final LocalDate NEXT_DUE = LocalDate.of(2026, 1, 31);
  /** 16 of 24 instalments left, each about 230 EUR. */
  private static final Situation SITUATION = new Situation(REMAINING, RATE, 16,
      AnnuitySchedule.annuity(REMAINING, RATE, 16), new BigDecimal("213.01"), NEXT_DUE);

  private final ReschedulingPolicy policy = new ReschedulingPolicy();

  @Nested
  class Computation {

    @Test
    void shouldRepayTheRemainingPrincipalOverMoreInstalmentsWhenTheTermIsLonger() {
      Proposal proposal = policy.propose(longerTerm(30), SITUATION);

      assertThat(proposal.lines()).hasSize(30);
      assertThat(proposal.lines().get(0).dueOn()).isEqualTo(NEXT_DUE);
      assertThat(proposal.lines().get(1).dueOn()).isEqualTo(LocalDate.of(2026, 2, 28));
      assertThat(proposal.lastDueOn()).isEqualTo(LocalDate.of(2028, 6, 30));
      assertThat(proposal.instalment()).isEqualTo(AnnuitySchedule.annuity(REMAINING, RATE, 30))
          .isLessThan(SITUATION.currentInstalment());
      assertThat(proposal.terms().annualRate()).isEqualTo(RATE);
      assertRepaysExactly(proposal, REMAINING);
    }

    @Test
    void shouldChooseTheFewestInstalmentsWithinTheTargetWhenALowerInstalmentIsAsked() {
      Proposal proposal = policy.propose(lowerInstalment("150.00"), SITUATION);

      int n = proposal.lines().size();
      assertThat(proposal.instalment()).isLessThanOrEqualTo(new BigDecimal("150.00"));
      assertThat(AnnuitySchedule.annuity(REMAINING, RATE, n - 1)).isGreaterThan(new BigDecimal("150.00"));
      assertThat(n).isGreaterThan(16);
      assertRepaysExactly(proposal, REMAINING);
    }

    @Test
    void shouldChargeOnlyInterestForThreeMonthsAndThenTheRemainingInstalmentsWhenPaymentsPause() {
      Proposal proposal = policy.propose(pause(3), SITUATION);

      assertThat(proposal.lines()).hasSize(3 + 16);
      BigDecimal monthlyInterest = new BigDecimal("25.64"); // 3456.78 x 0.089 / 12 = 25.6378...
      for (ScheduleLine line : proposal.lines().subList(0, 3)) {
        assertThat(line.principal()).isEqualTo(new BigDecimal("0.00"));
        assertThat(line.interest()).isEqualTo(monthlyInterest);
        assertThat(line.instalment()).isEqualTo(monthlyInterest);
        assertThat(line.remainingPrincipal()).isEqualTo(REMAINING);
      }
      assertThat(proposal.lines().get(3).dueOn()).isEqualTo(LocalDate.of(2026, 4, 30));
      assertThat(proposal.instalment()).isEqualTo(AnnuitySchedule.annuity(REMAINING, RATE, 16));
      assertRepaysExactly(proposal, REMAINING);
    }

    @Test
    void shouldRoundEveryAmountToTheCent() {
      Proposal proposal = policy.propose(longerTerm(37), SITUATION);

      for (ScheduleLine line : proposal.lines()) {
        assertThat(List.of(line.interest(), line.principal(), line.instalment(), line.remainingPrincipal()))
            .allSatisfy(amount -> assertThat(amount.scale()).isEqualTo(2));
        assertThat(line.instalment()).isEqualTo(line.interest().add(line.principal()));
      }
    }

    @Test
    void shouldLetTheLastInstalmentAbsorbTheRoundingRest() {
      Proposal proposal = policy.propose(longerTerm(37), SITUATION);
      List<ScheduleLine> lines = proposal.lines();
      ScheduleLine beforeLast = lines.get(lines.size() - 2);
      ScheduleLine last = lines.get(lines.size() - 1);

      assertThat(lines.subList(0, lines.size() - 1))
          .allSatisfy(line -> assertThat(line.instalment()).isEqualTo(proposal.instalment()));
      assertThat(last.principal()).isEqualTo(beforeLast.remainingPrincipal());
      assertThat(last.instalment()).isNotEqualTo(proposal.instalment());
      assertThat(last.remainingPrincipal()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void shouldRepayExactlyTheRemainingPrincipalWithoutInterestWhenTheRateIsZero() {
      Situation free = new Situation(new BigDecimal("1000.00"), BigDecimal.ZERO, 2, new BigDecimal("500.00"),
          new BigDecimal("0.00"), NEXT_DUE);

      Proposal proposal = policy.propose(longerTerm(3), free);

      assertThat(proposal.lines()).extracting(ScheduleLine::instalment)
          .containsExactly(new BigDecimal("333.33"), new BigDecimal("333.33"), new BigDecimal("333.34"));
      assertThat(proposal.totalInterest()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void shouldGiveTheSameLinesForTheSameStoredTerms() {
      Proposal proposal = policy.propose(pause(2), SITUATION);

      assertThat(ReschedulingPolicy.of(proposal.terms()).lines()).isEqualTo(proposal.lines());
    }

    @Test
    void shouldCostMoreInterestOverALongerTerm() {
      assertThat(policy.propose(longerTerm(30), SITUATION).totalInterest())
          .isGreaterThan(SITUATION.remainingInterest());
    }

    private void assertRepaysExactly(Proposal proposal, BigDecimal principal) {
      assertThat(proposal.lines().stream().map(ScheduleLine::principal).reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualTo(principal);
      assertThat(proposal.lines().get(proposal.lines().size() - 1).remainingPrincipal())
          .isEqualTo(new BigDecimal("0.00"));
    }
  }

  @Nested
  class NextDueDate {

    @Test
    void shouldStartAtTheFirstUnpaidInstalmentWhenItIsStillAhead() {
      assertThat(ReschedulingPolicy.nextDueOn(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 1)))
          .isEqualTo(LocalDate.of(2026, 3, 15));
      assertThat(ReschedulingPolicy.nextDueOn(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 15)))
          .isEqualTo(LocalDate.of(2026, 3, 15));
    }

    @Test
    void shouldKeepTheMonthlyRhythmWhenTheFirstUnpaidInstalmentWasMissed() {
      assertThat(ReschedulingPolicy.nextDueOn(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 2)))
          .isEqualTo(LocalDate.of(2026, 3, 31));
    }
  }

  @Nested
  class Checks {

    @Test
    void shouldAcceptEachKindWithItsParameter() {
      assertThat(policy.check(longerTerm(17), SITUATION).ok()).isTrue();
      assertThat(policy.check(longerTerm(ReschedulingPolicy.MAX_INSTALMENTS), SITUATION).ok()).isTrue();
      assertThat(policy.check(lowerInstalment("100.00"), SITUATION).ok()).isTrue();
      assertThat(policy.check(pause(1), SITUATION).ok()).isTrue();
      assertThat(policy.check(pause(6), SITUATION).ok()).isTrue();
    }

    @Test
    void shouldRefuseARequestWithoutKindOrReason() {
      assertThat(policy.check(new Request(null, "Umsatzeinbruch", 30, null, null), SITUATION).field())
          .isEqualTo("reschedulingKind");
      assertThat(policy.check(new Request(ReschedulingKind.LONGER_TERM, "  ", 30, null, null), SITUATION).field())
          .isEqualTo("reschedulingReason");
      assertThat(policy.check(new Request(ReschedulingKind.LONGER_TERM, "x".repeat(2001), 30, null, null), SITUATION)
          .ok()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 16, 121})
    void shouldRefuseALongerTermThatIsNotLongerOrTooLong(int instalments) {
      var decision = policy.check(longerTerm(instalments), SITUATION);

      assertThat(decision.ok()).isFalse();
      assertThat(decision.field()).isEqualTo("newInstalments");
    }

    @Test
    void shouldRefuseALongerTermWithoutItsNumberOfInstalments() {
      assertThat(policy.check(new Request(ReschedulingKind.LONGER_TERM, "Krankheit", null, null, 3), SITUATION).field())
          .isEqualTo("newInstalments");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, -1})
    void shouldRefuseAPauseOutsideOneToSixMonths(int months) {
      assertThat(policy.check(pause(months), SITUATION).field()).isEqualTo("pauseMonths");
    }

    @Test
    void shouldRefuseATargetInstalmentThatIsNotLowerOrCannotRepayWithinTheMaximum() {
      assertThat(policy.check(lowerInstalment(SITUATION.currentInstalment().toPlainString()), SITUATION).reason())
          .contains("unter der bisherigen Rate");
      BigDecimal lowest = AnnuitySchedule.annuity(REMAINING, RATE, ReschedulingPolicy.MAX_INSTALMENTS);
      assertThat(policy.check(lowerInstalment(lowest.toPlainString()), SITUATION).ok()).isTrue();
      assertThat(policy.check(lowerInstalment(lowest.subtract(new BigDecimal("0.01")).toPlainString()), SITUATION)
          .reason()).contains("zu niedrig");
      assertThat(policy.check(lowerInstalment("0"), SITUATION).field()).isEqualTo("targetInstalment");
    }

    @Test
    void shouldNotComputeARefusedRequest() {
      assertThatThrownBy(() -> policy.propose(pause(9), SITUATION)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static Request longerTerm(int instalments) {
    return new Request(ReschedulingKind.LONGER_TERM, "Umsatzeinbruch im Winter", instalments, null, null);
  }

  private static Request lowerInstalment(String target) {
    return new Request(ReschedulingKind.LOWER_INSTALMENT, "Zweites Kind, weniger Arbeitszeit", null,
        new BigDecimal(target), null);
  }

  private static Request pause(int months) {
    return new Request(ReschedulingKind.PAYMENT_PAUSE, "Ladenumbau nach Wasserschaden", null, null, months);
  }
}
