package de.quartierskredit.contract;

import static de.quartierskredit.contract.BankContractProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.engine.FormValues;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step 8, disbursement confirmed (form or LoanDisbursed message): checks that the bank paid out the
 * approved amount on a plausible value date, then activates the loan with its first repayment schedule.
 */
@Component("activateLoanDelegate")
class ActivateLoanDelegate implements JavaDelegate {

  private final LoanRepository loans;
  private final ContractRepository contracts;
  private final LoanActivation activation;
  private final BankConfirmationPolicy policy = new BankConfirmationPolicy();
  private final Clock clock;

  ActivateLoanDelegate(LoanRepository loans, ContractRepository contracts, LoanActivation activation, Clock clock) {
    this.loans = loans;
    this.contracts = contracts;
    this.activation = activation;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseLoan.reference(execution);
    Loan loan = loans.findByReference(reference).orElseThrow(() -> new IllegalStateException("no loan " + reference));
    BigDecimal paidOut = FormValues.decimal(execution, DISBURSED_AMOUNT);
    String valueDate = FormValues.text(execution, DISBURSED_ON);
    var decision = policy.disbursed(loan.amount(), paidOut, valueDate,
        contracts.contractedOn(reference).orElse(null), LocalDate.now(clock));
    if (!decision.ok()) {
      throw new InputRefusedException(List.of(new FieldError(decision.field(), decision.reason())));
    }
    activation.activate(loan, BankConfirmationPolicy.date(valueDate),
        ProcessValues.months(execution, TERM_MONTHS),
        FormValues.decimal(execution, ANNUAL_INTEREST_RATE));
  }
}
