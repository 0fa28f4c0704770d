package de.quartierskredit.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.support.QuartierskreditTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * {@code ops/grafana/quartierskredit-dashboard.json}: it parses as a Grafana dashboard, reads its
 * Prometheus data source from a variable, names only metrics the application exports (as scraped from
 * {@code /actuator/prometheus} with the scraper's login, i.e. after Micrometer's naming: dots become
 * underscores, the base unit a suffix), and titles its panels in German.
 */
@QuartierskreditTest
class GrafanaDashboardTest {

  static final Path DASHBOARD = Path.of("ops", "grafana", "quartierskredit-dashboard.json");
  /** PromQL's functions, aggregations and keywords: every other name in an expression is a metric. */
  static final Set<String> PROMQL = Set.of("sum", "avg", "min", "max", "count", "stddev", "stdvar", "topk", "bottomk",
      "quantile", "count_values", "group", "rate", "irate", "increase", "delta", "idelta", "deriv", "abs", "ceil", "floor",
      "round", "clamp", "clamp_min", "clamp_max", "scalar", "vector", "sort", "sort_desc", "time", "timestamp",
      "avg_over_time", "min_over_time", "max_over_time", "last_over_time", "sum_over_time", "absent", "offset", "bool",
      "and", "or", "unless", "label_replace", "label_join", "histogram_quantile");
  /** English words a German manager should not meet in a panel title. */
  static final List<String> ENGLISH = List.of("rate", "loans", "loan", "fund", "funds", "loss", "losses", "incidents",
      "tasks", "aging", "overdue", "outstanding", "disturbance", "disturbed", "pending", "stalled", "health",
      "portfolio at risk", "write-off", "repayment", "committee", "open", "due", "by", "per", "and", "of", "the");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;

  @Test
  void shouldReadOnlyMetricsTheApplicationExports() throws Exception {
    JsonNode dashboard = JSON.readTree(Files.readString(DASHBOARD));
    var scrape = rest.withBasicAuth("prometheus", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    Set<String> exported = exportedMetrics(scrape.getBody());

    Set<String> named = new TreeSet<>();
    expressions(dashboard).forEach(expr -> named.addAll(metricsIn(expr)));
    dashboard.at("/templating/list").forEach(variable -> {
      Matcher labelValues = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)")
          .matcher(variable.path("definition").asText());
      if (labelValues.find()) {
        named.add(labelValues.group(1));
      }
    });

    assertThat(named).as("metrics the dashboard reads").hasSizeGreaterThan(15)
        .contains("quartierskredit_disturbance_rate", "quartierskredit_par_ratio", "quartierskredit_aging_principal_euros",
            "quartierskredit_fund_utilisation", "quartierskredit_losses_euros", "quartierskredit_pipeline_cases",
            "quartierskredit_committee_pending", "quartierskredit_contracts_stalled", "camunda_incidents_open",
            "camunda_tasks_open", "camunda_jobs_due", "quartierskredit_loans_warned");
    assertThat(exported).as("metrics the application exports").containsAll(named);
  }

  @Test
  void shouldBeAGrafanaDashboardWithItsDataSourceAsAVariableAndGermanTitles() throws Exception {
    JsonNode dashboard = JSON.readTree(Files.readString(DASHBOARD));

    assertThat(dashboard.path("schemaVersion").asInt()).as("Grafana 10+ schema").isGreaterThanOrEqualTo(36);
    assertThat(dashboard.path("uid").asText()).isNotBlank();
    assertThat(dashboard.at("/templating/list/0/type").asText()).isEqualTo("datasource");
    assertThat(dashboard.at("/templating/list/0/query").asText()).isEqualTo("prometheus");
    String variable = "${" + dashboard.at("/templating/list/0/name").asText() + "}";
    List<String> titles = new ArrayList<>(List.of(dashboard.path("title").asText()));
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      titles.add(panel.path("title").asText());
      assertThat(ids.add(panel.path("id").asText())).as("panel ids are unique").isTrue();
      if ("row".equals(panel.path("type").asText())) {
        continue;
      }
      assertThat(panel.at("/datasource/uid").asText()).as(panel.path("title").asText()).isEqualTo(variable);
      assertThat(panel.path("targets")).as(panel.path("title").asText() + " has queries").isNotEmpty();
      panel.path("targets").forEach(t -> assertThat(t.at("/datasource/uid").asText()).isEqualTo(variable));
      assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
    }
    assertThat(titles).hasSizeGreaterThan(15).allSatisfy(title -> {
      assertThat(title).isNotBlank();
      for (String word : ENGLISH) {
        assertThat(Pattern.compile("(?i)(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])").matcher(title).find())
            .as("English \"" + word + "\" in the title \"" + title + "\"").isFalse();
      }
    });
    assertThat(String.join(" ", titles)).contains("10 %", "PAR30", "Überfälligkeit", "Haftungsfonds", "Verluste",
        "Vergabeausschuss", "Frühwarnung", "Vorfälle", "Aufgaben", "Fällige Jobs");
  }

  @Test
  void shouldFindTheMetricsInAnExpression() {
    assertThat(metricsIn("quartierskredit_fund_outstanding_euros + on (quarter) quartierskredit_fund_reserved_euros"))
        .containsExactly("quartierskredit_fund_outstanding_euros", "quartierskredit_fund_reserved_euros");
    assertThat(metricsIn("sum by (scope) (rate(camunda_x_total{scope=~\"$scope\", a=\"b c\"}[5m])) > bool 0.1"))
        .containsExactly("camunda_x_total");
  }

  /** Every metric name in the scrape: "name{labels} value" or "name value" (comments skipped). */
  static Set<String> exportedMetrics(String scrape) {
    Set<String> names = new TreeSet<>();
    scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
        .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
    return names;
  }

  static List<String> expressions(JsonNode dashboard) {
    List<String> expressions = new ArrayList<>();
    dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
    return expressions;
  }

  /** The metric names in a PromQL expression: label matchers, ranges, strings and label lists removed. */
  static Set<String> metricsIn(String expr) {
    String bare = expr.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ").replaceAll("\"[^\"]*\"", " ")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new TreeSet<>();
    Matcher identifier = Pattern.compile("(?<![\\w.])[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(bare);
    while (identifier.find()) {
      if (!PROMQL.contains(identifier.group())) {
        names.add(identifier.group());
      }
    }
    return names;
  }
}
