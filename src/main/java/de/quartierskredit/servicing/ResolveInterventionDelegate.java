package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.servicing.LoanServicingProcess.InterventionOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step 10, resolved: the arrears are cleared, the intervention closes and monthly contacts resume. */
@Component("resolveInterventionDelegate")
class ResolveInterventionDelegate implements JavaDelegate {

  private final ServicingRepository servicing;

  ResolveInterventionDelegate(ServicingRepository servicing) {
    this.servicing = servicing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long loanId = servicing.standing(CaseLoan.reference(execution)).id();
    servicing.closeIntervention(loanId, InterventionOutcome.RESOLVED);
    execution.removeVariable(RESCHEDULING_OUTCOME);
  }
}
