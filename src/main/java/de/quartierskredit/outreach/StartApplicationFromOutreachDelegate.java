package de.quartierskredit.outreach;

import de.quartierskredit.application.ApplicationValidator;
import de.quartierskredit.application.LoanApplicationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Component;

/**
 * A contact turned into an application: starts {@code loan-application} with what the advisor
 * captured (validated there like every other application) and links the contact to the loan.
 */
@Component("startApplicationFromOutreachDelegate")
class StartApplicationFromOutreachDelegate implements JavaDelegate {

  private final ApplicationValidator validator;
  private final OutreachContactRepository contacts;

  StartApplicationFromOutreachDelegate(ApplicationValidator validator, OutreachContactRepository contacts) {
    this.validator = validator;
    this.contacts = contacts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // validated again where every application is: in loan-application's registration
    var request = validator.fromVariables(execution.getVariables());
    ProcessInstanceWithVariables application = execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceByKey(LoanApplicationProcess.KEY)
        .setVariables(request.toVariables())
        .executeWithVariablesInReturn();
    String reference = (String) application.getVariables().get(LoanApplicationProcess.Variables.LOAN_REFERENCE);
    contacts.linkApplication(execution.getProcessInstanceId(), reference);
    execution.setVariable(OutreachProcess.Variables.LOAN_REFERENCE, reference);
  }
}
