package de.quartierskredit.portfolio;

import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The indicators of the microfinance field (DOMAIN.md "Indicators of the microfinance field"), each
 * defined once: its formula here, in words, and the rule as code that both the SQL (built from these
 * constants, see {@link PortfolioIndicatorsRepository}) and the Java side use. Plain Java, no framework.
 *
 * <p>Dates: a figure "as of" a date D reads the dated history (principal movements by value date, the
 * oldest unpaid instalment by validity, rescheduling approvals, loss allocations) up to and including D.
 * Period figures cover {@code [from, D]}, both days included.
 */
final class PortfolioIndicators {

  private PortfolioIndicators() {}

  /** Ratios carry four decimals (0.1234 = 12.34 %). */
  static final int RATIO_SCALE = 4;

  /**
   * Days overdue of a loan as of D: {@code D - due date of its oldest unpaid instalment} when that
   * instalment is due before D, else 0. An instalment due on D itself is not yet overdue; on D + 1 it is
   * one day overdue; on D + 30 thirty days, on D + 31 thirty-one. "Unpaid" means not paid in full (a
   * partly paid instalment is unpaid); payments fill instalments oldest first (RepaymentLedgerPolicy),
   * so the oldest unpaid instalment moves only when a payment completes one or the schedule changes.
   */
  static long daysOverdue(LocalDate oldestUnpaidDueOn, LocalDate asOf) {
    if (oldestUnpaidDueOn == null || !oldestUnpaidDueOn.isBefore(asOf)) {
      return 0;
    }
    return asOf.toEpochDay() - oldestUnpaidDueOn.toEpochDay();
  }

  /**
   * Aging buckets: the whole outstanding principal of a loan by the days overdue of its oldest unpaid
   * instalment ({@link #daysOverdue}): not overdue, 1-30, 31-60, 61-90, over 90 days. Every outstanding
   * loan is in exactly one bucket; the buckets add up to the gross portfolio.
   */
  enum AgingBucket {
    CURRENT(0, "nicht überfällig"),
    D1_30(1, "1–30 Tage"),
    D31_60(31, "31–60 Tage"),
    D61_90(61, "61–90 Tage"),
    OVER_90(91, "über 90 Tage");

    private final int fromDays;
    private final String label;

    AgingBucket(int fromDays, String label) {
      this.fromDays = fromDays;
      this.label = label;
    }

    /** The fewest days overdue in this bucket (inclusive). */
    int fromDays() {
      return fromDays;
    }

    String label() {
      return label;
    }

    /** The bucket of a loan overdue this many days. */
    static AgingBucket of(long daysOverdue) {
      AgingBucket found = CURRENT;
      for (AgingBucket bucket : values()) {
        if (daysOverdue >= bucket.fromDays) {
          found = bucket;
        }
      }
      return found;
    }

    /**
     * The latest due date of the oldest unpaid instalment that puts a loan into this bucket (or a later
     * one) as of {@code asOf}: {@code asOf - fromDays}. The SQL classifies with these dates, so that the
     * boundary is the one of {@link #of}.
     */
    LocalDate dueOnOrBefore(LocalDate asOf) {
      return asOf.minusDays(fromDays);
    }

    /** The buckets from the most overdue down, as the SQL CASE tests them. */
    static List<AgingBucket> mostOverdueFirst() {
      return Arrays.stream(values()).sorted(Comparator.comparingInt(AgingBucket::fromDays).reversed()).toList();
    }
  }

  /**
   * Portfolio at risk (CGAP/SEEP): PAR<i>n</i> = (whole outstanding principal of every loan whose oldest
   * unpaid instalment is more than <i>n</i> days overdue + outstanding principal of every rescheduled loan)
   * / gross outstanding portfolio, as of D. A loan counts once, however both apply. Rescheduled: an
   * outstanding loan with a rescheduling request approved on or before D (it stays in PAR until repaid or
   * written off, even when current).
   */
  enum ParThreshold {
    PAR30(30), PAR90(90);

    private final int days;

    ParThreshold(int days) {
      this.days = days;
    }

    int days() {
      return days;
    }

