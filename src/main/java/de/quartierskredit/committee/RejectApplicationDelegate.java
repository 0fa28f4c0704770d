package de.quartierskredit.committee;

import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.DECISION_REASON;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.OUTCOME;

import de.quartierskredit.fund.FundReservationService;
import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.LoanRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** DOMAIN.md step 7, rejection: the loan ends REJECTED with the committee's reason, nothing reserved. */
@Component("rejectApplicationDelegate")
class RejectApplicationDelegate implements JavaDelegate {

  private final LoanRepository loans;
  private final FundReservationService reservations;

  RejectApplicationDelegate(LoanRepository loans, FundReservationService reservations) {
    this.loans = loans;
    this.reservations = reservations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseLoan.reference(execution);
    reservations.release(reference);
    String reason = "Vom Vergabeausschuss abgelehnt: " + execution.getVariable(DECISION_REASON);
    // loan.ended_reason holds 1,000 characters; the full reason stays in committee_decision
    loans.reject(reference, reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason);
    execution.setVariable(OUTCOME, CommitteeDecisionProcess.Outcomes.REJECTED);
  }
}
