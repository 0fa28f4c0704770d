package de.quartierskredit.portfolio;

import de.quartierskredit.shared.InputRefusedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly report for the funder, {@code ?month=JJJJ-MM}: {@code /api/portfolio/funder-report.csv}
 * (for Excel) and {@code /api/portfolio/funder-report} (a page to print or save as PDF), linked from
 * the Cockpit dashboard. Only for those who see the whole programme (managers, the microfinancer,
 * process owners): the report is the programme's, and a quarter's cut would be a different report
 * under the same name; an advisor or committee member reads their quarter on the dashboard and at
 * {@code /api/portfolio/report} (403 here). Anonymous: 401. A bad or future month: 400 in German.
 */
@RestController
@RequestMapping("/api/portfolio")
class FunderReportController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  private final FunderReports reports;
  private final IdentityService identity;
  private final Clock clock;

  FunderReportController(FunderReports reports, IdentityService identity, Clock clock) {
    this.reports = reports;
    this.identity = identity;
    this.clock = clock;
  }

  @GetMapping("/funder-report.csv")
  ResponseEntity<byte[]> csv(@RequestParam(required = false) String month) {
    FunderReport report = reports.forMonth(month(month));
    return ResponseEntity.ok().contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("quartierskredit-monatsbericht-" + report.month() + ".csv").build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(FunderReportCsv.render(report).getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/funder-report")
  ResponseEntity<String> page(@RequestParam(required = false) String month) {
    FunderReport report = reports.forMonth(month(month));
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", FunderReportPage.CONTENT_SECURITY_POLICY)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(FunderReportPage.render(report));
  }

  /** The caller may read the whole programme, and the month is a past or the current month. */
  private YearMonth month(String month) {
    if (!PortfolioVisibility.of(identity).wholePortfolio()) {
      throw new AuthorizationException("Der Monatsbericht für den Fonds ist dem Management, dem Mikrofinanzierer und "
          + "den Prozessverantwortlichen vorbehalten; die Zahlen des eigenen Quartiers stehen im Cockpit.");
    }
    String example = YearMonth.now(clock).minusMonths(1).toString();
    if (month == null || !MONTH.matcher(month.strip()).matches()) {
      throw new InputRefusedException("month", "Bitte den Monat als JJJJ-MM angeben, zum Beispiel " + example + ".");
    }
    YearMonth parsed;
    try {
      parsed = YearMonth.parse(month.strip());
    } catch (DateTimeParseException e) {
      throw new InputRefusedException("month", "Einen Monat " + month.strip() + " gibt es nicht; bitte als JJJJ-MM "
          + "angeben, zum Beispiel " + example + ".");
    }
    if (parsed.isAfter(YearMonth.from(LocalDate.now(clock)))) {
      throw new InputRefusedException("month", "Für " + FunderReportPage.monthName(parsed)
          + " gibt es noch keine Zahlen: der Monat hat noch nicht begonnen.");
    }
    return parsed;
  }
}
