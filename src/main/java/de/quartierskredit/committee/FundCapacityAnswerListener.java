package de.quartierskredit.committee;

import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.CAPACITY_ACTION;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.REDUCED_AMOUNT;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** No fund capacity for an approved loan: checks the chosen way on (retry, smaller amount, withdraw). */
@Component("fundCapacityAnswerListener")
class FundCapacityAnswerListener implements TaskListener {

  private final LoanRepository loans;

  FundCapacityAnswerListener(LoanRepository loans) {
    this.loans = loans;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = CaseLoan.reference(task);
    var current = loans.findByReference(reference).orElseThrow().amount();
    var check = CommitteeInputPolicy.capacityAction(
        FormValues.text(task, CAPACITY_ACTION), FormValues.decimal(task, REDUCED_AMOUNT), current);
    if (!check.ok()) {
      throw new InputRefusedException(null, check.reason());
    }
  }
}
