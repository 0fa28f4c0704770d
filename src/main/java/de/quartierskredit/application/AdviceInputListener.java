package de.quartierskredit.application;

import de.quartierskredit.application.LoanApplicationProcess.AdviceOutcome;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.FieldError;

/**
 * The advice talk's outcome must be one the model knows before its gateway reads it; otherwise the
 * caseworker gets a field error (400) instead of a failed expression (500).
 */
@Component("adviceInputListener")
class AdviceInputListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object outcome = task.getVariable(LoanApplicationProcess.Variables.ADVICE_OUTCOME);
    boolean known = outcome instanceof String text
        && Arrays.stream(AdviceOutcome.values()).anyMatch(o -> o.name().equals(text));
    if (!known) {
      throw new InputRefusedException(List.of(new FieldError(LoanApplicationProcess.Variables.ADVICE_OUTCOME,
          "Bitte das Ergebnis der Beratung wählen: weiter, reduzierter Bedarf oder andere Finanzierung.")));
    }
  }
}
