package de.quartierskredit.contract;

import static de.quartierskredit.contract.BankContractProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.engine.FormValues;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step 8, signing: the bank confirmed the signed contract (form or ContractSigned message); the loan
 * becomes CONTRACTED. Runs in the confirming transaction, so invalid input reaches the bank clerk or
 * the bank events API as a 400 and nothing changes.
 */
@Component("recordContractDelegate")
class RecordContractDelegate implements JavaDelegate {

  private final LoanRepository loans;
  private final BankConfirmationPolicy policy = new BankConfirmationPolicy();
  private final Clock clock;

  RecordContractDelegate(LoanRepository loans, Clock clock) {
    this.loans = loans;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseLoan.reference(execution);
    String number = FormValues.text(execution, CONTRACT_NUMBER);
    String signedOn = FormValues.text(execution, CONTRACT_SIGNED_ON);
    var decision = policy.contractSigned(number, signedOn, LocalDate.now(clock));
    if (!decision.ok()) {
      throw new InputRefusedException(List.of(new FieldError(decision.field(), decision.reason())));
    }
    loans.recordContract(reference, number, BankConfirmationPolicy.date(signedOn));
  }
}
