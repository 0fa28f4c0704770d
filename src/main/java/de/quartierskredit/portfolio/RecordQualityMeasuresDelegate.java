package de.quartierskredit.portfolio;

import static de.quartierskredit.portfolio.PortfolioStandardProcess.Variables.*;

import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.GermanFormat;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.engine.CurrentUser;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the quality-assurance measures the microfinancer took for a broken 10 % standard. */
@Component("recordQualityMeasuresDelegate")
class RecordQualityMeasuresDelegate implements JavaDelegate {

  static final int MAX_LENGTH = 4000;

  private final PortfolioSnapshotRepository snapshots;

  RecordQualityMeasuresDelegate(PortfolioSnapshotRepository snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object measures = execution.getVariable(MEASURES);
    if (!(measures instanceof String text) || text.isBlank() || text.length() > MAX_LENGTH) {
      throw new InputRefusedException(List.of(new FieldError(MEASURES,
          "Bitte die ergriffenen Maßnahmen beschreiben (höchstens " + GermanFormat.number(MAX_LENGTH) + " Zeichen).")));
    }
    snapshots.recordMeasures(LocalDate.parse((String) execution.getVariable(REPORTING_DATE)),
        (String) execution.getVariable(BREACHED_SCOPES), text.strip(), CurrentUser.of(execution),
        execution.getProcessInstanceId());
  }
}
