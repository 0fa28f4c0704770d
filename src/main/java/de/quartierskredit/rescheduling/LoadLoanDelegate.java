package de.quartierskredit.rescheduling;

import static de.quartierskredit.rescheduling.RepaymentReschedulingProcess.Variables.*;

import de.quartierskredit.loan.Loan;
import de.quartierskredit.shared.engine.FormValues;
import de.quartierskredit.shared.Roles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step 11, start: only an active loan with an open schedule can be rescheduled (a wrong reference on
 * the start form answers 400); fills what a Tasklist start lacks (business key, quarter, advisor group).
 */
@Component("loadLoanForReschedulingDelegate")
class LoadLoanDelegate implements JavaDelegate {

  private final Rescheduling rescheduling;

  LoadLoanDelegate(Rescheduling rescheduling) {
    this.rescheduling = rescheduling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Loan loan = rescheduling.reschedulableLoan(FormValues.text(execution, LOAN_REFERENCE));
    execution.setVariable(LOAN_REFERENCE, loan.reference());
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(loan.reference());
    }
    if (execution.getVariable(ADVISOR_GROUP) == null) {
      execution.setVariable(QUARTER_CODE, loan.quarterCode());
      execution.setVariable(ADVISOR_GROUP, Roles.advisorsFor(loan.quarterCode()));
    }
    execution.setVariable(CURRENT_SCHEDULE, ProposalMarkdown.current(loan.reference(), rescheduling.situation(loan)));
  }
}
