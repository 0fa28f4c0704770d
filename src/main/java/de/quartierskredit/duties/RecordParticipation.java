package de.quartierskredit.duties;

import de.quartierskredit.shared.engine.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that the acting user did one step of the loan (the process's business key), in the step's
 * own transaction: on a task's completion, or at the end of a service task that a person's action ran.
 * The user is the one logged in (else the task's assignee), never a process variable; with nobody
 * acting (the engine itself) nothing is recorded.
 */
final class RecordParticipation implements TaskListener, ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(RecordParticipation.class);

  private final LoanParticipants participants;
  private final Step step;

  RecordParticipation(LoanParticipants participants, Step step) {
    this.participants = participants;
    this.step = step;
  }

  @Override
  public void notify(DelegateTask task) {
    record(task.getExecution(), CurrentUser.completing(task), task.getId());
  }

  @Override
  public void notify(DelegateExecution execution) {
    record(execution, CurrentUser.of(execution), null);
  }

  private void record(DelegateExecution execution, String user, String taskId) {
    String loanReference = execution.getProcessBusinessKey();
    if (user == null || loanReference == null) {
      return;
    }
    if (!participants.record(loanReference, step, user, taskId, execution.getProcessInstanceId())) {
      LOG.warn("No loan {} to record {} by {} (process instance {})", loanReference, step, user,
          execution.getProcessInstanceId());
    }
  }
}
