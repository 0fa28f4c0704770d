package de.quartierskredit.rescheduling;

import static de.quartierskredit.rescheduling.RepaymentReschedulingProcess.Variables.*;

import de.quartierskredit.loan.Loan;
import de.quartierskredit.shared.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step 11, start: only an active loan with an open schedule can be rescheduled (a wrong reference on
 * the start form answers 400); a Tasklist start gets the loan's reference as business key.
 */
@Component("loadLoanForReschedulingDelegate")
class LoadLoanDelegate implements JavaDelegate {

  private final Rescheduling rescheduling;

  LoadLoanDelegate(Rescheduling rescheduling) {
    this.rescheduling = rescheduling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // called from servicing, the business key names the loan; started in Tasklist, the microfinancer
    // names it on the start form, and from here on the business key ties the process to it
    String reference = execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey()
        : FormValues.text(execution, LOAN_REFERENCE);
    Loan loan = rescheduling.reschedulableLoan(reference);
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(loan.reference());
    }
    execution.setVariable(LOAN_REFERENCE, loan.reference());
    execution.setVariable(QUARTER_CODE, loan.quarterCode());
    execution.setVariable(CURRENT_SCHEDULE, ProposalMarkdown.current(loan.reference(), rescheduling.situation(loan)));
  }
}
