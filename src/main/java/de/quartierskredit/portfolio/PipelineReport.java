package de.quartierskredit.portfolio;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/portfolio/pipeline}: what is waiting where, for how long, and what is missing before
 * the committee can decide. No borrower's personal data: references, quarters and stages only.
 */
public record PipelineReport(LocalDate asOf, List<Stage> stages, List<Case> cases, List<CommitteeQueue> committee,
    List<StalledContract> stalledContracts) {

  public PipelineReport {
    stages = List.copyOf(stages);
    cases = List.copyOf(cases);
    committee = List.copyOf(committee);
    stalledContracts = List.copyOf(stalledContracts);
  }

  /** A stage with the number of cases waiting in it, their average and the oldest age in days. */
  public record Stage(String stage, String label, int count, java.math.BigDecimal averageDays, int oldestDays) {}

  /** One application waiting: since when, and what is missing (German sentences; empty when nothing). */
  public record Case(String reference, String quarter, String quarterName, String stage, String stageLabel,
      LocalDate waitingSince, int days, List<String> missing) {

    public Case {
      missing = List.copyOf(missing);
    }
  }

  /** A quarter's committee: decisions pending, the oldest in days, and the references. */
  public record CommitteeQueue(String quarter, String quarterName, int pending, int oldestDays, List<String> references) {

    public CommitteeQueue {
      references = List.copyOf(references);
    }
  }

  /** Approved and recommended to the bank, but not signed after the configured number of days. */
  public record StalledContract(String reference, String quarter, String quarterName, LocalDate recommendedOn, int days) {}
}
