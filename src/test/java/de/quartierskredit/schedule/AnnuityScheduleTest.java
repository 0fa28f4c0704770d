package de.quartierskredit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.quartierskredit.schedule.AnnuitySchedule.Terms;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnuityScheduleTest {

  private static final LocalDate FIRST_DUE = LocalDate.of(2026, 3, 15);

  @Nested
  class Amounts {

    @ParameterizedTest
    @CsvSource({
        "5000.00, 0.0890, 24",
        "500.00, 0.0890, 6",
        "20000.00, 0.0890, 48",
        "5700.00, 0.0650, 36",
        "1234.56, 0.1200, 13",
        "999.99, 0.0001, 7"})
    void shouldRepayThePrincipalExactlyWhenThePrincipalPartsAreSummed(
        BigDecimal principal, BigDecimal rate, int instalments) {
      List<ScheduleLine> lines = AnnuitySchedule.calculate(new Terms(principal, rate, instalments, FIRST_DUE));

      assertThat(lines).hasSize(instalments);
      assertThat(sum(lines)).isEqualByComparingTo(principal);
      assertThat(lines.get(lines.size() - 1).remainingPrincipal()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void shouldRoundEveryAmountToCentsWhenComputingLines() {
      List<ScheduleLine> lines = AnnuitySchedule.calculate(
          new Terms(new BigDecimal("1234.56"), new BigDecimal("0.1200"), 13, FIRST_DUE));

      for (ScheduleLine line : lines) {
        assertThat(List.of(line.interest(), line.principal(), line.instalment(), line.remainingPrincipal()))
            .allSatisfy(amount -> assertThat(amount.scale()).isEqualTo(2));
        assertThat(line.instalment()).isEqualByComparingTo(line.interest().add(line.principal()));
      }
    }

    @Test
    void shouldChargeMonthlyInterestOnTheRemainingPrincipalRoundedHalfUpWhenComputingLines() {
      List<ScheduleLine> lines = AnnuitySchedule.calculate(
          new Terms(new BigDecimal("5000.00"), new BigDecimal("0.0890"), 24, FIRST_DUE));

      // 5,000.00 x 0.089 / 12 = 37.0833.. -> 37.08
      assertThat(lines.get(0).interest()).isEqualTo(new BigDecimal("37.08"));
      for (int i = 1; i < lines.size(); i++) {
        BigDecimal expected = lines.get(i - 1).remainingPrincipal().multiply(new BigDecimal("0.0890"))
            .divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        assertThat(lines.get(i).interest()).isEqualTo(expected);
      }
    }

    @Test
    void shouldMatchTheAnnuityFormulaWhenLending5000At890PercentOver24Months() {
      BigDecimal expected = annuityByFormula(new BigDecimal("5000"), new BigDecimal("0.089"), 24);

      List<ScheduleLine> lines = AnnuitySchedule.calculate(
          new Terms(new BigDecimal("5000.00"), new BigDecimal("0.0890"), 24, FIRST_DUE));

      assertThat(expected).isEqualTo(new BigDecimal("228.19"));
      assertThat(lines.subList(0, 23)).extracting(ScheduleLine::instalment).containsOnly(expected);
      // the last instalment absorbs the rounding rest: it differs by cents at most
      assertThat(lines.get(23).instalment().subtract(expected).abs()).isLessThan(new BigDecimal("0.25"));
    }

    @Test
    void shouldSplitPrincipalEquallyAndLetTheLastAbsorbTheRestWhenTheRateIsZero() {
      List<ScheduleLine> lines = AnnuitySchedule.calculate(
          new Terms(new BigDecimal("100.00"), BigDecimal.ZERO, 3, FIRST_DUE));

      assertThat(lines).extracting(ScheduleLine::interest).containsOnly(new BigDecimal("0.00"));
      assertThat(lines).extracting(ScheduleLine::principal).containsExactly(
          new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34"));
      assertThat(lines.get(2).remainingPrincipal()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void shouldRepayEverythingAtOnceWhenThereIsOneInstalment() {
      List<ScheduleLine> lines = AnnuitySchedule.calculate(
          new Terms(new BigDecimal("1200.00"), new BigDecimal("0.0890"), 1, FIRST_DUE));

      assertThat(lines).singleElement().satisfies(line -> {
        assertThat(line.principal()).isEqualTo(new BigDecimal("1200.00"));
        assertThat(line.interest()).isEqualTo(new BigDecimal("8.90"));
        assertThat(line.instalment()).isEqualTo(new BigDecimal("1208.90"));
        assertThat(line.remainingPrincipal()).isEqualTo(new BigDecimal("0.00"));
      });
    }
  }

  @Nested
  class Pause {

    @Test
    void shouldChargeInterestOnlyDuringThePauseAndThenRepayInFullWhenPausing() {
      List<ScheduleLine> lines = AnnuitySchedule.calculate(
          new Terms(new BigDecimal("3000.00"), new BigDecimal("0.0890"), 12, FIRST_DUE, 3));

      assertThat(lines).hasSize(15);
      assertThat(lines.subList(0, 3)).allSatisfy(line -> {
        assertThat(line.principal()).isEqualTo(new BigDecimal("0.00"));
        assertThat(line.interest()).isEqualTo(new BigDecimal("22.25"));
        assertThat(line.instalment()).isEqualTo(line.interest());
        assertThat(line.remainingPrincipal()).isEqualTo(new BigDecimal("3000.00"));
      });
      BigDecimal annuity = AnnuitySchedule.annuity(new BigDecimal("3000.00"), new BigDecimal("0.0890"), 12);
      assertThat(lines.get(3).instalment()).isEqualTo(annuity);
      assertThat(sum(lines)).isEqualByComparingTo("3000.00");
      assertThat(lines.get(14).remainingPrincipal()).isEqualTo(new BigDecimal("0.00"));
      assertThat(lines.get(3).dueOn()).isEqualTo(FIRST_DUE.plusMonths(3));
    }

    @Test
    void shouldPayNothingDuringThePauseWhenTheRateIsZero() {
      List<ScheduleLine> lines = AnnuitySchedule.calculate(
          new Terms(new BigDecimal("600.00"), BigDecimal.ZERO, 2, FIRST_DUE, 1));

      assertThat(lines).extracting(ScheduleLine::instalment).containsExactly(
          new BigDecimal("0.00"), new BigDecimal("300.00"), new BigDecimal("300.00"));
    }
  }

  @Nested
  class DueDates {

    @Test
    void shouldFallOnTheLastDayOfShortMonthsWhenTheFirstDueDateIsThe31st() {
      List<ScheduleLine> lines = AnnuitySchedule.calculate(
          new Terms(new BigDecimal("1000.00"), new BigDecimal("0.0890"), 4, LocalDate.of(2027, 1, 31)));

      assertThat(lines).extracting(ScheduleLine::dueOn).containsExactly(
          LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31),
          LocalDate.of(2027, 4, 30));
    }

    @Test
    void shouldFallOnThe29thOfFebruaryWhenTheYearIsALeapYear() {
      List<ScheduleLine> lines = AnnuitySchedule.calculate(
          new Terms(new BigDecimal("1000.00"), new BigDecimal("0.0890"), 2, LocalDate.of(2028, 1, 31)));

      assertThat(lines.get(1).dueOn()).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void shouldNumberLinesFromOneWhenComputing() {
      List<ScheduleLine> lines = AnnuitySchedule.calculate(
          new Terms(new BigDecimal("1000.00"), new BigDecimal("0.0890"), 5, FIRST_DUE, 2));

      assertThat(lines).extracting(ScheduleLine::instalmentNo).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }
  }

  @Test
  void shouldRefuseTermsWhenTheyCannotBeRepaid() {
    assertThatThrownBy(() -> new Terms(BigDecimal.ZERO, new BigDecimal("0.05"), 12, FIRST_DUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Terms(BigDecimal.TEN, new BigDecimal("-0.01"), 12, FIRST_DUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Terms(BigDecimal.TEN, new BigDecimal("0.05"), 0, FIRST_DUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Terms(BigDecimal.TEN, new BigDecimal("0.05"), 12, FIRST_DUE, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Independent of the calculator: A = P r / (1 - (1 + r)^-n) at 50 digits. */
  private static BigDecimal annuityByFormula(BigDecimal principal, BigDecimal annualRate, int n) {
    MathContext mc = new MathContext(50, RoundingMode.HALF_EVEN);
    BigDecimal r = annualRate.divide(BigDecimal.valueOf(12), mc);
    BigDecimal discount = BigDecimal.ONE.divide(BigDecimal.ONE.add(r).pow(n, mc), mc);
    return principal.multiply(r, mc).divide(BigDecimal.ONE.subtract(discount, mc), mc)
        .setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal sum(List<ScheduleLine> lines) {
    return lines.stream().map(ScheduleLine::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
