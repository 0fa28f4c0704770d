package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step 9 begins at disbursement: loan-application starts one {@code loan-servicing} instance per loan
 * (business key = loan reference). Idempotent: a retried job never starts a second one.
 */
@Component("startServicingDelegate")
class StartServicingDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseLoan.reference(execution);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    boolean running = runtime.createProcessInstanceQuery()
        .processDefinitionKey(LoanServicingProcess.KEY).processInstanceBusinessKey(reference).count() > 0;
    if (running) {
      return;
    }
    runtime.createProcessInstanceByKey(LoanServicingProcess.KEY)
        .businessKey(reference)
        .setVariable(LOAN_REFERENCE, reference) // a display copy for the forms; the business key decides
        .execute();
  }
}
