package de.quartierskredit.contract;

import static de.quartierskredit.contract.BankContractProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.shared.Money;
import de.quartierskredit.shared.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step 8, start: the microfinancer recommends the approved loan to the bank. Runs as an async job;
 * a technical failure is retried (R5/PT5M) and then becomes an incident.
 */
@Component("sendRecommendationDelegate")
class SendRecommendationDelegate implements JavaDelegate {

  private final LoanRepository loans;
  private final BankGateway bank;

  SendRecommendationDelegate(LoanRepository loans, BankGateway bank) {
    this.loans = loans;
    this.bank = bank;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseLoan.reference(execution);
    Loan loan = loans.findByReference(reference)
        .orElseThrow(() -> new IllegalStateException("no loan " + reference + " to recommend to the bank"));
    bank.recommend(new BankGateway.Recommendation(
        reference,
        loan.amount(),
        ProcessValues.months(execution, TERM_MONTHS),
        FormValues.decimal(execution, ANNUAL_INTEREST_RATE)));
    execution.setVariable(APPROVED_AMOUNT, Money.format(loan.amount()));
  }
}
