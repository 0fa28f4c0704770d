package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.LOSS_ALLOCATION_SUMMARY;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.servicing.ServicingRepository.Standing;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Step 12, write-off requested: shows who would bear the loss ({@link LossAllocationPolicy}, as
 * {@code Task_AllocateLoss} will book it) on the write-off and approval forms, without booking
 * anything: the loss is booked only after a second person approved.
 */
@Component("proposeLossAllocationListener")
class ProposeLossAllocationListener implements TaskListener {

  private final ServicingRepository servicing;
  private final LossAllocations allocations;

  ProposeLossAllocationListener(ServicingRepository servicing, LossAllocations allocations) {
    this.servicing = servicing;
    this.allocations = allocations;
  }

  @Override
  public void notify(DelegateTask task) {
    Standing loan = servicing.standing(CaseLoan.reference(task));
    // read without the fund's row lock: nothing is booked before the approval
    LossAllocationPolicy.Allocation allocation = allocations.propose(loan, false).allocation();
    task.setVariable(LOSS_ALLOCATION_SUMMARY, "Vorgeschlagene Verteilung (gebucht erst nach der Freigabe): "
        + allocation.reason());
  }
}
