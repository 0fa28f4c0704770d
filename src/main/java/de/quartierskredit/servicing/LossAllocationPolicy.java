package de.quartierskredit.servicing;

import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * DOMAIN.md step 12, default: who bears the loss of a written-off loan (loss = outstanding principal
 * at default minus what the guarantors paid, never below zero).
 *
 * <ul>
 *   <li>A <b>quarter loan</b>: its local liability fund bears the loss up to the fund's paid-in capital
 *       (which the loss then lowers, and with it the fund's 5x capacity); any rest goes to the national
 *       fund (Mikrofinanzfonds Deutschland).</li>
 *   <li>A <b>loan outside the quarters</b>: the microfinancer bears the loss up to its cap, the rest goes
 *       to the national fund. The cap (DOMAIN.md: 20 % of total outstanding, Gesamtobligo) is defined
 *       here as {@value #MICROFINANCER_CAP_PERCENT} % of the outstanding principal of all loans liable to
 *       the microfinancer at the time of default (the defaulted loan included, written-off and repaid
 *       loans count zero), minus everything the microfinancer has already borne in earlier
 *       write-offs (cumulative, never below zero). Design choice: the brochure names the cap, not
 *       its basis.</li>
 * </ul>
 * The cap itself is rounded down to the cent, so the microfinancer never bears a cent over it.
 */
public final class LossAllocationPolicy {

  public static final int MICROFINANCER_CAP_PERCENT = 20;

  private LossAllocationPolicy() {}

  /** A quarter loan's loss against its local fund's paid-in capital. */
  public static Allocation quarterLoan(BigDecimal outstanding, BigDecimal recovered, BigDecimal fundCapital) {
    BigDecimal loss = loss(outstanding, recovered);
    BigDecimal local = Money.euros(loss.min(fundCapital.max(BigDecimal.ZERO)));
    BigDecimal national = Money.euros(loss.subtract(local));
    String reason = "Verlust " + Money.format(loss) + " (offen " + Money.format(outstanding) + " abzüglich Bürgen "
        + Money.format(recovered) + "): lokaler Haftungsfonds trägt " + Money.format(local)
        + " (eingezahltes Kapital " + Money.format(fundCapital) + ")"
        + (national.signum() > 0 ? ", Mikrofinanzfonds Deutschland trägt den Rest von " + Money.format(national) : "")
        + ".";
    return new Allocation(loss, local, Money.ZERO, national, reason);
  }

  /**
   * A loan outside the quarters.
   *
   * @param microfinancerOutstanding outstanding principal of all loans liable to the microfinancer at default
   * @param microfinancerBorne       losses the microfinancer has already borne in earlier write-offs
   */
  public static Allocation outsideQuarters(BigDecimal outstanding, BigDecimal recovered,
      BigDecimal microfinancerOutstanding, BigDecimal microfinancerBorne) {
    BigDecimal loss = loss(outstanding, recovered);
    BigDecimal cap = microfinancerOutstanding.multiply(BigDecimal.valueOf(MICROFINANCER_CAP_PERCENT))
        .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
    BigDecimal room = Money.euros(cap.subtract(microfinancerBorne).max(BigDecimal.ZERO));
    BigDecimal microfinancer = Money.euros(loss.min(room));
    BigDecimal national = Money.euros(loss.subtract(microfinancer));
    String reason = "Verlust " + Money.format(loss) + " (offen " + Money.format(outstanding) + " abzüglich Bürgen "
        + Money.format(recovered) + "): Mikrofinanzierer trägt " + Money.format(microfinancer) + " (Obergrenze "
        + MICROFINANCER_CAP_PERCENT + " % von " + Money.format(microfinancerOutstanding) + " = " + Money.format(cap)
        + ", bereits getragen " + Money.format(microfinancerBorne) + ")"
        + (national.signum() > 0 ? ", Mikrofinanzfonds Deutschland trägt den Rest von " + Money.format(national) : "")
        + ".";
    return new Allocation(loss, Money.ZERO, microfinancer, national, reason);
  }

  private static BigDecimal loss(BigDecimal outstanding, BigDecimal recovered) {
    return Money.euros(outstanding.subtract(recovered).max(BigDecimal.ZERO));
  }

  /** The loss and each bearer's share (scale 2, shares add up to the loss), with a German reason. */
  public record Allocation(BigDecimal loss, BigDecimal localFund, BigDecimal microfinancer, BigDecimal nationalFund,
      String reason) {}
}
