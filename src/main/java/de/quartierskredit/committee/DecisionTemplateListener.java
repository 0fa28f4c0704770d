package de.quartierskredit.committee;

import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.CAN_REPAY;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.IMPROVES_SITUATION;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.RECOMMENDATION;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.TEMPLATE_NOTES;

import de.quartierskredit.shared.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import de.quartierskredit.shared.InputRefusedException;

/** DOMAIN.md step 5: a decision template is complete only with both guiding questions answered. */
@Component("decisionTemplateListener")
class DecisionTemplateListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    var check = CommitteeInputPolicy.template(
        FormValues.text(task, IMPROVES_SITUATION),
        FormValues.text(task, CAN_REPAY),
        FormValues.text(task, RECOMMENDATION),
        FormValues.text(task, TEMPLATE_NOTES));
    if (!check.ok()) {
      throw new InputRefusedException(null, check.reason());
    }
  }
}
