package de.quartierskredit.application;

import static de.quartierskredit.application.LoanApplicationProcess.Variables.*;

import de.quartierskredit.fund.QuarterRepository;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.shared.Money;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Application step 2: validates the start data again on the server, records applicant, business
 * and loan, and gives the process the loan's reference as business key (which ties every process of
 * the case to this loan; the groups that work on it follow from the loan's quarter, see
 * {@link de.quartierskredit.loan.CaseLoan}) and display copies for the forms.
 */
@Component("registerApplicationDelegate")
class RegisterApplicationDelegate implements JavaDelegate {

  private final ApplicationValidator validator;
  private final LoanRepository loans;
  private final QuarterRepository quarters;

  RegisterApplicationDelegate(ApplicationValidator validator, LoanRepository loans, QuarterRepository quarters) {
    this.validator = validator;
    this.loans = loans;
    this.quarters = quarters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NewApplication application = validator.validate(validator.fromVariables(execution.getVariables()));
    Authentication starter = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    QuarterAccess.check(starter == null ? null : starter.getGroupIds(), application.quarterCode());
    Loan loan = loans.register(application);
    loans.attachProcess(loan.reference(), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(loan.reference());
    execution.setVariable(LOAN_REFERENCE, loan.reference());
    execution.setVariable(LOAN_AMOUNT, loan.amount().toPlainString());
    execution.setVariable(LOAN_AMOUNT_TEXT, Money.format(loan.amount()));
    execution.setVariable(QUARTER_CODE, loan.quarterCode());
    execution.setVariable(QUARTER_NAME, loan.quarterCode() == null
        ? "außerhalb der Quartiere" : quarters.find(loan.quarterCode()).orElseThrow().name());
  }
}
