package de.quartierskredit.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.portfolio.PortfolioIndicators.AgingBucket;
import de.quartierskredit.portfolio.PortfolioIndicators.ParThreshold;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The indicators' definitions at their edges, without a database. */
class PortfolioIndicatorsTest {

  private static final LocalDate AS_OF = LocalDate.of(2005, 6, 15);

  @Nested
  class DaysOverdue {

    @Test
    void shouldCountNothingForAnInstalmentDueOnTheDayItself() {
      assertThat(PortfolioIndicators.daysOverdue(AS_OF, AS_OF)).isZero();
      assertThat(PortfolioIndicators.daysOverdue(AS_OF.plusDays(1), AS_OF)).isZero();
      assertThat(PortfolioIndicators.daysOverdue(null, AS_OF)).isZero();
    }

    @Test
    void shouldCountTheDaysSinceTheOldestUnpaidInstalmentFellDue() {
      assertThat(PortfolioIndicators.daysOverdue(AS_OF.minusDays(1), AS_OF)).isEqualTo(1);
      assertThat(PortfolioIndicators.daysOverdue(AS_OF.minusDays(31), AS_OF)).isEqualTo(31);
    }
  }

  @Nested
  class Aging {

    @Test
    void shouldPutDay30And31And90And91IntoTheirBuckets() {
      assertThat(AgingBucket.of(0)).isEqualTo(AgingBucket.CURRENT);
      assertThat(AgingBucket.of(1)).isEqualTo(AgingBucket.D1_30);
      assertThat(AgingBucket.of(30)).isEqualTo(AgingBucket.D1_30);
      assertThat(AgingBucket.of(31)).isEqualTo(AgingBucket.D31_60);
      assertThat(AgingBucket.of(60)).isEqualTo(AgingBucket.D31_60);
      assertThat(AgingBucket.of(61)).isEqualTo(AgingBucket.D61_90);
      assertThat(AgingBucket.of(90)).isEqualTo(AgingBucket.D61_90);
      assertThat(AgingBucket.of(91)).isEqualTo(AgingBucket.OVER_90);
    }

    @Test
    void shouldClassifyByDueDatesThatMatchTheDayCount() {
      for (int days = 0; days <= 120; days++) {
        LocalDate due = AS_OF.minusDays(days);
        AgingBucket byDays = AgingBucket.of(PortfolioIndicators.daysOverdue(due, AS_OF));
        AgingBucket byDate = AgingBucket.mostOverdueFirst().stream()
            .filter(b -> !due.isAfter(b.dueOnOrBefore(AS_OF))).findFirst().orElseThrow();
        assertThat(byDate).as("%d days", days).isEqualTo(byDays);
      }
    }

    @Test
    void shouldLabelTheBucketsInGerman() {
      assertThat(AgingBucket.D1_30.label()).isEqualTo("1–30 Tage");
      assertThat(AgingBucket.OVER_90.label()).isEqualTo("über 90 Tage");
    }
  }

  @Nested
  class PortfolioAtRisk {

    @Test
    void shouldTakeALoanIntoPar30FromDay31AndIntoPar90FromDay91() {
      assertThat(ParThreshold.PAR30.atRisk(30, false)).isFalse();
      assertThat(ParThreshold.PAR30.atRisk(31, false)).isTrue();
      assertThat(ParThreshold.PAR90.atRisk(90, false)).isFalse();
      assertThat(ParThreshold.PAR90.atRisk(91, false)).isTrue();
      assertThat(ParThreshold.PAR30.includes(AgingBucket.D1_30)).isFalse();
      assertThat(ParThreshold.PAR30.includes(AgingBucket.D31_60)).isTrue();
      assertThat(ParThreshold.PAR90.includes(AgingBucket.D61_90)).isFalse();
      assertThat(ParThreshold.PAR90.includes(AgingBucket.OVER_90)).isTrue();
    }

    @Test
    void shouldKeepARescheduledLoanAtRiskEvenWhenItIsCurrent() {
      assertThat(ParThreshold.PAR30.atRisk(0, true)).isTrue();
      assertThat(ParThreshold.PAR90.atRisk(0, true)).isTrue();
    }

    @Test
    void shouldAgreeBetweenTheDayRuleAndTheBucketRule() {
      for (int days = 0; days <= 120; days++) {
        for (ParThreshold par : ParThreshold.values()) {
          assertThat(par.includes(AgingBucket.of(days))).as("%s at %d days", par, days)
              .isEqualTo(par.atRisk(days, false));
        }
      }
    }
  }

  @Nested
  class Period {

    @Test
    void shouldDefaultToTwelveMonthsEndingWithTheDay() {
      assertThat(PortfolioIndicators.defaultFrom(AS_OF)).isEqualTo(LocalDate.of(2004, 7, 1));
      List<LocalDate> dates = PortfolioIndicators.averagingDates(LocalDate.of(2004, 7, 1), AS_OF);
      assertThat(dates).hasSize(12).startsWith(LocalDate.of(2004, 7, 31)).endsWith(LocalDate.of(2005, 5, 31), AS_OF);
    }

    @Test
    void shouldNotCountTheMonthEndTwiceWhenTheDayIsAMonthEnd() {
      assertThat(PortfolioIndicators.averagingDates(LocalDate.of(2005, 4, 1), LocalDate.of(2005, 5, 31)))
          .containsExactly(LocalDate.of(2005, 4, 30), LocalDate.of(2005, 5, 31));
      assertThat(PortfolioIndicators.averagingDates(AS_OF, AS_OF)).containsExactly(AS_OF);
    }

    @Test
    void shouldAverageTheBalances() {
      assertThat(PortfolioIndicators.averageGrossPortfolio(List.of(new BigDecimal("100.00"), new BigDecimal("200.01"))))
          .isEqualByComparingTo("150.01");
      assertThat(PortfolioIndicators.averageGrossPortfolio(List.of())).isEqualByComparingTo("0.00");
    }
  }

  @Nested
  class Ratios {

    @Test
    void shouldGiveFourDecimalsAndZeroForAnEmptyDenominator() {
      assertThat(PortfolioIndicators.ratio(new BigDecimal("1"), new BigDecimal("3"))).isEqualTo("0.3333");
      assertThat(PortfolioIndicators.ratio(new BigDecimal("5"), BigDecimal.ZERO)).isEqualTo("0.0000");
      assertThat(PortfolioIndicators.ausfallquoteByLoansGranted(3, 150)).isEqualTo("0.0200");
      assertThat(PortfolioIndicators.onTimeRate(0, 0)).isEqualTo("0.0000");
    }
  }

  @Nested
  class Durations {

    @Test
    void shouldGiveAverageAndMedianOfAnOddAndAnEvenCount() {
      var odd = new TreeMap<Integer, Integer>();
      odd.put(10, 2);
      odd.put(40, 1);
      assertThat(PortfolioIndicators.duration(odd))
          .isEqualTo(new PortfolioIndicators.Duration(3, new BigDecimal("20.0"), new BigDecimal("10.0")));
      var even = new TreeMap<Integer, Integer>();
      even.put(10, 1);
      even.put(15, 1);
      even.put(100, 2);
      assertThat(PortfolioIndicators.duration(even).medianDays()).isEqualByComparingTo("57.5");
    }

    @Test
    void shouldLeaveAverageAndMedianOutWhenNothingHappened() {
      assertThat(PortfolioIndicators.duration(new TreeMap<>()))
          .isEqualTo(new PortfolioIndicators.Duration(0, null, null));
    }
  }
}
