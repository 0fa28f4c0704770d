package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.LOSS_ALLOCATION_SUMMARY;

import de.quartierskredit.fund.LocalFund;
import de.quartierskredit.fund.LocalFundRepository;
import de.quartierskredit.loan.LiableParty;
import de.quartierskredit.servicing.ServicingRepository.Standing;
import java.math.BigDecimal;
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
  private final LossRepository losses;
  private final LocalFundRepository funds;

  ProposeLossAllocationListener(ServicingRepository servicing, LossRepository losses, LocalFundRepository funds) {
    this.servicing = servicing;
    this.losses = losses;
    this.funds = funds;
  }

  @Override
  public void notify(DelegateTask task) {
    Standing loan = servicing.standing(task.getExecution().getProcessBusinessKey());
    BigDecimal recovered = losses.recovered(loan.id());
    // the same choice of rule as AllocateLossDelegate, read without the fund's row lock
    LossAllocationPolicy.Allocation allocation =
        LiableParty.LOCAL_FUND.name().equals(loan.liableParty())
            || (loan.liableParty() == null && loan.quarterCode() != null)
        ? LossAllocationPolicy.quarterLoan(loan.outstanding(), recovered,
            funds.findByQuarter(loan.quarterCode()).map(LocalFund::paidInCapital).orElse(BigDecimal.ZERO))
        : LossAllocationPolicy.outsideQuarters(loan.outstanding(), recovered,
            losses.microfinancerOutstanding(), losses.microfinancerBorne());
    task.setVariable(LOSS_ALLOCATION_SUMMARY, "Vorgeschlagene Verteilung (gebucht erst nach der Freigabe): "
        + allocation.reason());
  }
}
