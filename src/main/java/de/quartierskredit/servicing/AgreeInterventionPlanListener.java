package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.engine.CurrentUser;
import de.quartierskredit.shared.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Step 10: the intervention plan agreed by advisor and microfinancer, checked on the server and recorded. */
@Component("agreeInterventionPlanListener")
class AgreeInterventionPlanListener implements TaskListener {

  private final ServicingRepository servicing;

  AgreeInterventionPlanListener(ServicingRepository servicing) {
    this.servicing = servicing;
  }

  @Override
  public void notify(DelegateTask task) {
    String measures = FormValues.text(task, INTERVENTION_MEASURES);
    String softTopics = FormValues.text(task, SOFT_TOPICS);
    String nextStep = FormValues.text(task, INTERVENTION_NEXT_STEP);
    InputRefusedException.refuseIfAny(
        ServicingInputPolicy.plan(measures, softTopics, nextStep, task.getVariable(MICROFINANCER_AGREED)));
    long loanId = servicing.standing(CaseLoan.reference(task)).id();
    servicing.recordPlan(loanId, measures, softTopics, nextStep, CurrentUser.completing(task));
  }
}
