package de.quartierskredit.application;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Nothing ends silently: when the system or the committee ends an application (referral after the
 * eligibility check, rejection), the advisor gets a task that says how it ended and why, to pass it on to
 * the applicant. The outcome and the reason come from the loan's row; the task shows them as
 * {@code caseOutcome} and {@code caseOutcomeReason} (task-local display copies, read by nothing).
 */
@Component("caseOutcomeNoticeListener")
class CaseOutcomeNoticeListener implements TaskListener {

  static final String CASE_OUTCOME = "caseOutcome";
  static final String CASE_OUTCOME_REASON = "caseOutcomeReason";

  private final CaseLoan caseLoan;
  private final LoanRepository loans;

  CaseOutcomeNoticeListener(CaseLoan caseLoan, LoanRepository loans) {
    this.caseLoan = caseLoan;
    this.loans = loans;
  }

  @Override
  public void notify(DelegateTask task) {
    Loan loan = caseLoan.of(task);
    task.setVariableLocal(CASE_OUTCOME, loan.state().label());
    task.setVariableLocal(CASE_OUTCOME_REASON,
        loans.endedReason(loan.reference()).filter(reason -> !reason.isBlank()).orElse("Kein Grund vermerkt."));
  }
}
