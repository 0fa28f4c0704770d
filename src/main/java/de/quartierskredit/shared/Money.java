package de.quartierskredit.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Euro amounts: always {@link BigDecimal} with scale 2, rounded half-up to the cent. */
public final class Money {

  public static final BigDecimal ZERO = euros(BigDecimal.ZERO);

  private Money() {}

  public static BigDecimal euros(BigDecimal amount) {
    if (amount == null) {
      throw new IllegalArgumentException("amount is missing");
    }
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  public static BigDecimal euros(String amount) {
    return euros(new BigDecimal(amount));
  }

  public static BigDecimal euros(long amount) {
    return euros(BigDecimal.valueOf(amount));
  }

  /**
   * An amount as a process variable arrives: a {@link Number} of any kind (Tasklist sends Long or
   * Double, a parent process may pass Integer or BigDecimal) or a String in plain decimal notation
   * ({@code "2500"}, {@code "2499.99"}). Null, NaN, infinity, blank or anything else is rejected:
   * German notation such as {@code "2.500,00"} is ambiguous and not guessed at.
   */
  public static BigDecimal fromVariable(Object value) {
    if (value instanceof BigDecimal decimal) {
      return euros(decimal);
    }
    if (value instanceof BigInteger integer) {
      return euros(new BigDecimal(integer));
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return euros(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        throw new IllegalArgumentException("not an amount: " + value);
      }
      // valueOf uses the shortest decimal representation: 2499.99d becomes 2499.99, not 2499.9899...
      return euros(BigDecimal.valueOf(number));
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return euros(new BigDecimal(text.strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not an amount: '" + text + "'", e);
      }
    }
    throw new IllegalArgumentException(value == null ? "amount is missing" : "not an amount: '" + value + "'");
  }

  /** German display for caseworkers: {@code 2.499,99 EUR} ({@link GermanFormat#amount}). */
  public static String format(BigDecimal amount) {
    return GermanFormat.amount(euros(amount));
  }
}
