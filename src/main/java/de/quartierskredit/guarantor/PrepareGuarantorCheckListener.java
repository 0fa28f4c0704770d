package de.quartierskredit.guarantor;

import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.GUARANTOR_COVERAGE_REQUIRED;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.LOAN_AMOUNT;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.LOAN_REFERENCE;

import de.quartierskredit.shared.Money;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of the Bürgenprüfung: rejects a call without loan reference or with an amount that is not a
 * number (so the caller fails at once, not after the advisor's work) and gives the form the
 * coverage {@link GuarantorPolicy} requires.
 */
@Component("prepareGuarantorCheckListener")
class PrepareGuarantorCheckListener implements ExecutionListener {

  private final GuarantorPolicy policy = new GuarantorPolicy();

  @Override
  public void notify(DelegateExecution execution) {
    if (!(execution.getVariable(LOAN_REFERENCE) instanceof String reference) || reference.isBlank()) {
      throw new IllegalArgumentException(LOAN_REFERENCE + " is missing");
    }
    var loanAmount = Money.fromVariable(execution.getVariable(LOAN_AMOUNT));
    execution.setVariable(GUARANTOR_COVERAGE_REQUIRED, policy.requiredCoverage(loanAmount).toPlainString());
    // for the form: German money format
    execution.setVariable("loanAmountText", Money.format(loanAmount));
    execution.setVariable("guarantorCoverageRequiredText", Money.format(policy.requiredCoverage(loanAmount)));
  }
}
