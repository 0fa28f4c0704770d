package de.quartierskredit.fund;

import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * DOMAIN.md step 6, fund liability: a quarter loan fits if its amount is at most the free capacity of
 * the quarter's local fund, i.e. {@value #LEVERAGE_FACTOR} x paid-in capital minus the principal the
 * quarter's loans already hold (outstanding plus reserved). Using the capacity exactly is allowed.
 */
public final class FundCapacityPolicy {

  /** The Mikrofinanzfonds backs five euros of quarter loans per euro of local liability capital. */
  public static final int LEVERAGE_FACTOR = 5;

  private FundCapacityPolicy() {}

  /**
   * @param fundName   how caseworkers know the fund, e.g. "Leipzig"
   * @param paidInCapital the fund's paid-in liability capital
   * @param committed  outstanding plus reserved principal of the quarter's other loans
   * @param requested  the amount to be approved
   */
  public static FundCapacity assess(String fundName, BigDecimal paidInCapital, BigDecimal committed,
      BigDecimal requested) {
    BigDecimal capacity = scale(paidInCapital.multiply(BigDecimal.valueOf(LEVERAGE_FACTOR)));
    BigDecimal free = scale(capacity.subtract(committed));
    boolean ok = scale(requested).compareTo(free) <= 0;
    String reason = "Freie Kapazität des Haftungsfonds " + fundName + ": " + format(free)
        + "; beantragt: " + format(requested) + ". "
        + (ok ? "Der Kredit passt in den Fonds."
              : "Es fehlen " + format(requested.subtract(free)) + " (Kapazität insgesamt "
                  + format(capacity) + " = " + LEVERAGE_FACTOR + " x eingezahltes Kapital "
                  + format(paidInCapital) + ").");
    return new FundCapacity(ok, reason, capacity, free);
  }

  /** A quarter whose local fund is not registered has no capacity at all. */
  public static FundCapacity noFund(String quarterName, BigDecimal requested) {
    return new FundCapacity(false, "Für das Quartier " + quarterName
        + " ist kein lokaler Haftungsfonds registriert: keine Kapazität für Quartierskredite; beantragt: "
        + format(requested) + ".", scale(BigDecimal.ZERO), scale(BigDecimal.ZERO));
  }

  /** German money format for caseworkers: {@code 1.200,00 EUR} (see {@link Money#format}). */
  public static String format(BigDecimal amount) {
    return Money.format(amount);
  }

  private static BigDecimal scale(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  /** The outcome: does the request fit, why (in German), and the fund's capacity and free capacity. */
  public record FundCapacity(boolean ok, String reason, BigDecimal capacity, BigDecimal free) {}
}
