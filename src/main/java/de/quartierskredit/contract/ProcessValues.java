package de.quartierskredit.contract;

import java.math.BigDecimal;

/** Reads loosely typed process variables (a form sends numbers, the bank API may send strings) as exact values. */
final class ProcessValues {

  private ProcessValues() {}

  /** The value as an exact decimal, or null when it is missing or no number. */
  static BigDecimal decimal(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return value instanceof BigDecimal exact ? exact : new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static int months(Object value) {
    BigDecimal months = decimal(value);
    if (months == null || months.signum() <= 0 || months.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("term in months must be a positive whole number: " + value);
    }
    return months.intValueExact();
  }

  static String text(Object value) {
    return value == null ? null : value.toString().trim();
  }
}
