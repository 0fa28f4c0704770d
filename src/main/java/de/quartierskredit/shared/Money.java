package de.quartierskredit.shared;

import java.math.BigDecimal;
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
}
