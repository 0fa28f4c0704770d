package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.audit.AuditAction;
import de.quartierskredit.audit.AuditDetails;
import de.quartierskredit.audit.AuditTrail;
import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.engine.CurrentUser;
import de.quartierskredit.shared.engine.FormValues;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Step 10: the intervention plan agreed by advisor and microfinancer, checked on the server and recorded,
 * and in the audit trail (who agreed it, the next step, the plan by its SHA-256).
 */
@Component("agreeInterventionPlanListener")
class AgreeInterventionPlanListener implements TaskListener {

  private final ServicingRepository servicing;
  private final AuditTrail audit;

  AgreeInterventionPlanListener(ServicingRepository servicing, AuditTrail audit) {
    this.servicing = servicing;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    String measures = FormValues.text(task, INTERVENTION_MEASURES);
    String softTopics = FormValues.text(task, SOFT_TOPICS);
    String nextStep = FormValues.text(task, INTERVENTION_NEXT_STEP);
    InputRefusedException.refuseIfAny(
        ServicingInputPolicy.plan(measures, softTopics, nextStep, task.getVariable(MICROFINANCER_AGREED)));
    String reference = CaseLoan.reference(task);
    long loanId = servicing.standing(reference).id();
    String agreedBy = CurrentUser.completing(task);
    servicing.recordPlan(loanId, measures, softTopics, nextStep, agreedBy);
    // the plan's texts may tell of the borrower's family: the trail keeps their hash only
    audit.record(reference, AuditAction.INTERVENTION_PLAN_AGREED, agreedBy, null, Map.of(
        AuditDetails.NEXT_STEP, nextStep,
        AuditDetails.PLAN_SHA256, AuditTrail.sha256(String.join("\n", measures, Objects.toString(softTopics, ""), nextStep))));
  }
}
