package de.quartierskredit.guarantor;

import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.GUARANTORS_SUFFICIENT;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.GUARANTOR_CHECK_REASON;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.GUARANTOR_COVERAGE;

import de.quartierskredit.loan.CaseLoan;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CheckGuarantors (DOMAIN.md step 4): checks the recorded guarantors against
 * {@link GuarantorPolicy} and, when they suffice, keeps them with the loan.
 */
@Component("checkGuarantorsDelegate")
class CheckGuarantorsDelegate implements JavaDelegate {

  private final GuarantorPolicy policy = new GuarantorPolicy();
  private final GuarantorRepository guarantors;
  private final CaseLoan caseLoan;

  CheckGuarantorsDelegate(GuarantorRepository guarantors, CaseLoan caseLoan) {
    this.guarantors = guarantors;
    this.caseLoan = caseLoan;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String loanReference = CaseLoan.reference(execution);
    var loanAmount = caseLoan.of(execution).amount();
    List<Guarantor> recorded = GuarantorSlots.read(execution);

    GuarantorPolicy.Decision decision = policy.decide(loanAmount, recorded);
    execution.setVariable(GUARANTORS_SUFFICIENT, decision.sufficient());
    execution.setVariable(GUARANTOR_CHECK_REASON, decision.reason());
    execution.setVariable(GUARANTOR_COVERAGE, decision.covered().toPlainString());
    if (decision.sufficient()) {
      guarantors.replaceAll(loanReference, recorded);
    }
  }
}