    /** True when a loan in this bucket is at risk by days alone (more than {@link #days} overdue). */
    boolean includes(AgingBucket bucket) {
      return bucket.fromDays() > days;
    }

    /** True when the loan counts in this PAR: overdue beyond the threshold, or rescheduled. */
    boolean atRisk(long daysOverdue, boolean rescheduled) {
      return rescheduled || daysOverdue > days;
    }
  }

  /**
   * Defaulted as of D (the brochure's "Ausfall"; the same rule as the report's outcome count): written
   * off with {@code closed_on <= D}, or in state DEFAULTED (marked, not yet written off) with its last
   * change before the end of D. SQL over {@code loan l}, parameters {@code :asOf} and {@code :endOfAsOf}.
   */
  static final String DEFAULTED_BY_AS_OF = "((l.state = 'WRITTEN_OFF' AND l.closed_on <= :asOf)"
      + " OR (l.state = 'DEFAULTED' AND l.updated_at < :endOfAsOf))";

  /**
   * Ausfallquote, both ways German programmes count it, cumulated from the start up to D:
   * <ul>
   *   <li>by loans granted (the brochure, 3 of 150): defaulted loans / loans disbursed on or before D;</li>
   *   <li>by repayments (Mikrokreditfonds Deutschland, "below 5 %"): defaulted principal / principal
   *       repaid, where defaulted principal = principal written off up to D + principal outstanding on D
   *       of loans defaulted but not yet written off, and principal repaid = the repayment movements up
   *       to D.</li>
   * </ul>
   */
  static BigDecimal ausfallquoteByLoansGranted(int defaults, int loansGranted) {
    return ratio(BigDecimal.valueOf(defaults), BigDecimal.valueOf(loansGranted));
  }

  /** See {@link #ausfallquoteByLoansGranted}: defaulted principal / principal repaid. */
  static BigDecimal ausfallquoteByRepayments(BigDecimal defaultedPrincipal, BigDecimal repaidPrincipal) {
    return ratio(defaultedPrincipal, repaidPrincipal);
  }

  /**
   * The dates whose gross portfolio makes the period's average: the end of every calendar month of
   * {@code [from, asOf]} that ends before {@code asOf}, and {@code asOf} itself (the default twelve-month
   * period gives eleven month-ends and the day). Oldest first.
   */
  static List<LocalDate> averagingDates(LocalDate from, LocalDate asOf) {
    List<LocalDate> dates = new ArrayList<>();
    for (YearMonth month = YearMonth.from(from); month.atEndOfMonth().isBefore(asOf); month = month.plusMonths(1)) {
      dates.add(month.atEndOfMonth());
    }
    dates.add(asOf);
    return List.copyOf(dates);
  }

  /**
   * Average gross portfolio of a period: the mean of the gross outstanding portfolio on the
   * {@link #averagingDates} (month-end balances and the closing day), in euros.
   */
  static BigDecimal averageGrossPortfolio(List<BigDecimal> grossOnAveragingDates) {
    if (grossOnAveragingDates.isEmpty()) {
      return Money.ZERO;
    }
    BigDecimal sum = grossOnAveragingDates.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.divide(BigDecimal.valueOf(grossOnAveragingDates.size()), 2, RoundingMode.HALF_UP);
  }

  /**
   * Write-off ratio (CGAP): principal written off with a value date in {@code [from, asOf]} / average
   * gross portfolio of the period ({@link #averageGrossPortfolio}).
   */
  static BigDecimal writeOffRatio(BigDecimal writtenOffInPeriod, BigDecimal averageGrossPortfolio) {
    return ratio(writtenOffInPeriod, averageGrossPortfolio);
  }

  /**
   * Loss rate of one bearer (local fund, microfinancer, national fund): the loss it was allocated
   * ({@code loss_allocation.allocated_on} in {@code [from, asOf]}) / average gross portfolio of the period.
   * The bearers' rates add up to the net loss rate (write-offs less what guarantors paid).
   */
  static BigDecimal lossRate(BigDecimal allocatedInPeriod, BigDecimal averageGrossPortfolio) {
    return ratio(allocatedInPeriod, averageGrossPortfolio);
  }

