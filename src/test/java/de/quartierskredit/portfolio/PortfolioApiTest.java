package de.quartierskredit.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.support.QuartierskreditTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /api/portfolio}: managers get the whole portfolio, an advisor only their quarter. */
@QuartierskreditTest
class PortfolioApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate DATE = LocalDate.of(2020, 5, 15);

  @Autowired TestRestTemplate rest;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired PortfolioService portfolio;

  private JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(response.getBody());
  }

  @Test
  void shouldGiveManagersTheWholePortfolioAsOfADate() throws Exception {
    var build = new HandBuiltPortfolio(loans, jdbc);
    var loan = build.activeLoan("offenbach", "4000.00", DATE.minusMonths(2));
    build.disturbed(loan, DATE.minusDays(3), null);
    build.activeLoan("leipzig", "2500.00", DATE.minusMonths(1));

    JsonNode report = get("monika", "/api/portfolio/report?asOf=" + DATE);

    assertThat(report.get("asOf").asText()).isEqualTo(DATE.toString());
    assertThat(report.get("scopes")).hasSize(8);
    assertThat(report.at("/system/loansOutstanding").asInt()).isEqualTo(2);
    assertThat(report.at("/system/principalDisturbed").decimalValue()).isEqualByComparingTo("4000.00");
    assertThat(report.get("funds")).hasSize(7);
    assertThat(report.at("/microfinancer/lossCap")).isNotNull();
  }

  @Test
  void shouldGiveAnAdvisorOnlyTheFiguresOfTheirQuarter() throws Exception {
    JsonNode report = get("anna", "/api/portfolio/report?asOf=" + DATE);

    assertThat(report.get("scopes")).hasSize(1);
    assertThat(report.at("/scopes/0/scope").asText()).isEqualTo("offenbach");
    assertThat(report.get("funds")).hasSize(1);
    assertThat(report.has("microfinancer")).isFalse();
    assertThat(report.at("/system/scope").asText()).isEqualTo("offenbach");
  }

  @Test
  void shouldRefuseTheBankAndAnonymousCallers() {
    assertThat(rest.withBasicAuth("bernd", "demo").getForEntity("/api/portfolio/report", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/portfolio/report", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldListTheMonthlySnapshotsForTheTrend() throws Exception {
    portfolio.takeSnapshot(LocalDate.now().withDayOfMonth(15).minusMonths(1));

    JsonNode all = get("monika", "/api/portfolio/snapshots?months=12");
    JsonNode own = get("lars", "/api/portfolio/snapshots?months=12");

    assertThat(all.findValuesAsText("scope")).contains("ALL", "leipzig", "offenbach");
    assertThat(own.findValuesAsText("scope")).isNotEmpty().containsOnly("leipzig");
  }

  @Test
  void shouldStateTheStandardOfTheLastReportingDateAndOfTodayInWords() throws Exception {
    var build = new HandBuiltPortfolio(loans, jdbc);
    LocalDate disbursed = LocalDate.of(2012, 3, 1);
    for (int i = 0; i < 8; i++) {
      build.activeLoan("offenbach", "1000.00", disbursed);
    }
    for (int i = 0; i < 6; i++) {
      build.activeLoan("kiel", "1000.00", disbursed);
    }
    var late = build.activeLoan("kiel", "1000.00", disbursed);
    build.disturbed(late, LocalDate.of(2012, 5, 20), null);

    JsonNode status = get("monika", "/api/portfolio/standard?asOf=2012-06-02");

    assertThat(status.get("reportingDate").asText()).isEqualTo("2012-05-15");
    assertThat(status.at("/standard/holds").asBoolean()).isTrue();
    assertThat(status.at("/standard/summary").asText()).isEqualTo("Standard eingehalten: im gesamten System 0,0 % der "
        + "ausstehenden Kredite gestört, in jedem Quartier und außerhalb der Quartiere höchstens 10 % (Grenze 10 %).");
    assertThat(status.get("asOf").asText()).isEqualTo("2012-06-02");
    assertThat(status.at("/current/holds").asBoolean()).isFalse();
    assertThat(status.at("/current/summary").asText())
        .isEqualTo("Standard verfehlt in Kiel: 14,3 % gestört (Grenze 10 %). Im gesamten System 6,7 % gestört.");
    assertThat(status.at("/current/scopes").findValuesAsText("status")).contains("verfehlt", "eingehalten");
  }

  @Test
  void shouldStateTheStandardOnlyForTheAdvisorsOwnQuarter() throws Exception {
    JsonNode status = get("lars", "/api/portfolio/standard?asOf=2012-06-02");

    assertThat(status.at("/current/scopes").findValuesAsText("scope")).containsExactly("leipzig");
    assertThat(status.toString()).doesNotContain("Kiel", "gesamten System");
  }

  @Test
  void shouldRefuseAStandardQueryWithAGermanDateOrFromTheBank() {
    ResponseEntity<String> german = rest.withBasicAuth("monika", "demo")
        .getForEntity("/api/portfolio/standard?asOf=02.06.2012", String.class);
    assertThat(german.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(german.getHeaders().getContentType()).hasToString("application/problem+json");
    for (String edge : new String[] {"0001-01-01", "9999-12-31"}) {
      assertThat(rest.withBasicAuth("monika", "demo").getForEntity("/api/portfolio/standard?asOf=" + edge, String.class)
          .getStatusCode().is5xxServerError()).as("answer for " + edge).isFalse();
    }
    assertThat(rest.withBasicAuth("bernd", "demo").getForEntity("/api/portfolio/standard", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/portfolio/standard", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
