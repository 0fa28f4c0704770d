package de.quartierskredit.portfolio;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The manager's view of the portfolio: reports as of any date and the monthly snapshots. */
@Service
public class PortfolioService {

  private final PortfolioReportRepository reports;
  private final PortfolioSnapshotRepository snapshots;
  private final PortfolioIndicatorsRepository indicators;

  PortfolioService(PortfolioReportRepository reports, PortfolioSnapshotRepository snapshots,
      PortfolioIndicatorsRepository indicators) {
    this.reports = reports;
    this.snapshots = snapshots;
    this.indicators = indicators;
  }

  @Transactional(readOnly = true)
  public PortfolioReport reportAsOf(LocalDate asOf) {
    return reports.reportAsOf(asOf);
  }

  /**
   * Computes and stores the snapshot of a reporting date (the 15th): the report's figures and, for the
   * trend, PAR30 and PAR90 of every scope as the indicators compute them on that date.
   */
  @Transactional
  public PortfolioReport takeSnapshot(LocalDate reportingDate) {
    PortfolioReport report = reports.reportAsOf(reportingDate);
    snapshots.store(report, indicators.atRiskByScope(reportingDate,
        report.scopes().stream().map(PortfolioReport.ScopeFigures::scope).toList()));
    return report;
  }

  @Transactional(readOnly = true)
  List<PortfolioSnapshotRepository.Snapshot> snapshotsBetween(LocalDate from, LocalDate until) {
    return snapshots.between(from, until);
  }
}
