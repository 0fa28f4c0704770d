package de.quartierskredit.rescheduling;

import static de.quartierskredit.rescheduling.RepaymentReschedulingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.rescheduling.ReschedulingPolicy.Proposal;
import de.quartierskredit.rescheduling.ReschedulingPolicy.Request;
import de.quartierskredit.rescheduling.ReschedulingPolicy.Situation;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.engine.CurrentUser;
import de.quartierskredit.shared.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step 11, request: checks the request form on the server ({@link ReschedulingPolicy}; refused input
 * answers 400 and keeps the task open), computes the new plan and records the request as SUBMITTED.
 */
@Component("computeReschedulingProposalDelegate")
class ComputeProposalDelegate implements JavaDelegate {

  private final Rescheduling rescheduling;
  private final RescheduleRequestRepository requests;
  private final ReschedulingPolicy policy = new ReschedulingPolicy();

  ComputeProposalDelegate(Rescheduling rescheduling, RescheduleRequestRepository requests) {
    this.rescheduling = rescheduling;
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Loan loan = rescheduling.reschedulableLoan(CaseLoan.reference(execution));
    Situation situation = rescheduling.situation(loan);
    Request request = new Request(ReschedulingKind.parse(execution.getVariable(KIND)),
        FormValues.text(execution, REASON), FormValues.count(execution, NEW_INSTALMENTS),
        FormValues.decimal(execution, TARGET_INSTALMENT), FormValues.count(execution, PAUSE_MONTHS));
    var decision = policy.check(request, situation);
    if (!decision.ok()) {
      throw new InputRefusedException(decision.field(), decision.reason());
    }
    Proposal proposal = policy.propose(request, situation);
    long id = requests.submit(loan.id(), request, rescheduling.currentVersion(loan), proposal,
        CurrentUser.of(execution), execution.getProcessInstanceId());
    execution.setVariable(REQUEST_ID, id);
    execution.setVariable(PROPOSAL, ProposalMarkdown.proposal(request.kind(), situation, proposal));
  }
}
