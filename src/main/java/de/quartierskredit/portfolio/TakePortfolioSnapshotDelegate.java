package de.quartierskredit.portfolio;

import static de.quartierskredit.portfolio.PortfolioStandardProcess.Variables.*;

import de.quartierskredit.portfolio.PortfolioReport.ScopeFigures;
import de.quartierskredit.portfolio.PortfolioSnapshotRepository.DisturbedLoan;
import de.quartierskredit.shared.Dates;
import de.quartierskredit.shared.GermanFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The 15th (DOMAIN.md "What managers watch"): stores the month's snapshot and, where the 10 %
 * standard is broken, prepares the list of disturbed loans for the microfinancer's QA task.
 */
@Component("takePortfolioSnapshotDelegate")
class TakePortfolioSnapshotDelegate implements JavaDelegate {

  private final PortfolioService portfolio;
  private final PortfolioSnapshotRepository snapshots;
  private final Clock clock;

  TakePortfolioSnapshotDelegate(PortfolioService portfolio, PortfolioSnapshotRepository snapshots, Clock clock) {
    this.portfolio = portfolio;
    this.snapshots = snapshots;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object given = execution.getVariable(REPORTING_DATE);
    LocalDate date = given == null ? LocalDate.now(clock) : LocalDate.parse(given.toString());
    PortfolioReport report = portfolio.takeSnapshot(date);
    List<ScopeFigures> breached = new ArrayList<>(report.scopes().stream().filter(ScopeFigures::aboveStandard).toList());
    if (report.system().aboveStandard()) {
      breached.add(0, report.system());
    }
    execution.setVariable(REPORTING_DATE, date.toString());
    execution.setVariable(ABOVE_STANDARD, !breached.isEmpty());
    execution.setVariable(BREACHED_SCOPES, String.join(",", breached.stream().map(ScopeFigures::scope).toList()));
    if (!breached.isEmpty()) {
      execution.setVariable(SUMMARY, summary(date, breached,
          snapshots.disturbedLoans(date, breached.stream().map(ScopeFigures::scope).toList())));
    }
  }

  /**
   * A string process variable holds at most 4,000 characters on PostgreSQL and H2 (ACT_RU_VARIABLE.TEXT_):
   * a large portfolio lists its first disturbed loans and says how many more there are.
   */
  static final int MAX_SUMMARY_LENGTH = 3800;

  static String summary(LocalDate date, List<ScopeFigures> breached, List<DisturbedLoan> loans) {
    StringBuilder md = new StringBuilder("### Störungsquote am ").append(Dates.format(date)).append(" über 10 %\n\n");
    for (ScopeFigures f : breached) {
      md.append("- **").append(f.name()).append(":** ").append(f.loansDisturbed()).append(" von ")
          .append(f.loansOutstanding()).append(" ausstehenden Krediten gestört (")
          .append(GermanFormat.percent(f.disturbanceRate())).append(")\n");
    }
    md.append("\n#### Gestörte Kredite\n\n| Kredit | Kreditnehmer/in | Betrieb | gestört seit |\n|---|---|---|---|\n");
    int shown = 0;
    for (DisturbedLoan loan : loans) {
      String row = "| " + loan.reference() + " | " + escape(loan.borrower()) + " | " + escape(loan.business())
          + " | " + (loan.disturbedSince() == null ? "" : Dates.format(loan.disturbedSince())) + " |\n";
      if (md.length() + row.length() > MAX_SUMMARY_LENGTH) {
        break;
      }
      md.append(row);
      shown++;
    }
    if (shown < loans.size()) {
      md.append("\n… und ").append(loans.size() - shown)
          .append(" weitere gestörte Kredite: die vollständige Liste steht im Portfolio-Bericht (/api/portfolio).\n");
    }
    return md.toString();
  }

  private static String escape(String text) {
    return text == null ? "" : text.replace("|", "/").replace("\n", " ");
  }
}
