package de.quartierskredit.committee;

import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.LOAN_AMOUNT;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.LOAN_AMOUNT_TEXT;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.REDUCED_AMOUNT;

import de.quartierskredit.fund.FundCapacityPolicy;
import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.shared.Money;
import de.quartierskredit.shared.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An approved loan finds no fund capacity: it continues with the smaller amount the form gave. */
@Component("reduceLoanAmountDelegate")
class ReduceLoanAmountDelegate implements JavaDelegate {

  private final LoanRepository loans;

  ReduceLoanAmountDelegate(LoanRepository loans) {
    this.loans = loans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseLoan.reference(execution);
    var amount = Money.euros(FormValues.decimal(execution, REDUCED_AMOUNT));
    var current = loans.findByReference(reference).orElseThrow().amount();
    // checked by fundCapacityAnswerListener; checked again so that no path can raise the amount
    if (!CommitteeInputPolicy.capacityAction(CommitteeDecisionProcess.CapacityActions.REDUCE, amount, current).ok()) {
      throw new IllegalArgumentException("reduced amount " + amount + " outside 500.00.." + current);
    }
    loans.changeAmount(reference, amount);
    execution.setVariable(LOAN_AMOUNT, amount.doubleValue());
    execution.setVariable(LOAN_AMOUNT_TEXT, FundCapacityPolicy.format(amount));
  }
}
