package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.fund.LocalFund;
import de.quartierskredit.fund.LocalFundRepository;
import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.LiableParty;
import de.quartierskredit.servicing.ServicingRepository.Standing;
import java.math.BigDecimal;
import java.util.Optional;
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
  private final LocalFundRepository funds;

  AllocateLossDelegate(ServicingRepository servicing, LossRepository losses, LocalFundRepository funds) {
    this.servicing = servicing;
    this.losses = losses;
    this.funds = funds;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Standing loan = servicing.standing(CaseLoan.reference(execution));
    if (losses.allocated(loan.id())) {
      return;
    }
    BigDecimal recovered = losses.recovered(loan.id());
    LossAllocationPolicy.Allocation allocation;
    Long fundId = null;
    if (LiableParty.LOCAL_FUND.name().equals(loan.liableParty())
        || (loan.liableParty() == null && loan.quarterCode() != null)) {
      Optional<LocalFund> fund = funds.lockByQuarter(loan.quarterCode()); // row lock: capital changes one at a time
      fundId = fund.map(LocalFund::id).orElse(null);
      allocation = LossAllocationPolicy.quarterLoan(loan.outstanding(), recovered,
          fund.map(LocalFund::paidInCapital).orElse(BigDecimal.ZERO));
    } else {
      allocation = LossAllocationPolicy.outsideQuarters(loan.outstanding(), recovered,
          losses.microfinancerOutstanding(), losses.microfinancerBorne());
    }
    losses.store(loan.id(), allocation, fundId);
    execution.setVariable(LOSS_ALLOCATION_SUMMARY, allocation.reason());
  }
}
