package de.quartierskredit.rescheduling;

import static de.quartierskredit.rescheduling.RepaymentReschedulingProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step 11, approved: the proposal becomes the loan's current schedule version (idempotent, see {@link Rescheduling#activate}). */
@Component("activateRescheduledScheduleDelegate")
class ActivateScheduleDelegate implements JavaDelegate {

  private final Rescheduling rescheduling;

  ActivateScheduleDelegate(Rescheduling rescheduling) {
    this.rescheduling = rescheduling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(SCHEDULE_VERSION, rescheduling.activate((Long) execution.getVariable(REQUEST_ID)));
  }
}
