package de.quartierskredit.committee;

import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.LOAN_AMOUNT_TEXT;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.LOAN_REFERENCE;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.REMINDER_AFTER;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.shared.Money;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Start of the committee decision: finds the loan by the business key the caller handed down (a call
 * without one fails at once), gives the forms its reference and amount as display copies, and sets how
 * long a decision may stay pending before the microfinancer chases it
 * ({@code quartierskredit.committee.reminder-after}).
 */
@Component("committeeStartListener")
class CommitteeStartListener implements ExecutionListener {

  private final String reminderAfter;
  private final CaseLoan caseLoan;

  CommitteeStartListener(@Value("${quartierskredit.committee.reminder-after:P14D}") String reminderAfter,
      CaseLoan caseLoan) {
    this.reminderAfter = reminderAfter;
    this.caseLoan = caseLoan;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Loan loan = caseLoan.of(execution);
    execution.setVariable(LOAN_REFERENCE, loan.reference());
    execution.setVariable(LOAN_AMOUNT_TEXT, Money.format(loan.amount()));
    if (execution.getVariable(REMINDER_AFTER) == null) {
      execution.setVariable(REMINDER_AFTER, reminderAfter);
    }
  }
}
