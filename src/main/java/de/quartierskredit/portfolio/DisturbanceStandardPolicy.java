package de.quartierskredit.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The fund's standard (DOMAIN.md "What managers watch"): on the reporting date at most 10 % of the
 * outstanding loans may be disturbed; exactly 10 % is within the standard, anything above breaks it
 * and the microfinancer must run quality-assurance measures. The rate counts loans, not principal.
 */
public final class DisturbanceStandardPolicy {

  /** The highest share of disturbed loans that is still within the standard. */
  public static final BigDecimal MAXIMUM_RATE = new BigDecimal("0.10");
  /** The reporting date (Stichtag) is the 15th of each month. */
  public static final int REPORTING_DAY = 15;

  private DisturbanceStandardPolicy() {}

  /** Disturbed over outstanding loans, 0 when nothing is outstanding; four decimal places. */
  public static BigDecimal rate(int disturbed, int outstanding) {
    if (disturbed < 0 || outstanding < 0 || disturbed > outstanding) {
      throw new IllegalArgumentException("disturbed " + disturbed + " of " + outstanding + " outstanding loans");
    }
    if (outstanding == 0) {
      return BigDecimal.ZERO.setScale(4);
    }
    return BigDecimal.valueOf(disturbed).divide(BigDecimal.valueOf(outstanding), 4, RoundingMode.HALF_UP);
  }

  /** The reporting date the standard was last measured on: the 15th of the month, or of the month before. */
  public static LocalDate reportingDateOnOrBefore(LocalDate date) {
    LocalDate thisMonth = date.withDayOfMonth(REPORTING_DAY);
    return thisMonth.isAfter(date) ? thisMonth.minusMonths(1) : thisMonth;
  }

  /** True when the share breaks the standard; compared exactly, so 1 of 10 is within it. */
  public static boolean aboveStandard(int disturbed, int outstanding) {
    rate(disturbed, outstanding);
    return BigDecimal.valueOf(disturbed).compareTo(MAXIMUM_RATE.multiply(BigDecimal.valueOf(outstanding))) > 0;
  }
}
