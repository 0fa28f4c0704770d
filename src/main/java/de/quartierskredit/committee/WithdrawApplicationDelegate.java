package de.quartierskredit.committee;

import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.OUTCOME;

import de.quartierskredit.fund.FundReservationService;
import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.LoanRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An approved application that finds no fund capacity is withdrawn; nothing stays reserved. */
@Component("withdrawApplicationDelegate")
class WithdrawApplicationDelegate implements JavaDelegate {

  private final LoanRepository loans;
  private final FundReservationService reservations;

  WithdrawApplicationDelegate(LoanRepository loans, FundReservationService reservations) {
    this.loans = loans;
    this.reservations = reservations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseLoan.reference(execution);
    reservations.release(reference);
    loans.withdrawApplication(reference, "Bewilligt, aber zurückgezogen: keine freie Kapazität im lokalen Haftungsfonds");
    execution.setVariable(OUTCOME, CommitteeDecisionProcess.Outcomes.WITHDRAWN);
  }
}
