package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.servicing.ServicingRepository.Standing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step 12, default: loss = outstanding principal minus what the guarantors paid, allocated by
 * {@link LossAllocationPolicy} to the local fund (lowering its capital) or the microfinancer, the rest to
 * the national fund. Done once per loan: a repeated run changes nothing.
 */
@Component("allocateLossDelegate")
class AllocateLossDelegate implements JavaDelegate {

  private final ServicingRepository servicing;
  private final LossRepository losses;
  private final LossAllocations allocations;

  AllocateLossDelegate(ServicingRepository servicing, LossRepository losses, LossAllocations allocations) {
    this.servicing = servicing;
    this.losses = losses;
    this.allocations = allocations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Standing loan = servicing.standing(CaseLoan.reference(execution));
    if (losses.allocated(loan.id())) {
      return;
    }
    LossAllocations.Proposal booked = allocations.propose(loan, true);
    losses.store(loan.id(), booked.allocation(), booked.fundId());
    execution.setVariable(LOSS_ALLOCATION_SUMMARY, booked.allocation().reason());
  }
}
