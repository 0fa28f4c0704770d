package de.quartierskredit.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.support.QuartierskreditTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** {@code /actuator/prometheus}: portfolio per quarter and engine health, computed once per interval. */
@QuartierskreditTest
class PortfolioMetricsTest {

  @Autowired TestRestTemplate rest;
  @Autowired PortfolioMetrics metrics;

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
    // twenty-odd gauges on two scrapes, and at most one new computation (the interval is a minute)
    assertThat(metrics.computations()).isEqualTo(computations);
    assertThat(second.getBody()).contains("quartierskredit_disturbance_rate");
  }
}
