package de.quartierskredit.guarantor;

import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.GUARANTOR_COVERAGE_REQUIRED;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.LOAN_REFERENCE;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.shared.Money;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of the Bürgenprüfung: finds the loan by the process's business key (so a call without a loan
 * fails at once, not after the advisor's work) and gives the form the loan's reference and amount and
 * the coverage {@link GuarantorPolicy} requires, as display copies.
 */
@Component("prepareGuarantorCheckListener")
class PrepareGuarantorCheckListener implements ExecutionListener {

  private final GuarantorPolicy policy = new GuarantorPolicy();
  private final CaseLoan caseLoan;

  PrepareGuarantorCheckListener(CaseLoan caseLoan) {
    this.caseLoan = caseLoan;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Loan loan = caseLoan.of(execution);
    execution.setVariable(LOAN_REFERENCE, loan.reference());
    execution.setVariable(GUARANTOR_COVERAGE_REQUIRED, policy.requiredCoverage(loan.amount()).toPlainString());
    // for the form: German money format
    execution.setVariable("loanAmountText", Money.format(loan.amount()));
    execution.setVariable("guarantorCoverageRequiredText", Money.format(policy.requiredCoverage(loan.amount())));
  }
}
