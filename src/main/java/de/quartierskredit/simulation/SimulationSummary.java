package de.quartierskredit.simulation;

import java.time.Duration;
import java.util.Map;

/** What a simulation run produced, and how fast. */
public record SimulationSummary(int loans, int months, long loanMonths, Duration elapsed, Map<String, Long> loansByState,
    long contactsRecorded, long instalmentsPaid, long instalmentsMissed, long interventions, long reschedulings,
    long snapshots, long incidents) {

  public double loanMonthsPerSecond() {
    return elapsed.isZero() ? 0 : loanMonths / (elapsed.toMillis() / 1000.0);
  }
}
