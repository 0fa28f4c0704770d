package de.quartierskredit.portfolio;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the funder's monthly report together from the portfolio report, the indicators and the
 * pipeline, always for the whole programme (the caller's right to see it is checked by the controller).
 */
@Service
class FunderReports {

  private static final PortfolioVisibility WHOLE_PORTFOLIO = new PortfolioVisibility(true, List.of(), null);

  private final PortfolioService portfolio;
  private final IndicatorsService indicators;
  private final Clock clock;

  FunderReports(PortfolioService portfolio, IndicatorsService indicators, Clock clock) {
    this.portfolio = portfolio;
    this.indicators = indicators;
    this.clock = clock;
  }

  /**
   * The month's report: figures as of its last day (today while it runs), period figures over the
   * month, the standard on its 15th (the previous 15th while the month has not reached it).
   */
  @Transactional(readOnly = true)
  FunderReport forMonth(YearMonth month) {
    LocalDate today = LocalDate.now(clock);
    LocalDate asOf = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
    LocalDate reportingDate = DisturbanceStandardPolicy.reportingDateOnOrBefore(asOf);
    PortfolioReport onReportingDate = portfolio.reportAsOf(reportingDate);
    return new FunderReport(month, asOf, reportingDate, today,
        indicators.indicators(asOf, month.atDay(1), WHOLE_PORTFOLIO), indicators.pipeline(asOf, WHOLE_PORTFOLIO),
        onReportingDate, StandardVerdict.of(onReportingDate), portfolio.reportAsOf(asOf).outcomes(),
        portfolio.reportAsOf(month.atDay(1).minusDays(1)).outcomes());
  }
}
