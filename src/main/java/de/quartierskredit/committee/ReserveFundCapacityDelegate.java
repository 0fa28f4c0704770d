package de.quartierskredit.committee;

import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.CAPACITY_RESERVED;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.FUND_CAPACITY_REASON;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.LIABLE_PARTY;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.OUTCOME;

import de.quartierskredit.fund.FundReservationService;
import de.quartierskredit.loan.CaseLoan;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** DOMAIN.md step 6 after an approval: reserves the loan in its quarter's fund, or says why not. */
@Component("reserveFundCapacityDelegate")
class ReserveFundCapacityDelegate implements JavaDelegate {

  private final FundReservationService reservations;

  ReserveFundCapacityDelegate(FundReservationService reservations) {
    this.reservations = reservations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var reservation = reservations.reserve(CaseLoan.reference(execution));
    execution.setVariable(CAPACITY_RESERVED, reservation.reserved());
    execution.setVariable(FUND_CAPACITY_REASON, reservation.reason());
    execution.setVariable(LIABLE_PARTY,
        reservation.liableParty() == null ? null : reservation.liableParty().name());
    if (reservation.reserved()) {
      execution.setVariable(OUTCOME, CommitteeDecisionProcess.Outcomes.APPROVED);
    }
  }
}
