package de.quartierskredit.simulation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a simulation run produced, and how fast: {@code seeding} is the time to create the loans that
 * did not exist yet, {@code loansCreated} how many that were, {@code elapsed} the whole run, {@code loanMonths} the instalments reported;
 * the brochure's figures of the run and how the early warning did.
 */
public record SimulationSummary(int loans, int months, long loanMonths, Duration elapsed, Duration seeding,
    long loansCreated, Map<String, Long> loansByState, long contactsRecorded, long instalmentsPaid, long instalmentsMissed,
    long interventions, long reschedulings, long snapshots, long incidents, Map<String, BigDecimal> lossesByBearer,
    List<FundPosition> funds, BrochureFigures brochure, EarlyWarningFigures earlyWarning) {

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

  /**
   * The figures the brochure reports, for the simulated loans: loans granted, loans disturbed at some point,
   * loans defaulted (defaulted or written off: the brochure's "Ausfallquote" counts them against the loans
   * granted), loans repaid, and the loans outstanding and disturbed summed over the run's 15ths.
   */
  public record BrochureFigures(long granted, long everDisturbed, long defaulted, long repaid,
      long outstandingOnFifteenths, long disturbedOnFifteenths) {

    public double everDisturbedShare() {
      return granted == 0 ? 0 : (double) everDisturbed / granted;
    }

    public double defaultedShare() {
      return granted == 0 ? 0 : (double) defaulted / granted;
    }

    /** Repaid among the loans that ended (repaid, defaulted or written off). */
    public double repaidOfEnded() {
      return repaid + defaulted == 0 ? 0 : (double) repaid / (repaid + defaulted);
    }

    /** Disturbed on an average 15th: loans disturbed over loans outstanding, summed over the 15ths. */
    public double disturbedOnAverageFifteenth() {
      return outstandingOnFifteenths == 0 ? 0 : (double) disturbedOnFifteenths / outstandingOnFifteenths;
    }
  }

  /** A warning of a simulated loan: raised, cleared (null while open), and whether it ended by a disturbance. */
  public record Warning(long loanId, LocalDate raisedOn, LocalDate clearedOn, boolean cameTrue) {}

  /** A disturbance period of a simulated loan, by the day it started (the value date of the miss). */
  public record Disturbance(long loanId, LocalDate startedOn) {}

  /**
   * How the early warning did: of the disturbances that started in the run, how many the loan's warning had
   * announced (open on the day, ended by that disturbance); of the warnings raised at least
   * {@link #HORIZON_MONTHS} months before the run's end, how many were false alarms (no disturbance of the
   * loan within that many months of the warning).
   */
  public record EarlyWarningFigures(long disturbances, long flaggedBeforehand, long warnings, long falseAlarms) {

    public static final int HORIZON_MONTHS = 3;

    public static EarlyWarningFigures of(List<Warning> warnings, List<Disturbance> disturbances, LocalDate end) {
      Map<Long, List<Warning>> byLoan = warnings.stream().collect(Collectors.groupingBy(Warning::loanId));
      Map<Long, List<Disturbance>> started = disturbances.stream().collect(Collectors.groupingBy(Disturbance::loanId));
      long flagged = disturbances.stream().filter(d -> byLoan.getOrDefault(d.loanId(), List.of()).stream()
          .anyMatch(w -> w.cameTrue() && !w.raisedOn().isAfter(d.startedOn())
              && (w.clearedOn() == null || !w.clearedOn().isBefore(d.startedOn())))).count();
      List<Warning> judged = warnings.stream()
          .filter(w -> !w.raisedOn().plusMonths(HORIZON_MONTHS).isAfter(end)).toList();
      long falseAlarms = judged.stream().filter(w -> started.getOrDefault(w.loanId(), List.of()).stream()
          .noneMatch(d -> !d.startedOn().isBefore(w.raisedOn())
              && !d.startedOn().isAfter(w.raisedOn().plusMonths(HORIZON_MONTHS)))).count();
      return new EarlyWarningFigures(disturbances.size(), flagged, judged.size(), falseAlarms);
    }

    /** Share of the disturbances that a warning announced. */
    public double flaggedShare() {
      return disturbances == 0 ? 0 : (double) flaggedBeforehand / disturbances;
    }

    /** Share of the judged warnings not followed by a disturbance within the horizon. */
    public double falseAlarmShare() {
      return warnings == 0 ? 0 : (double) falseAlarms / warnings;
    }
  }
}
