package de.quartierskredit.simulation;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a simulation run produced, and how fast: {@code seeding} is the time to create the loans that
 * did not exist yet, {@code loansCreated} how many that were, {@code elapsed} the whole run, {@code loanMonths} the instalments reported.
 */
public record SimulationSummary(int loans, int months, long loanMonths, Duration elapsed, Duration seeding,
    long loansCreated, Map<String, Long> loansByState, long contactsRecorded, long instalmentsPaid, long instalmentsMissed,
    long interventions, long reschedulings, long snapshots, long incidents, Map<String, BigDecimal> lossesByBearer,
    List<FundPosition> funds) {

  /** Loan-months per second of the monthly run alone (creating the loans not counted). */
  public double loanMonthsPerSecond() {
    Duration months = elapsed.minus(seeding);
    return months.isZero() || months.isNegative() ? 0 : loanMonths / (months.toMillis() / 1000.0);
  }

  /**
   * A local fund after the run: capital left after the losses it bore, the capacity that capital
   * backs (5x), the principal its quarter's loans hold, and what is free (negative: overcommitted).
   */
  public record FundPosition(String quarter, BigDecimal capital, BigDecimal lost, BigDecimal held,
      BigDecimal capacity, BigDecimal free) {}

  /** Loans created per second (0 when a resumed run created none). */
  public double loansCreatedPerSecond() {
    return seeding.isZero() ? 0 : loansCreated / (seeding.toMillis() / 1000.0);
  }
}
