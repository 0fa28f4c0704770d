package de.quartierskredit.portfolio;

import de.quartierskredit.portfolio.IndicatorsReport.Aging;
import de.quartierskredit.portfolio.IndicatorsReport.Loss;
import de.quartierskredit.portfolio.IndicatorsReport.ScopeIndicators;
import de.quartierskredit.portfolio.PortfolioReport.Outcomes;
import de.quartierskredit.portfolio.PortfolioReport.ScopeFigures;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The monthly report for the funder (the Mikrokreditfonds): for one month, per quarter, outside the
 * quarters and for the whole system, the 10 % standard on the month's 15th, the indicators at the
 * month's end with the month as their period (write-offs, losses by bearer, repayments, durations),
 * the outcomes until the month's end and in the month, and the pipeline. Figures only, no borrower's
 * name or case reference: the report leaves the programme.
 *
 * @param asOf the month's last day, or today while the month runs
 * @param reportingDate the 15th on or before {@code asOf} (the standard's reporting date)
 * @param outcomesBefore the outcomes on the day before the month began (for "in the month")
 */
record FunderReport(YearMonth month, LocalDate asOf, LocalDate reportingDate, LocalDate generatedOn,
    IndicatorsReport indicators, PipelineReport pipeline, PortfolioReport onReportingDate, StandardVerdict standard,
    Outcomes outcomesUntil, Outcomes outcomesBefore) {

  /** True while the month has not ended: the figures are those of {@code asOf}. */
  boolean provisional() {
    return asOf.isBefore(month.atEndOfMonth());
  }

  /**
   * One scope's figures: its indicators, its disturbance on the 15th (null when it had no loans then)
   * and its pipeline counts.
   */
  record Row(String scope, String name, ScopeIndicators figures, ScopeFigures onReportingDate, int waiting,
      int committeePending, int stalledContracts) {

    boolean system() {
      return PortfolioReport.ALL.equals(scope);
    }

    Optional<Aging> bucket(String bucket) {
      return figures.aging().stream().filter(b -> b.bucket().equals(bucket)).findFirst();
    }

    Optional<Loss> loss(String bearer) {
      return figures.losses().stream().filter(l -> l.bearer().equals(bearer)).findFirst();
    }
  }

  /** The quarters, outside the quarters, then the whole system. */
  List<Row> rows() {
    List<ScopeIndicators> scopes = new ArrayList<>(indicators.scopes());
    scopes.add(indicators.system());
    return scopes.stream().map(this::row).toList();
  }

  private Row row(ScopeIndicators figures) {
    String scope = figures.scope();
    Predicate<String> inScope = switch (scope) {
      case PortfolioReport.ALL -> quarter -> true;
      case PortfolioReport.OUTSIDE -> quarter -> quarter == null || PortfolioReport.OUTSIDE.equals(quarter);
      default -> scope::equals;
    };
    return new Row(scope, figures.name(), figures, disturbance(scope),
        (int) pipeline.cases().stream().filter(c -> inScope.test(c.quarter())).count(),
        pipeline.committee().stream().filter(q -> inScope.test(q.quarter())).mapToInt(PipelineReport.CommitteeQueue::pending).sum(),
        (int) pipeline.stalledContracts().stream().filter(c -> inScope.test(c.quarter())).count());
  }

  private ScopeFigures disturbance(String scope) {
    if (PortfolioReport.ALL.equals(scope)) {
      return onReportingDate.system();
    }
    return onReportingDate.scopes().stream().filter(s -> s.scope().equals(scope)).findFirst().orElse(null);
  }

  /** The loss bearers as the indicators name them, in their order: code to German label. */
  Map<String, String> bearers() {
    Map<String, String> bearers = new LinkedHashMap<>();
    indicators.system().losses().forEach(l -> bearers.putIfAbsent(l.bearer(), l.label()));
    indicators.scopes().forEach(s -> s.losses().forEach(l -> bearers.putIfAbsent(l.bearer(), l.label())));
    return bearers;
  }

  /** The aging buckets in order: code to German label. */
  Map<String, String> agingBuckets() {
    Map<String, String> buckets = new LinkedHashMap<>();
    indicators.system().aging().forEach(b -> buckets.putIfAbsent(b.bucket(), b.label()));
    return buckets;
  }
}
