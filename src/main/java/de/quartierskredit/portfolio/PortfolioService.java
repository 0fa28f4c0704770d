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

  PortfolioService(PortfolioReportRepository reports, PortfolioSnapshotRepository snapshots) {
    this.reports = reports;
    this.snapshots = snapshots;
  }

  @Transactional(readOnly = true)
  public PortfolioReport reportAsOf(LocalDate asOf) {
    return reports.reportAsOf(asOf);
  }

  /** Computes and stores the snapshot of a reporting date (the 15th). */
  @Transactional
  public PortfolioReport takeSnapshot(LocalDate reportingDate) {
    PortfolioReport report = reports.reportAsOf(reportingDate);
    snapshots.store(report);
    return report;
  }

  @Transactional(readOnly = true)
  List<PortfolioSnapshotRepository.Snapshot> snapshotsBetween(LocalDate from, LocalDate until) {
    return snapshots.between(from, until);
  }
}
