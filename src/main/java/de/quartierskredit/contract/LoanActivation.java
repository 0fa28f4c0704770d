package de.quartierskredit.contract;

import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanHistory;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.schedule.AnnuitySchedule;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 8, disbursement: the loan becomes ACTIVE with its whole amount outstanding, and gets repayment
 * schedule version 1 (annuity, first instalment one month after the value date). Idempotent: run
 * again for an active loan, it changes nothing and never adds a second schedule.
 */
@Service
class LoanActivation {

  static final String FIRST_SCHEDULE_REASON = "Auszahlung";

  private final LoanRepository loans;
  private final RepaymentScheduleRepository schedules;
  private final LoanHistory history;

  LoanActivation(LoanRepository loans, RepaymentScheduleRepository schedules, LoanHistory history) {
    this.loans = loans;
    this.schedules = schedules;
    this.history = history;
  }

  @Transactional
  public void activate(Loan loan, LocalDate valueDate, int termMonths, BigDecimal annualRate) {
    if (loan.state() != LoanState.ACTIVE) {
      loans.disburse(loan.reference(), valueDate, termMonths, annualRate);
    }
    history.principalMoved(loan.id(), valueDate, loan.amount(), LoanHistory.Movement.DISBURSEMENT, "disbursement");
    if (schedules.countVersions(loan.id()) == 0) {
      var lines = AnnuitySchedule.calculate(
          new AnnuitySchedule.Terms(loan.amount(), annualRate, termMonths, valueDate.plusMonths(1)));
      schedules.storeNewVersion(loan.id(), loan.amount(), annualRate, FIRST_SCHEDULE_REASON, lines);
    }
  }
}
