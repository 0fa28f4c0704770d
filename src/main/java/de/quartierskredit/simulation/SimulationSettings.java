package de.quartierskredit.simulation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A what-if run: how many loans, over how many months, how often an instalment is missed, how often
 * a disturbed borrower pays the arrears back in a month, and which share of interventions reschedule.
 * {@code threads} simulated caseworkers (and job workers) work side by side, each on whole loans.
 */
public record SimulationSettings(int loans, int months, double disturbanceRate, double recoveryRate,
    double rescheduleShare, long seed, LocalDate start, BigDecimal amount, int termMonths, int threads) {

  public SimulationSettings {
    if (loans < 1 || months < 1 || disturbanceRate < 0 || disturbanceRate > 1 || recoveryRate < 0 || recoveryRate > 1
        || rescheduleShare < 0 || rescheduleShare > 1 || termMonths < 1 || threads < 1 || threads > 64) {
      throw new IllegalArgumentException("impossible simulation settings: " + this);
    }
  }
}
