package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.application.ApplicationRequest;
import de.quartierskredit.application.LoanApplicationProcess;
import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.shared.Money;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Component;

/**
 * Step 12, follow-up loan: starts a new {@code loan-application} prefilled with the applicant's and the
 * business's data from our tables and the amount and purpose from the offer (validated there like every application).
 */
@Component("startFollowUpApplicationDelegate")
class StartFollowUpApplicationDelegate implements JavaDelegate {

  private final FollowUpApplications applications;

  StartFollowUpApplicationDelegate(FollowUpApplications applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseLoan.reference(execution);
    ApplicationRequest request = applications.prefilled(reference, (String) execution.getVariable(FOLLOW_UP_PURPOSE),
        Money.euros(ServicingInputPolicy.decimal(execution.getVariable(FOLLOW_UP_AMOUNT))));
    ProcessInstanceWithVariables application = execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceByKey(LoanApplicationProcess.KEY)
        .setVariables(request.toVariables())
        .setVariable("followUpOf", reference)
        .executeWithVariablesInReturn();
    execution.setVariable(FOLLOW_UP_LOAN_REFERENCE,
        application.getVariables().get(LoanApplicationProcess.Variables.LOAN_REFERENCE));
  }
}
