package de.quartierskredit.servicing;

import de.quartierskredit.shared.Dates;
import java.time.LocalDate;

/**
 * DOMAIN.md step 12, repaid in full: a reliable borrower may get a follow-up loan. Reliable means
 * (design choice, configurable) no disturbance within the last {@code windowMonths} months before
 * repayment; a disturbance exactly at the window's start still counts against the offer.
 */
public record FollowUpLoanPolicy(int windowMonths) {

  public FollowUpLoanPolicy {
    if (windowMonths < 0) {
      throw new IllegalArgumentException("window must not be negative: " + windowMonths);
    }
  }

  /** @param lastDisturbance the latest day the loan was disturbed, or null if it never was */
  public Decision offer(LocalDate repaidOn, LocalDate lastDisturbance) {
    if (lastDisturbance == null) {
      return new Decision(true, "Nie in Zahlungsstörung: Folgekredit anbieten.");
    }
    LocalDate windowStart = repaidOn.minusMonths(windowMonths);
    if (lastDisturbance.isBefore(windowStart)) {
      return new Decision(true, "Letzte Zahlungsstörung am " + Dates.format(lastDisturbance) + ", vor mehr als " + windowMonths
          + " Monaten: Folgekredit anbieten.");
    }
    return new Decision(false, "Zahlungsstörung am " + Dates.format(lastDisturbance) + ", innerhalb der letzten " + windowMonths
        + " Monate: kein Folgekredit-Angebot.");
  }

  /** Offer or not, and why (German). */
  public record Decision(boolean offer, String reason) {}
}
