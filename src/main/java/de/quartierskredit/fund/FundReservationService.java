package de.quartierskredit.fund;

import de.quartierskredit.fund.FundCapacityPolicy.FundCapacity;
import de.quartierskredit.loan.IllegalLoanStateException;
import de.quartierskredit.loan.LiableParty;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * DOMAIN.md step 6: reserves a quarter loan's principal in its local fund at approval (the fund row is
 * locked so that two approvals cannot both take the last capacity) and releases it again.
 */
@Service
public class FundReservationService {

  private final LoanRepository loans;
  private final LocalFundRepository funds;
  private final QuarterRepository quarters;

  FundReservationService(LoanRepository loans, LocalFundRepository funds, QuarterRepository quarters) {
    this.loans = loans;
    this.funds = funds;
    this.quarters = quarters;
  }

  /**
   * Approves the loan if its liability is secured: a quarter loan reserves its amount in the quarter's
   * fund (or nothing happens and the reason says why); a loan outside the quarters falls on the
   * microfinancer. Calling it again for an approved loan changes nothing.
   */
  @Transactional
  public Reservation reserve(String loanReference) {
    Loan loan = loan(loanReference);
    if (loan.state() == LoanState.APPROVED) {
      return new Reservation(true, loan.liableParty(), loan.reservedPrincipal(),
          "Der Kredit " + loanReference + " ist bereits bewilligt.");
    }
    if (loan.state() != LoanState.APPLIED) {
      throw new IllegalLoanStateException("loan " + loanReference + " is " + loan.state() + ", cannot be approved",
          "Der Kredit " + loanReference + " ist " + loan.state().label() + " und kann nicht bewilligt werden.");
    }
    if (!loan.isQuarterLoan()) {
      loans.approve(loanReference, LiableParty.MICROFINANCER, BigDecimal.ZERO);
      return new Reservation(true, LiableParty.MICROFINANCER, BigDecimal.ZERO,
          "Kredit außerhalb der Quartiere: der Mikrofinanzierer haftet, kein Fondskapital reserviert.");
    }
    Optional<LocalFund> fund = funds.lockByQuarter(loan.quarterCode());
    // read again after the lock: a concurrent approval of this loan has committed by now
    loan = loan(loanReference);
    if (loan.state() != LoanState.APPLIED) {
      return reserve(loanReference);
    }
    FundCapacity capacity = assess(loan, fund);
    if (!capacity.ok()) {
      return new Reservation(false, null, BigDecimal.ZERO, capacity.reason());
    }
    loans.approve(loanReference, LiableParty.LOCAL_FUND, loan.amount());
    return new Reservation(true, LiableParty.LOCAL_FUND, loan.amount(), capacity.reason());
  }

  /** Gives the loan's reserved capacity back (rejection or withdrawal); idempotent. */
  @Transactional
  public void release(String loanReference) {
    loans.releaseReservation(loan(loanReference).reference());
  }

  /** The capacity a quarter loan would find now, without reserving; empty outside the quarters. */
  @Transactional(readOnly = true)
  public Optional<FundCapacity> preview(String loanReference) {
    Loan loan = loan(loanReference);
    if (!loan.isQuarterLoan()) {
      return Optional.empty();
    }
    return Optional.of(assess(loan, funds.findByQuarter(loan.quarterCode())));
  }

  private FundCapacity assess(Loan loan, Optional<LocalFund> fund) {
    String quarterName = quarters.find(loan.quarterCode()).map(Quarter::name).orElse(loan.quarterCode());
    if (fund.isEmpty()) {
      return FundCapacityPolicy.noFund(quarterName, loan.amount());
    }
    BigDecimal committed = loans.committedPrincipal(loan.quarterCode(), loan.reference());
    return FundCapacityPolicy.assess(quarterName, fund.get().paidInCapital(), committed, loan.amount());
  }

  private Loan loan(String reference) {
    return loans.findByReference(reference)
        .orElseThrow(() -> new IllegalArgumentException("no loan " + reference));
  }

  /** Whether the loan's liability is secured (and the loan approved), who carries it, what is reserved, why. */
  public record Reservation(boolean reserved, LiableParty liableParty, BigDecimal reservedPrincipal,
      String reason) {}
}
