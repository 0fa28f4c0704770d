package de.quartierskredit.committee;

import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.ADVISOR_GROUP;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.COMMITTEE_GROUP;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.LOAN_REFERENCE;
import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.REMINDER_AFTER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Start of the committee decision: checks the call activity's inputs and sets how long a decision may
 * stay pending before the microfinancer chases it ({@code quartierskredit.committee.reminder-after}).
 */
@Component("committeeStartListener")
class CommitteeStartListener implements ExecutionListener {

  private final String reminderAfter;

  CommitteeStartListener(@Value("${quartierskredit.committee.reminder-after:P14D}") String reminderAfter) {
    this.reminderAfter = reminderAfter;
  }

  @Override
  public void notify(DelegateExecution execution) {
    for (String required : new String[] {LOAN_REFERENCE, ADVISOR_GROUP, COMMITTEE_GROUP}) {
      Object value = execution.getVariable(required);
      if (value == null || value.toString().isBlank()) {
        throw new IllegalArgumentException("committee-decision needs the variable " + required);
      }
    }
    if (execution.getVariable(REMINDER_AFTER) == null) {
      execution.setVariable(REMINDER_AFTER, reminderAfter);
    }
  }
}
