package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step 12, write-off: the defaulted loan becomes WRITTEN_OFF (closed today) and nothing of it stays outstanding. */
@Component("closeWrittenOffLoanDelegate")
class CloseWrittenOffLoanDelegate implements JavaDelegate {

  private final LoanRepository loans;
  private final ServicingRepository servicing;

  CloseWrittenOffLoanDelegate(LoanRepository loans, ServicingRepository servicing) {
    this.loans = loans;
    this.servicing = servicing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(LOAN_REFERENCE);
    loans.end(reference, Set.of(LoanState.DEFAULTED), LoanState.WRITTEN_OFF,
        "Abgeschrieben: " + execution.getVariable(WRITE_OFF_NOTE));
    servicing.clearOutstanding(servicing.standing(reference).id());
  }
}
