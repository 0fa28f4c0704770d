package de.quartierskredit.portfolio;

import de.quartierskredit.portfolio.IndicatorsReport.ScopeIndicators;
import de.quartierskredit.portfolio.PortfolioReport.FundFigures;
import de.quartierskredit.portfolio.PortfolioReport.ScopeFigures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Prometheus figures: the portfolio per quarter (outstanding, disturbed, rate, fund use), the field's
 * indicators per quarter / outside / whole system (PAR30/PAR90, aging, write-offs and losses by bearer
 * and the repayment rate over the last twelve months, the Ausfallquote both ways), the pipeline
 * (waiting cases and oldest age per stage, the committees' pending decisions, stalled contracts), the
 * loans with an open early warning, and the engine's health (open incidents, open tasks, due jobs).
 * All gauges read one cached reading that is computed at most once per interval
 * ({@code quartierskredit.metrics.interval}, default a minute), however often and by however many gauges
 * scraped. The indicators and the pipeline, which read the whole dated history (seconds on a large
 * portfolio), are kept for their own, longer interval ({@code quartierskredit.metrics.indicators-interval},
 * default 15 minutes): a twelve-month indicator does not move within minutes, and every node computes
 * its own reading. Codes are tags ({@code scope}, {@code bucket}, {@code bearer},
 * {@code stage}); where Grafana shows a code, a {@code label} tag carries its German name.
 */
@Component
class PortfolioMetrics implements MeterBinder {

  private static final PortfolioVisibility WHOLE_PORTFOLIO = new PortfolioVisibility(true, List.of(), null);

  private final PortfolioService portfolio;
  private final IndicatorsService indicators;
  private final WarnedLoans warned;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final Clock clock;
  private final Duration interval;
  private final Duration indicatorsInterval;
  private volatile Reading reading;
  private long computations;
  private long indicatorComputations;

  PortfolioMetrics(PortfolioService portfolio, IndicatorsService indicators, WarnedLoans warned, RuntimeService runtime,
      TaskService tasks,
      ManagementService management, Clock clock,
      @Value("${quartierskredit.metrics.interval:PT1M}") Duration interval,
      @Value("${quartierskredit.metrics.indicators-interval:PT15M}") Duration indicatorsInterval) {
    this.portfolio = portfolio;
    this.indicators = indicators;
    this.warned = warned;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.clock = clock;
    this.interval = interval;
    this.indicatorsInterval = indicatorsInterval;
  }

  /**
   * One computation of the figures: {@code at} the cheap ones (portfolio report, warnings, engine),
   * {@code indicatorsAt} the indicators and the pipeline (kept from an earlier reading while younger than
   * the indicators' interval).
   */
  record Reading(Instant at, PortfolioReport report, Instant indicatorsAt, IndicatorsReport indicators,
      PipelineReport pipeline, java.util.Map<String, Long> warned, long incidents, long openTasks, long dueJobs) {}

  @Override
  public void bindTo(MeterRegistry registry) {
    List<String> scopes = current().report().scopes().stream().map(ScopeFigures::scope).toList();
    for (String scope : scopes) {
      scopeGauge(registry, scope, "quartierskredit.loans.outstanding", "loans outstanding", s -> s.loansOutstanding());
      scopeGauge(registry, scope, "quartierskredit.principal.outstanding", "principal outstanding in EUR",
          s -> s.principalOutstanding().doubleValue());
      scopeGauge(registry, scope, "quartierskredit.loans.disturbed", "loans disturbed", s -> s.loansDisturbed());
      scopeGauge(registry, scope, "quartierskredit.disturbance.rate", "share of outstanding loans disturbed",
          s -> s.disturbanceRate().doubleValue());
    }
    // every quarter, also one whose fund is registered later (NaN until then)
    for (String quarter : scopes.stream().filter(s -> !PortfolioReport.OUTSIDE.equals(s)).toList()) {
      Gauge.builder("quartierskredit.fund.utilisation", this, m -> m.fund(quarter, f -> f.utilisation().doubleValue()))
          .description("(outstanding + reserved) / (5 x paid-in capital)").tags(Tags.of("quarter", quarter)).register(registry);
      Gauge.builder("quartierskredit.fund.free", this, m -> m.fund(quarter, f -> f.free().doubleValue()))
          .description("free lending capacity in EUR").baseUnit("euros").tags(Tags.of("quarter", quarter)).register(registry);
    }
    scopeGauge(registry, PortfolioReport.ALL, "quartierskredit.loans.outstanding", "loans outstanding", s -> s.loansOutstanding());
    scopeGauge(registry, PortfolioReport.ALL, "quartierskredit.principal.outstanding", "principal outstanding in EUR",
        s -> s.principalOutstanding().doubleValue());
    scopeGauge(registry, PortfolioReport.ALL, "quartierskredit.loans.disturbed", "loans disturbed", s -> s.loansDisturbed());
    scopeGauge(registry, PortfolioReport.ALL, "quartierskredit.disturbance.rate", "share of outstanding loans disturbed",
        s -> s.disturbanceRate().doubleValue());
    bindFunds(registry, scopes);
    bindIndicators(registry);
    bindPipeline(registry, scopes);
    for (String scope : java.util.stream.Stream.concat(scopes.stream(), java.util.stream.Stream.of(PortfolioReport.ALL)).toList()) {
      Gauge.builder("quartierskredit.loans.warned", this, m -> m.current().warned().getOrDefault(scope, 0L))
          .description("loans with an open early warning (not yet disturbed)").tags(Tags.of("scope", scope)).register(registry);
    }
    Gauge.builder("camunda.incidents.open", this, m -> m.current().incidents()).description("open incidents").register(registry);
    Gauge.builder("camunda.tasks.open", this, m -> m.current().openTasks()).description("open user tasks").register(registry);
    Gauge.builder("camunda.jobs.due", this, m -> m.current().dueJobs()).description("executable jobs that are due").register(registry);
  }

  private void bindFunds(MeterRegistry registry, List<String> scopes) {
    for (String quarter : scopes.stream().filter(s -> !PortfolioReport.OUTSIDE.equals(s)).toList()) {
      fundGauge(registry, quarter, "quartierskredit.fund.outstanding", "principal outstanding against the fund in EUR", FundFigures::outstanding);
      fundGauge(registry, quarter, "quartierskredit.fund.reserved", "principal reserved (approved, not yet disbursed) in EUR", FundFigures::reserved);
      fundGauge(registry, quarter, "quartierskredit.fund.capacity", "lending capacity (5 x paid-in capital) in EUR", FundFigures::capacity);
    }
  }

  private void fundGauge(MeterRegistry registry, String quarter, String name, String description,
      Function<FundFigures, BigDecimal> amount) {
    Gauge.builder(name, this, m -> m.fund(quarter, f -> number(amount.apply(f))))
        .description(description).baseUnit("euros").tags(Tags.of("quarter", quarter)).register(registry);
  }

  /** Per scope (each quarter, OUTSIDE, ALL): PAR, aging, write-offs, losses, Ausfallquote, repayment rate. */
  private void bindIndicators(MeterRegistry registry) {
    IndicatorsReport first = current().indicators();
    List<ScopeIndicators> all = new java.util.ArrayList<>(first.scopes());
    all.add(first.system());
    for (ScopeIndicators scopeFigures : all) {
      String scope = scopeFigures.scope();
      indicatorGauge(registry, scope, "quartierskredit.gross.portfolio", "gross outstanding portfolio in EUR", "euros", Tags.empty(),
          s -> number(s.grossPortfolio()));
      for (String days : List.of("30", "90")) {
        Function<ScopeIndicators, IndicatorsReport.AtRisk> par = s -> "30".equals(days) ? s.par30() : s.par90();
        Tags tags = Tags.of("days", days);
        indicatorGauge(registry, scope, "quartierskredit.par.ratio",
            "portfolio at risk: principal of loans overdue more than the days (or rescheduled) / gross portfolio", null, tags,
            s -> number(par.apply(s).ratio()));
        indicatorGauge(registry, scope, "quartierskredit.par.principal", "portfolio at risk: principal in EUR", "euros", tags,
            s -> number(par.apply(s).principal()));
        indicatorGauge(registry, scope, "quartierskredit.par.loans", "portfolio at risk: loans", null, tags,
            s -> par.apply(s).loans());
      }
      for (IndicatorsReport.Aging bucket : scopeFigures.aging()) {
        Tags tags = Tags.of("bucket", bucket.bucket(), "label", bucket.label());
        indicatorGauge(registry, scope, "quartierskredit.aging.principal",
            "outstanding principal by days overdue of the oldest unpaid instalment, in EUR", "euros", tags,
            s -> s.aging().stream().filter(b -> b.bucket().equals(bucket.bucket())).mapToDouble(b -> number(b.principal()))
                .findFirst().orElse(Double.NaN));
        indicatorGauge(registry, scope, "quartierskredit.aging.loans", "loans by days overdue of the oldest unpaid instalment",
            null, tags, s -> s.aging().stream().filter(b -> b.bucket().equals(bucket.bucket())).mapToDouble(b -> b.loans())
                .findFirst().orElse(Double.NaN));
      }
      indicatorGauge(registry, scope, "quartierskredit.writeoff.ratio",
          "principal written off in the last twelve months / average gross portfolio", null, Tags.empty(),
          s -> number(s.writeOff().ratio()));
      indicatorGauge(registry, scope, "quartierskredit.writeoff.principal", "principal written off in the last twelve months in EUR",
          "euros", Tags.empty(), s -> number(s.writeOff().principal()));
      for (IndicatorsReport.Loss loss : scopeFigures.losses()) {
        indicatorGauge(registry, scope, "quartierskredit.losses", "losses borne in the last twelve months in EUR, by bearer",
            "euros", Tags.of("bearer", loss.bearer(), "label", loss.label()),
            s -> s.losses().stream().filter(l -> l.bearer().equals(loss.bearer())).mapToDouble(l -> number(l.amount()))
                .findFirst().orElse(Double.NaN));
      }
      indicatorGauge(registry, scope, "quartierskredit.default.rate.by.loans.granted",
          "Ausfallquote as the brochure counts it: defaulted loans / loans granted", null, Tags.empty(),
          s -> number(s.ausfallquote().byLoansGranted()));
      indicatorGauge(registry, scope, "quartierskredit.default.rate.by.repayments",
          "Ausfallquote as the national fund counts it: defaulted principal / repaid principal", null, Tags.empty(),
          s -> number(s.ausfallquote().byRepayments()));
      indicatorGauge(registry, scope, "quartierskredit.repayment.rate",
          "amounts received / amounts due in the last twelve months", null, Tags.empty(), s -> number(s.repayment().rate()));
    }
  }

  private void indicatorGauge(MeterRegistry registry, String scope, String name, String description, String unit, Tags tags,
      ToDoubleFunction<ScopeIndicators> value) {
    Gauge.builder(name, this, m -> m.indicators(scope).map(value::applyAsDouble).orElse(Double.NaN))
        .description(description).baseUnit(unit).tags(tags.and("scope", scope)).register(registry);
  }

  /** Stages (waiting cases, oldest age), each quarter's committee, stalled contracts. */
  private void bindPipeline(MeterRegistry registry, List<String> scopes) {
    for (PipelineReport.Stage stage : current().pipeline().stages()) {
      Tags tags = Tags.of("stage", stage.stage(), "label", stage.label());
      Gauge.builder("quartierskredit.pipeline.cases", this, m -> m.stage(stage.stage(), PipelineReport.Stage::count))
          .description("cases waiting at the stage").tags(tags).register(registry);
      Gauge.builder("quartierskredit.pipeline.oldest", this, m -> m.stage(stage.stage(), PipelineReport.Stage::oldestDays))
          .description("days the oldest case has waited at the stage").baseUnit("days").tags(tags).register(registry);
    }
    for (String quarter : scopes.stream().filter(s -> !PortfolioReport.OUTSIDE.equals(s)).toList()) {
      Gauge.builder("quartierskredit.committee.pending", this, m -> m.current().pipeline().committee().stream()
              .filter(q -> quarter.equals(q.quarter())).mapToInt(PipelineReport.CommitteeQueue::pending).sum())
          .description("decisions pending at the quarter's lending committee").tags(Tags.of("quarter", quarter)).register(registry);
    }
    Gauge.builder("quartierskredit.contracts.stalled", this, m -> m.current().pipeline().stalledContracts().size())
        .description("recommended contracts not signed within the configured days").register(registry);
  }

  private double stage(String stage, ToDoubleFunction<PipelineReport.Stage> value) {
    return current().pipeline().stages().stream().filter(s -> s.stage().equals(stage)).mapToDouble(value).findFirst().orElse(0);
  }

  private java.util.Optional<ScopeIndicators> indicators(String scope) {
    IndicatorsReport report = current().indicators();
    if (PortfolioReport.ALL.equals(scope)) {
      return java.util.Optional.of(report.system());
    }
    return report.scopes().stream().filter(s -> s.scope().equals(scope)).findFirst();
  }

  private static double number(BigDecimal value) {
    return value == null ? Double.NaN : value.doubleValue();
  }

  private void scopeGauge(MeterRegistry registry, String scope, String name, String description,
      ToDoubleFunction<ScopeFigures> value) {
    Gauge.builder(name, this, m -> value.applyAsDouble(m.scope(scope)))
        .description(description).tags(Tags.of("scope", scope)).register(registry);
  }

  private ScopeFigures scope(String scope) {
    PortfolioReport report = current().report();
    if (PortfolioReport.ALL.equals(scope)) {
      return report.system();
    }
    return report.scopes().stream().filter(s -> s.scope().equals(scope)).findFirst().orElse(report.system());
  }

  private double fund(String quarter, ToDoubleFunction<FundFigures> value) {
    return current().report().funds().stream().filter(f -> f.quarterCode().equals(quarter))
        .mapToDouble(value).findFirst().orElse(Double.NaN);
  }

  /**
   * The cached reading, recomputed when older than the interval (one thread computes, others wait); its
   * indicators and pipeline only when older than the indicators' interval (or of another day).
   */
  Reading current() {
    Reading last = reading;
    if (last != null && last.at().plus(interval).isAfter(Instant.now())) {
      return last;
    }
    synchronized (this) {
      last = reading;
      Instant now = Instant.now();
      if (last == null || !last.at().plus(interval).isAfter(now)) {
        LocalDate today = LocalDate.now(clock);
        Instant indicatorsAt;
        IndicatorsReport indicatorsReport;
        PipelineReport pipelineReport;
        if (last != null && last.indicatorsAt().plus(indicatorsInterval).isAfter(now)
            && today.equals(last.indicators().asOf())) {
          indicatorsAt = last.indicatorsAt();
          indicatorsReport = last.indicators();
          pipelineReport = last.pipeline();
        } else {
          indicatorsAt = now;
          indicatorsReport = indicators.indicators(today, PortfolioIndicators.defaultFrom(today), WHOLE_PORTFOLIO);
          pipelineReport = indicators.pipeline(today, WHOLE_PORTFOLIO);
          indicatorComputations++;
        }
        reading = new Reading(now, portfolio.reportAsOf(today), indicatorsAt, indicatorsReport, pipelineReport,
            warned.openWarningsByScope(), runtime.createIncidentQuery().count(), tasks.createTaskQuery().count(),
            management.createJobQuery().executable().count());
        computations++;
      }
      return reading;
    }
  }

  /** How many readings were computed (each with the cheap figures). */
  synchronized long computations() {
    return computations;
  }

  /** How many of them computed the indicators and the pipeline. */
  synchronized long indicatorComputations() {
    return indicatorComputations;
  }
}
