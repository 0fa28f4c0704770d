package de.quartierskredit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bank notification that keeps failing: retried five times five minutes apart (R5/PT5M), then an
 * incident for a human in Cockpit; once the cause is fixed, one more retry resolves it.
 */
@QuartierskreditTest
class BankNotificationIncidentTest {

  private static final Duration RETRY_INTERVAL = Duration.ofMinutes(5);

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldRetryWithBackOffThenRaiseAnIncidentThatARetryResolvesAfterTheFix() {
    String reference = loans.register(new NewApplication("Ayla", "Demir", "ayla@example.org", "069 123", false,
        "Schneiderei Demir", BusinessStage.NEW_FOUNDER, "Handwerk", "Bieberer Str. 1", "63065", "Offenbach",
        "offenbach", "Nähmaschinen", new BigDecimal("5000.00"))).reference();
    loans.transition(reference, Set.of(LoanState.APPLIED), LoanState.APPROVED, null);
    // the cause: the loan cannot be found under its reference (a data error the delegate cannot work around)
    jdbc.sql("UPDATE loan SET reference = :broken WHERE reference = :r")
        .param("broken", reference + "-X").param("r", reference).update();
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(BankContractProcess.KEY, reference,
        Map.of(BankContractProcess.Variables.LOAN_REFERENCE, reference,
            BankContractProcess.Variables.ADVISOR_GROUP, "advisors-offenbach"));

    Date now = new Date(ClockUtil.getCurrentTime().getTime() / 1000 * 1000);
    for (int expectedRetries = 4; expectedRetries >= 0; expectedRetries--) {
      ClockUtil.setCurrentTime(now);
      Job job = job(instance);
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("no loan " + reference);
      Job failed = job(instance);
      assertThat(failed.getRetries()).isEqualTo(expectedRetries);
      assertThat(failed.getExceptionMessage()).contains("no loan " + reference);
      if (expectedRetries > 0) {
        assertThat(failed.getDuedate()).isEqualTo(new Date(now.getTime() + RETRY_INTERVAL.toMillis()));
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        now = failed.getDuedate();
      }
    }
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo(BankContractProcess.Activities.SEND_RECOMMENDATION);
    assertThat(incident.getIncidentMessage()).contains("no loan " + reference);

    // the human: fixes the data, then "Retry" in Cockpit (PUT /engine-rest/job/{id}/retries)
    jdbc.sql("UPDATE loan SET reference = :r WHERE reference = :broken")
        .param("broken", reference + "-X").param("r", reference).update();
    Job job = job(instance);
    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());

    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo(BankContractProcess.Activities.CONFIRM_CONTRACT);
  }

  private Job job(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId(BankContractProcess.Activities.SEND_RECOMMENDATION).singleResult();
  }
}
