package de.quartierskredit.servicing;

import de.quartierskredit.fund.LocalFund;
import de.quartierskredit.fund.LocalFundRepository;
import de.quartierskredit.loan.LiableParty;
import de.quartierskredit.servicing.ServicingRepository.Standing;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Step 12: who bears the loss of a defaulted loan under {@link LossAllocationPolicy}, with the local
 * fund's or the microfinancer's figures of the moment. One place for the choice of rule, so that the
 * write-off forms show exactly what {@code Task_AllocateLoss} books after the approval.
 */
@Component
class LossAllocations {

  private final LossRepository losses;
  private final LocalFundRepository funds;

  LossAllocations(LossRepository losses, LocalFundRepository funds) {
    this.losses = losses;
    this.funds = funds;
  }

  /** The allocation and the fund that bears its first part (null outside the quarters). */
  record Proposal(LossAllocationPolicy.Allocation allocation, Long fundId) {}

  /**
   * The allocation of the loan's loss now; {@code lockFund} takes the local fund's row lock (booking:
   * its capital changes one loss at a time), a proposal for the forms reads without it.
   */
  Proposal propose(Standing loan, boolean lockFund) {
    BigDecimal recovered = losses.recovered(loan.id());
    if (LiableParty.LOCAL_FUND.name().equals(loan.liableParty())
        || (loan.liableParty() == null && loan.quarterCode() != null)) {
      Optional<LocalFund> fund = lockFund ? funds.lockByQuarter(loan.quarterCode())
          : funds.findByQuarter(loan.quarterCode());
      return new Proposal(LossAllocationPolicy.quarterLoan(loan.outstanding(), recovered,
          fund.map(LocalFund::paidInCapital).orElse(BigDecimal.ZERO)), fund.map(LocalFund::id).orElse(null));
    }
    return new Proposal(LossAllocationPolicy.outsideQuarters(loan.outstanding(), recovered,
        losses.microfinancerOutstanding(), losses.microfinancerBorne()), null);
  }
}
