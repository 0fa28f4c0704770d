package de.quartierskredit.application;

import static de.quartierskredit.application.LoanApplicationProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Advice reduced the capital need (a success the brochure counts): the application continues with
 * the smaller amount, which must still be a microloan and below the amount first applied for.
 */
@Component("recordReducedNeedDelegate")
class RecordReducedNeedDelegate implements JavaDelegate {

  private final LoanRepository loans;

  RecordReducedNeedDelegate(LoanRepository loans) {
    this.loans = loans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseLoan.reference(execution);
    Loan loan = loans.findByReference(reference).orElseThrow();
    List<FieldError> errors = new ArrayList<>();
    Object raw = execution.getVariable(REDUCED_AMOUNT);
    BigDecimal reduced = null;
    try {
      reduced = raw == null ? null : new BigDecimal(raw.toString().strip());
    } catch (NumberFormatException notANumber) { // NaN, Infinity or text
      errors.add(new FieldError(REDUCED_AMOUNT, "Bitte den Betrag in Euro als Zahl angeben."));
    }
    if (errors.isEmpty()) {
      reduced = ApplicationValidator.amount(REDUCED_AMOUNT, errors, reduced);
    }
    if (reduced != null && reduced.compareTo(loan.amount()) >= 0) {
      errors.add(new FieldError(REDUCED_AMOUNT, "Der reduzierte Bedarf muss unter dem bisherigen Betrag von "
          + EligibilityPolicy.euros(loan.amount()) + " liegen."));
    }
    if (!errors.isEmpty()) {
      throw new InputRefusedException(errors);
    }
    loans.changeAmount(reference, reduced);
    execution.setVariable(LOAN_AMOUNT, reduced.toPlainString());
    execution.setVariable(LOAN_AMOUNT_TEXT, Money.format(reduced));
  }
}
