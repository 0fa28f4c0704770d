package de.quartierskredit.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.support.QuartierskreditTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * {@code /actuator/prometheus}: portfolio per quarter, the field's indicators, the pipeline and engine
 * health, computed once per interval.
 */
@QuartierskreditTest
class PortfolioMetricsTest {

  @Autowired TestRestTemplate rest;
  @Autowired PortfolioMetrics metrics;
  @Autowired WarnedLoans warned;
  @Autowired de.quartierskredit.loan.LoanRepository loans;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void shouldExportPortfolioAndEngineFiguresFromOneReadingPerInterval() {
    var first = rest.withBasicAuth("prometheus", "demo").getForEntity("/actuator/prometheus", String.class);
    long computations = metrics.computations();
    var second = rest.withBasicAuth("prometheus", "demo").getForEntity("/actuator/prometheus", String.class);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.getBody())
        .contains("quartierskredit_disturbance_rate{scope=\"kiel\"}")
        .contains("quartierskredit_loans_outstanding{scope=\"ALL\"}")
        .contains("quartierskredit_fund_utilisation{quarter=\"leipzig\"}")
        .contains("quartierskredit_fund_free_euros{quarter=\"offenbach\"}")
        .contains("camunda_incidents_open").contains("camunda_tasks_open").contains("camunda_jobs_due");
    // a few hundred gauges on two scrapes, and at most one new computation (the interval is a minute)
    assertThat(metrics.computations()).isEqualTo(computations);
    assertThat(second.getBody()).contains("quartierskredit_disturbance_rate");
  }

  @Test
  void shouldExportTheIndicatorsPipelineAndFundsPerScope() {
    String scrape = rest.withBasicAuth("prometheus", "demo").getForEntity("/actuator/prometheus", String.class).getBody();
    long computations = metrics.computations();
    PortfolioMetrics.Reading reading = metrics.current();

    assertThat(scrape)
        .contains("quartierskredit_par_ratio{days=\"30\",scope=\"ALL\"}")
        .contains("quartierskredit_par_ratio{days=\"90\",scope=\"OUTSIDE\"}")
        .contains("quartierskredit_par_principal_euros{days=\"30\",scope=\"leipzig\"}")
        .contains("quartierskredit_par_loans{days=\"90\",scope=\"kiel\"}")
        .contains("quartierskredit_gross_portfolio_euros{scope=\"ALL\"}")
        .contains("quartierskredit_writeoff_ratio{scope=\"offenbach\"}")
        .contains("quartierskredit_writeoff_principal_euros{scope=\"ALL\"}")
        .contains("quartierskredit_repayment_rate{scope=\"ALL\"}")
        .contains("quartierskredit_default_rate_by_loans_granted{scope=\"ALL\"}")
        .contains("quartierskredit_default_rate_by_repayments{scope=\"ALL\"}")
        .contains("quartierskredit_committee_pending{quarter=\"duisburg\"}")
        .contains("quartierskredit_contracts_stalled ")
        .contains("quartierskredit_fund_capacity_euros{quarter=\"offenbach\"}")
        .contains("quartierskredit_fund_outstanding_euros{quarter=\"offenbach\"}")
        .contains("quartierskredit_fund_reserved_euros{quarter=\"offenbach\"}")
        .contains("quartierskredit_loans_warned{scope=\"ALL\"}")
        .contains("quartierskredit_loans_warned{scope=\"OUTSIDE\"}")
        .containsPattern("quartierskredit_aging_principal_euros\\{bucket=\"OVER_90\",label=\"[^\"]+\",scope=\"ALL\"}")
        .containsPattern("quartierskredit_aging_loans\\{bucket=\"D1_30\",label=\"[^\"]+\",scope=\"leipzig\"}")
        .containsPattern("quartierskredit_losses_euros\\{bearer=\"NATIONAL_FUND\",label=\"[^\"]+\",scope=\"ALL\"}")
        .containsPattern("quartierskredit_pipeline_cases\\{label=\"[^\"]+\",stage=\"[A-Z_]+\"}")
        .containsPattern("quartierskredit_pipeline_oldest_days\\{label=\"[^\"]+\",stage=\"[A-Z_]+\"}");
    // five aging buckets and three loss bearers per scope (7 quarters, outside, all)
    assertThat(scrape.lines().filter(l -> l.startsWith("quartierskredit_aging_principal_euros{"))).hasSize(5 * 9);
    assertThat(scrape.lines().filter(l -> l.startsWith("quartierskredit_losses_euros{"))).hasSize(3 * 9);
    assertThat(scrape.lines().filter(l -> l.startsWith("quartierskredit_pipeline_cases{")))
        .hasSize(reading.pipeline().stages().size());

    // the gauges show the reading's figures (same reading: nothing was recomputed in between)
    assertThat(metrics.computations()).isEqualTo(computations);
    IndicatorsReport.ScopeIndicators system = reading.indicators().system();
    assertThat(value(scrape, "quartierskredit_gross_portfolio_euros{scope=\"ALL\"}"))
        .isEqualTo(system.grossPortfolio().doubleValue());
    assertThat(value(scrape, "quartierskredit_par_ratio{days=\"30\",scope=\"ALL\"}"))
        .isEqualTo(system.par30().ratio().doubleValue());
    assertThat(value(scrape, "quartierskredit_contracts_stalled")).isEqualTo(reading.pipeline().stalledContracts().size());
    assertThat(value(scrape, "quartierskredit_loans_warned{scope=\"ALL\"}")).isEqualTo(reading.warned().get("ALL").doubleValue());
  }

  @Autowired PortfolioService portfolio;
  @Autowired IndicatorsService indicators;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired java.time.Clock clock;

  @Test
  void shouldKeepTheIndicatorsForTheirOwnLongerIntervalAndRecomputeTheCheapFigures() {
    // the cheap figures at every reading (interval zero), the indicators once an hour
    var hourly = new PortfolioMetrics(portfolio, indicators, warned, runtime, tasks, management, clock, Duration.ZERO,
        Duration.ofHours(1));
    PortfolioMetrics.Reading first = hourly.current();
    PortfolioMetrics.Reading second = hourly.current();

    assertThat(hourly.computations()).isEqualTo(2);
    assertThat(hourly.indicatorComputations()).isEqualTo(1);
    // the cheap figures were read again, the indicators and the pipeline kept
    assertThat(second).isNotSameAs(first);
    assertThat(second.report()).isNotSameAs(first.report());
    assertThat(second.indicatorsAt()).isEqualTo(first.indicatorsAt());
    assertThat(second.indicators()).isSameAs(first.indicators());
    assertThat(second.pipeline()).isSameAs(first.pipeline());

    // with the indicators' interval over, they are computed again at every reading
    var always = new PortfolioMetrics(portfolio, indicators, warned, runtime, tasks, management, clock, Duration.ZERO,
        Duration.ZERO);
    PortfolioMetrics.Reading a = always.current();
    PortfolioMetrics.Reading b = always.current();
    assertThat(always.indicatorComputations()).isEqualTo(2);
    assertThat(b.indicators()).isNotSameAs(a.indicators());
    assertThat(b.pipeline()).isNotSameAs(a.pipeline());
    assertThat(b.indicatorsAt()).isAfterOrEqualTo(a.indicatorsAt());
  }

  @Test
  void shouldCountOpenEarlyWarningsPerScopeAndNotClearedOnes() {
    var build = new HandBuiltPortfolio(loans, jdbc);
    java.time.LocalDate disbursed = java.time.LocalDate.of(2008, 2, 1);
    var kiel = build.activeLoan("kiel", "1500.00", disbursed);
    var outside = build.activeLoan(null, "900.00", disbursed);
    var cleared = build.activeLoan("kiel", "700.00", disbursed);
    var before = warned.openWarningsByScope();

    warning(kiel.id(), true);
    warning(outside.id(), true);
    warning(cleared.id(), false);
    var after = warned.openWarningsByScope();

    assertThat(after.getOrDefault("kiel", 0L) - before.getOrDefault("kiel", 0L)).isEqualTo(1);
    assertThat(after.getOrDefault("OUTSIDE", 0L) - before.getOrDefault("OUTSIDE", 0L)).isEqualTo(1);
    assertThat(after.get("ALL") - before.get("ALL")).isEqualTo(2);
  }

  private void warning(long loanId, boolean open) {
    jdbc.sql("""
            INSERT INTO loan_warning (loan_id, open_loan_id, raised_on, reasons, reasons_seen, changed_on, cleared_on,
                                      cleared_because, created_at)
            VALUES (:loan, :open, DATE '2008-03-01', 'NOT_REACHED', 'NOT_REACHED', DATE '2008-03-01', :cleared, :because,
                    CURRENT_TIMESTAMP)""")
        .param("loan", loanId).param("open", open ? loanId : null)
        .param("cleared", open ? null : java.time.LocalDate.of(2008, 3, 20)).param("because", open ? null : "REASONS_GONE")
        .update();
  }

  private static double value(String scrape, String series) {
    return scrape.lines().filter(l -> l.startsWith(series + " ")).map(l -> Double.parseDouble(l.substring(series.length() + 1).strip()))
        .findFirst().orElseThrow(() -> new AssertionError("no series " + series));
  }
}