  /** Who bears a loss ({@code loss_allocation.bearer}), with the German word for it. */
  enum LossBearer {
    LOCAL_FUND("lokaler Haftungsfonds"),
    MICROFINANCER("Mikrofinanzierer"),
    NATIONAL_FUND("Mikrofinanzfonds Deutschland");

    private final String label;

    LossBearer(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /**
   * Repayment rate: principal received / principal due in {@code [from, asOf]}. Due: the principal of the
   * schedule lines falling due in the period, in the schedule in force on their due date (lines a
   * rescheduling SUPERSEDED are not due; the new plan's are). Received: the repayment movements with a
   * value date in the period, late payments of earlier instalments and prepayments included, so the rate
   * may exceed 1. Principal only: interest is the bank's and not in our dated history.
   */
  static BigDecimal repaymentRate(BigDecimal received, BigDecimal due) {
    return ratio(received, due);
  }

  /**
   * Durations in whole days: application to committee decision ({@code applied_on} to {@code approved_on},
   * or to {@code closed_on} of a rejected loan) for decisions taken in {@code [from, asOf]}; application
   * to disbursement ({@code applied_on} to {@code disbursed_on}) for disbursements in the period. Average
   * to one decimal; median the middle value (mean of the two middle values for an even count). Both
   * null when nothing falls into the period.
   */
  static Duration duration(SortedMap<Integer, Integer> countByDays) {
    int count = countByDays.values().stream().mapToInt(Integer::intValue).sum();
    if (count == 0) {
      return new Duration(0, null, null);
    }
    long total = 0;
    for (Map.Entry<Integer, Integer> e : countByDays.entrySet()) {
      total += (long) e.getKey() * e.getValue();
    }
    BigDecimal average = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    return new Duration(count, average, median(countByDays, count));
  }

  private static BigDecimal median(SortedMap<Integer, Integer> countByDays, int count) {
    int lower = (count - 1) / 2;
    int upper = count / 2;
    Integer lowerValue = null;
    Integer upperValue = null;
    int seen = 0;
    for (Map.Entry<Integer, Integer> e : countByDays.entrySet()) {
      int next = seen + e.getValue();
      if (lowerValue == null && lower < next) {
        lowerValue = e.getKey();
      }
      if (upper < next) {
        upperValue = e.getKey();
        break;
      }
      seen = next;
    }
    return BigDecimal.valueOf((long) lowerValue + upperValue).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
  }

  /** How many, and their average and median in days (null when there are none). */
  record Duration(int count, BigDecimal averageDays, BigDecimal medianDays) {}

  /**
   * Monthly contacts held on time per advisor: of the contact obligations due in {@code [from, asOf]}
   * ({@code contact_obligation.due_on}) of the loans she serves, those fulfilled on or before their due
   * date; rate = on time / due. An obligation fulfilled late or not at all is not on time.
   */
  static BigDecimal onTimeRate(int onTime, int due) {
    return ratio(BigDecimal.valueOf(onTime), BigDecimal.valueOf(due));
  }

  /**
   * The advisor a loan's borrower has: the person who last did an advisor step on the loan
   * ({@code loan_participant} steps APPLICATION_RECORDED, ADVICE, GUARANTORS_RECORDED; latest
   * {@code occurred_at}, then latest row), as the case-worker routing does. Caseload: the loans she
   * serves that are disbursed on or before D and not closed (repaid, written off) on or before D.
   */
  static final List<String> ADVISOR_STEPS = List.of("APPLICATION_RECORDED", "ADVICE", "GUARANTORS_RECORDED");

  /** numerator / denominator with four decimals; 0 when the denominator is 0. */
  static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
    if (denominator == null || denominator.signum() == 0) {
      return BigDecimal.ZERO.setScale(RATIO_SCALE);
    }
    return numerator.divide(denominator, RATIO_SCALE, RoundingMode.HALF_UP);
  }

  /** The default start of the period: the first day of {@code asOf}'s month, minus eleven months. */
  static LocalDate defaultFrom(LocalDate asOf) {
    return asOf.withDayOfMonth(1).minusMonths(11);
  }
}
