package de.quartierskredit.portfolio;

import de.quartierskredit.portfolio.PortfolioSnapshotRepository.Snapshot;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/portfolio}: the report as of any date, the 10 % standard in words and the monthly
 * snapshots, for managers (and the Cockpit dashboard plugin). Managers, the microfinancer and process owners see the whole
 * portfolio; an advisor or committee member sees only the figures of their own quarter; other
 * roles get 403.
 */
@RestController
@RequestMapping("/api/portfolio")
class PortfolioController {

  private final PortfolioService portfolio;
  private final IdentityService identity;
  private final Clock clock;

  PortfolioController(PortfolioService portfolio, IdentityService identity, Clock clock) {
    this.portfolio = portfolio;
    this.identity = identity;
    this.clock = clock;
  }

  @GetMapping("/report")
  PortfolioReport report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    PortfolioVisibility visibility = visibility();
    PortfolioReport report = portfolio.reportAsOf(asOf == null ? LocalDate.now(clock) : asOf);
    return visibility.wholePortfolio() ? report : visibility.restrict(report);
  }

  /**
   * The standard in words: on the last reporting date (the 15th) on or before {@code asOf} (default
   * today), and on {@code asOf} itself, for what the caller may see.
   */
  @GetMapping("/standard")
  StandardStatus standard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    PortfolioVisibility visibility = visibility();
    LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
    LocalDate reportingDate = DisturbanceStandardPolicy.reportingDateOnOrBefore(day);
    return new StandardStatus(reportingDate, verdict(visibility, reportingDate), day, verdict(visibility, day));
  }

  private StandardVerdict verdict(PortfolioVisibility visibility, LocalDate date) {
    PortfolioReport report = portfolio.reportAsOf(date);
    return StandardVerdict.of(visibility.wholePortfolio() ? report : visibility.restrict(report));
  }

  /** The verdict of the last reporting date and the verdict as the figures stand on {@code asOf}. */
  record StandardStatus(LocalDate reportingDate, StandardVerdict standard, LocalDate asOf, StandardVerdict current) {}

  @GetMapping("/snapshots")
  List<Snapshot> snapshots(@RequestParam(defaultValue = "12") int months) {
    PortfolioVisibility visibility = visibility();
    int span = Math.max(1, Math.min(months, 120));
    LocalDate today = LocalDate.now(clock);
    List<Snapshot> all = portfolio.snapshotsBetween(today.minusMonths(span), today);
    return visibility.wholePortfolio() ? all
        : all.stream().filter(s -> visibility.quarters().contains(s.scope())).toList();
  }

  private PortfolioVisibility visibility() {
    return PortfolioVisibility.of(identity);
  }
}
