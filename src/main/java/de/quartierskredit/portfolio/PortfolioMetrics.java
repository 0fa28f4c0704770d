package de.quartierskredit.portfolio;

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
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Prometheus figures: the portfolio per quarter (outstanding, disturbed, rate, fund utilisation) and
 * the engine's health (open incidents, open tasks, due jobs). All gauges read one cached reading
 * that is computed at most once per interval, however often and by however many gauges scraped.
 */
@Component
class PortfolioMetrics implements MeterBinder {

  private final PortfolioService portfolio;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final Clock clock;
  private final Duration interval;
  private volatile Reading reading;
  private long computations;

  PortfolioMetrics(PortfolioService portfolio, RuntimeService runtime, TaskService tasks,
      ManagementService management, Clock clock,
      @Value("${quartierskredit.metrics.interval:PT1M}") Duration interval) {
    this.portfolio = portfolio;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.clock = clock;
    this.interval = interval;
  }

  /** One computation of every figure. */
  record Reading(Instant at, PortfolioReport report, long incidents, long openTasks, long dueJobs) {}

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
    Gauge.builder("camunda.incidents.open", this, m -> m.current().incidents()).description("open incidents").register(registry);
    Gauge.builder("camunda.tasks.open", this, m -> m.current().openTasks()).description("open user tasks").register(registry);
    Gauge.builder("camunda.jobs.due", this, m -> m.current().dueJobs()).description("executable jobs that are due").register(registry);
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

  /** The cached reading, recomputed when older than the interval (one thread computes, others wait). */
  Reading current() {
    Reading last = reading;
    if (last != null && last.at().plus(interval).isAfter(Instant.now())) {
      return last;
    }
    synchronized (this) {
      last = reading;
      if (last == null || !last.at().plus(interval).isAfter(Instant.now())) {
        reading = new Reading(Instant.now(), portfolio.reportAsOf(LocalDate.now(clock)),
            runtime.createIncidentQuery().count(), tasks.createTaskQuery().count(),
            management.createJobQuery().executable().count());
        computations++;
      }
      return reading;
    }
  }

  synchronized long computations() {
    return computations;
  }
}
