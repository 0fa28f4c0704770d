package de.quartierskredit.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * What the process tests do in place of the job executor (which is off in tests): run an instance's
 * async continuations, fire a timer by moving the engine clock to its due date, correlate a message.
 */
public final class EngineDriver {

  private final ManagementService management;
  private final RuntimeService runtime;

  public EngineDriver(ManagementService management, RuntimeService runtime) {
    this.management = management;
    this.runtime = runtime;
  }

  /** Executes the instance's async continuations that are due now (not its future timers). */
  public void runAsyncJobs(ProcessInstance instance) {
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().processInstanceId(instance.getId()).messages().list()).isEmpty()) {
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** Moves the engine clock to the timer's due date and executes it. */
  public void fireTimer(ProcessInstance instance, String activityId) {
    Job job = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
        .singleResult();
    assertThat(job).as("timer at " + activityId).isNotNull();
    ClockUtil.setCurrentTime(job.getDuedate());
    management.executeJob(job.getId());
  }

  /** Correlates the message to every instance of the loan that waits for it; name-value pairs as variables. */
  public void correlate(String businessKey, String message, Object... variables) {
    Map<String, Object> payload = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      payload.put((String) variables[i], variables[i + 1]);
    }
    runtime.createMessageCorrelation(message).processInstanceBusinessKey(businessKey)
        .setVariables(payload).correlateAllWithResult();
  }
}
