package de.quartierskredit.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.support.QuartierskreditTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The funder's monthly report ({@code /api/portfolio/funder-report.csv} and the print page): its
 * figures and format, who may fetch it, and the German refusal of a bad month. The portfolio is built
 * by hand in March 2009 (a year no other test uses): Offenbach 1 of 4 loans disturbed on the 15th
 * (25 %, standard broken), Leipzig 2 loans undisturbed, one loan outside the quarters.
 */
@QuartierskreditTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunderReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MONTH = "2009-03";

  @Autowired TestRestTemplate rest;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;

  private final List<Loan> built = new ArrayList<>();

  @BeforeAll
  void buildMarch2009() {
    var build = new HandBuiltPortfolio(loans, jdbc);
    LocalDate disbursed = LocalDate.of(2009, 1, 10);
    for (int i = 0; i < 4; i++) {
      built.add(build.activeLoan("offenbach", "1000.00", disbursed));
    }
    build.disturbed(built.get(0), LocalDate.of(2009, 3, 2), null);
    built.add(build.activeLoan("leipzig", "2000.00", disbursed));
    built.add(build.activeLoan("leipzig", "2000.00", disbursed));
    built.add(build.activeLoan(null, "500.00", disbursed));
  }

  private ResponseEntity<byte[]> csv(String user, String month) {
    return rest.withBasicAuth(user, "demo").getForEntity("/api/portfolio/funder-report.csv?month=" + month, byte[].class);
  }

  private ResponseEntity<String> page(String user, String month) {
    return rest.withBasicAuth(user, "demo").getForEntity("/api/portfolio/funder-report?month=" + month, String.class);
  }

  @Nested
  class Csv {

    @Test
    void shouldOpenInGermanExcelWithOneRowPerScope() {
      ResponseEntity<byte[]> response = csv("monika", MONTH);

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(response.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
      assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
          .isEqualTo("attachment; filename=\"quartierskredit-monatsbericht-2009-03.csv\"");
      byte[] body = response.getBody();
      assertThat(Arrays.copyOf(body, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
      String text = new String(body, StandardCharsets.UTF_8).substring(1);
      assertThat(text).endsWith("\r\n").doesNotContain("\n\n");
      assertThat(text.replace("\r\n", "")).as("every line ends CRLF").doesNotContain("\n");
      List<String> lines = text.lines().toList();
      String[] header = lines.get(0).split(";", -1);
      assertThat(header).startsWith("Monat", "Stand", "Bereich", "Stichtag", "Kredite ausstehend am Stichtag",
          "Kredite gestört am Stichtag", "Störungsquote am Stichtag (%)", "Standard 10 % am Stichtag");
      assertThat(header).contains("PAR30 (%)", "PAR90 (%)", "PAR30 Kapital (EUR)", "Bruttoportfolio (EUR)",
          "Ausfallquote je vergebene Kredite (%)", "Ausfallquote je Rückzahlungen (%)", "Abschreibungsquote im Monat (%)",
          "Rückzahlungsquote im Monat (%)", "durch Beratung beendet (bis Monatsende)", "privat finanziert (im Monat)",
          "Bedarf reduziert (bis Monatsende)", "offene Entscheidungen des Vergabeausschusses", "stockende Verträge");
      assertThat(Arrays.stream(header).filter(h -> h.startsWith("Überfälligkeit"))).hasSize(5);
      assertThat(Arrays.stream(header).filter(h -> h.startsWith("Verlust "))).hasSize(3);
      // seven quarters, outside the quarters, the whole system
      assertThat(lines).hasSize(1 + 9);
      lines.forEach(line -> assertThat(line.split(";", -1)).as(line).hasSize(header.length));

      List<String> offenbach = field(lines, "Offenbach");
      assertThat(offenbach.subList(0, 8)).containsExactly("03.2009", "31.03.2009", "Offenbach", "15.03.2009", "4", "1",
          "25,00", "verfehlt");
      assertThat(value(lines, header, "Offenbach", "Bruttoportfolio (EUR)")).isEqualTo("4000,00");
      assertThat(value(lines, header, "Leipzig", "Störungsquote am Stichtag (%)")).isEqualTo("0,00");
      assertThat(value(lines, header, "Leipzig", "Standard 10 % am Stichtag")).isEqualTo("eingehalten");
      String system = lines.get(lines.size() - 1);
      assertThat(system.split(";", -1)[2]).as("the last row is the whole system").isNotBlank();
      assertThat(system.split(";", -1)[4]).as("loans on the 15th in the whole system").isEqualTo("7");
      assertThat(system.split(";", -1)[6]).isEqualTo("14,29");
      assertThat(value(lines, header, system.split(";", -1)[2], "Bruttoportfolio (EUR)")).isEqualTo("8500,00");
      assertThat(value(lines, header, "Offenbach", "durch Beratung beendet (bis Monatsende)"))
          .as("outcomes only in the system's row").isEmpty();
      assertThat(value(lines, header, system.split(";", -1)[2], "ausgezahlt (bis Monatsende)")).matches("\\d+");
      // numbers are numbers for Excel: decimal comma, no thousands separator, no unit in the cell
      Pattern number = Pattern.compile("-?\\d+(,\\d+)?");
      for (String column : List.of("Bruttoportfolio (EUR)", "PAR30 (%)", "PAR90 Kapital (EUR)", "Rückzahlungsquote im Monat (%)")) {
        String cell = value(lines, header, "Offenbach", column);
        assertThat(cell.isEmpty() || number.matcher(cell).matches()).as(column + " = " + cell).isTrue();
      }
      assertThat(text).as("an amount with a decimal point or a unit").doesNotContain("EUR;")
          .doesNotContainPattern("\\d\\.\\d{2}(;|\\r)");
    }

    @Test
    void shouldHoldNoPersonalDataOfBorrowers() {
      String text = new String(csv("monika", MONTH).getBody(), StandardCharsets.UTF_8)
          + page("monika", MONTH).getBody();

      assertThat(text).doesNotContain("Betrieb offenbach", "Test Kreditnehmer");
      for (Loan loan : built) {
        assertThat(text).doesNotContain(loan.reference());
      }
    }
  }

  @Nested
  class PrintPage {

    @Test
    void shouldShowTheMonthInGermanReadyToPrint() {
      ResponseEntity<String> response = page("mia", MONTH);

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(response.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
      assertThat(response.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'none'")
          .contains("script-src 'sha256-");
      String html = response.getBody();
      assertThat(html).contains("<html lang=\"de\">", "@media print", "@page", "Drucken / als PDF speichern");
      String text = html.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("(?s)<script>.*?</script>", " ")
          .replaceAll("<[^>]+>", " ").replace("&nbsp;", " ");
      assertThat(text).contains("Monatsbericht März 2009", "Stand 31.03.2009", "Stichtag 15.03.2009",
          "Standard verfehlt im gesamten System: 14,3 % gestört, in Offenbach: 25,0 % gestört", "8.500,00 EUR", "4.000,00 EUR", "PAR30", "PAR90",
          "Ausfallquote je vergebene Kredite", "Ausfallquote je Rückzahlungen", "Abschreibungsquote",
          "durch Beratung beendet", "privat finanziert", "Bedarf durch Beratung reduziert", "Antragspipeline",
          "Vergabeausschusses");
      assertThat(Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b").matcher(text).find()).as("an ISO date").isFalse();
      assertThat(Pattern.compile("\\d\\.\\d{1,2} ?(%|EUR)").matcher(text).find()).as("a decimal point").isFalse();
      assertThat(text).doesNotContain("null", "NaN", "undefined", "OUTSIDE", "ALL ");
    }

    @Test
    void shouldMarkTheCurrentMonthAsProvisional() {
      YearMonth now = YearMonth.now(java.time.ZoneId.of("Europe/Berlin"));
      ResponseEntity<String> response = page("monika", now.toString());

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
      if (LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).isBefore(now.atEndOfMonth())) {
        assertThat(response.getBody()).contains("vorläufige Zahlen");
      }
    }
  }

  @Nested
  class Access {

    @Test
    void shouldGiveTheReportToManagersTheMicrofinancerAndProcessOwners() {
      for (String user : List.of("monika", "mia", "admin")) {
        assertThat(csv(user, MONTH).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        assertThat(page(user, MONTH).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      }
    }

    @Test
    void shouldRefuseAdvisorsCommitteeMembersAndTheBankWithAGermanProblem() throws Exception {
      for (String user : List.of("anna", "sven", "bernd")) {
        ResponseEntity<String> refused = rest.withBasicAuth(user, "demo")
            .getForEntity("/api/portfolio/funder-report.csv?month=" + MONTH, String.class);
        assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = JSON.readTree(refused.getBody());
        assertThat(problem.path("detail").asText()).as(user).contains("vorbehalten");
        assertThat(page(user, MONTH).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      }
    }

    @Test
    void shouldAskAnonymousCallersToLogIn() {
      ResponseEntity<String> anonymous = rest.getForEntity("/api/portfolio/funder-report.csv?month=" + MONTH, String.class);

      assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
      assertThat(rest.getForEntity("/api/portfolio/funder-report?month=" + MONTH, String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
  }

  @Nested
  class BadMonth {

    @Test
    void shouldRefuseAMonthThatIsNoneInGerman() throws Exception {
      String nextMonth = YearMonth.now(java.time.ZoneId.of("Europe/Berlin")).plusMonths(2).toString();
      for (String month : List.of("2009-13", "März", "2009-3", "", "2009-03-01", nextMonth)) {
        ResponseEntity<String> refused = rest.withBasicAuth("monika", "demo")
            .getForEntity("/api/portfolio/funder-report.csv?month=" + month, String.class);
        assertThat(refused.getStatusCode()).as(month).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = JSON.readTree(refused.getBody());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("month");
        assertThat(problem.at("/errors/0/message").asText()).as(month)
            .containsAnyOf("JJJJ-MM", "noch nicht begonnen").doesNotContain("Exception", "YearMonth", "null");
        assertThat(page("monika", month).getStatusCode()).as(month).isEqualTo(HttpStatus.BAD_REQUEST);
      }
      ResponseEntity<String> missing = rest.withBasicAuth("monika", "demo")
          .getForEntity("/api/portfolio/funder-report.csv", String.class);
      assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
  }

  private static List<String> field(List<String> lines, String scopeName) {
    return lines.stream().map(l -> List.of(l.split(";", -1))).filter(f -> f.get(2).equals(scopeName)).findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + scopeName));
  }

  private static String value(List<String> lines, String[] header, String scopeName, String column) {
    int index = Arrays.asList(header).indexOf(column);
    assertThat(index).as("column " + column).isNotNegative();
    return field(lines, scopeName).get(index);
  }
}
