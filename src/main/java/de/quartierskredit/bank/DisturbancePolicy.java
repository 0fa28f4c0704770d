package de.quartierskredit.bank;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Step 10, payment disturbance (Zahlungsstörung): a loan is disturbed while it has arrears; the
 * date it became disturbed is kept while it stays disturbed and cleared with the arrears.
 */
final class DisturbancePolicy {

  /** What happened to the flag with this event. */
  enum Change { NONE, BECAME_DISTURBED, ARREARS_CLEARED }

  /** The loan's disturbance after an instalment event. */
  record Disturbance(boolean disturbed, LocalDate since, Change change) {}

  Disturbance after(boolean wasDisturbed, LocalDate wasSince, BigDecimal arrears, LocalDate valueDate) {
    boolean disturbed = arrears.signum() > 0;
    if (disturbed && !wasDisturbed) {
      return new Disturbance(true, valueDate, Change.BECAME_DISTURBED);
    }
    if (!disturbed && wasDisturbed) {
      return new Disturbance(false, null, Change.ARREARS_CLEARED);
    }
    return new Disturbance(disturbed, disturbed ? (wasSince != null ? wasSince : valueDate) : null, Change.NONE);
  }
}
