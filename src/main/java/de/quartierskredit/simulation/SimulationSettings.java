package de.quartierskredit.simulation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A what-if run: how many loans, over how many months, how the borrowers behave ({@link BorrowerBehaviour}:
 * the calibrated borrower model, or fixed monthly miss and recovery rates), which share of interventions
 * reschedule, and over how many months the loans are disbursed ({@code disbursementMonths}: 1 = all at the
 * start; the brochure's 150 loans were granted over 42 months). {@code threads} simulated caseworkers (and
 * job workers) work side by side, each on whole loans.
 */
public record SimulationSettings(int loans, int months, BorrowerBehaviour.Parameters borrowers, double rescheduleShare,
    long seed, LocalDate start, BigDecimal amount, int termMonths, int threads, int disbursementMonths) {

  public SimulationSettings {
    if (loans < 1 || months < 1 || borrowers == null || rescheduleShare < 0 || rescheduleShare > 1 || termMonths < 1
        || threads < 1 || threads > 64 || disbursementMonths < 1 || disbursementMonths > months) {
      throw new IllegalArgumentException("impossible simulation settings: " + this);
    }
  }

  /** The earlier model: every loan disbursed at the start, fixed monthly miss and recovery rates. */
  public SimulationSettings(int loans, int months, double disturbanceRate, double recoveryRate, double rescheduleShare,
      long seed, LocalDate start, BigDecimal amount, int termMonths, int threads) {
    this(loans, months, BorrowerBehaviour.Parameters.fixedRates(disturbanceRate, recoveryRate), rescheduleShare, seed,
        start, amount, termMonths, threads, 1);
  }
}
