package de.quartierskredit.system.engine;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.simulation.PortfolioSimulator;
import de.quartierskredit.simulation.SimulationSettings;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * History cleanup as configured (removal-time strategy {@code end}, the models' time-to-live, a
 * nightly window): the history of a loan that ended more than its time-to-live ago is removed, the
 * history of a loan still running is kept however old it is, an application that ended without a loan
 * goes six months after it ended (our tables' retention, not the model's), and the cleanup job waits for
 * the window. In the shared test context (a second engine in this JVM confused the REST API of later
 * tests): cleanup removes whatever history is due in the database, and later tests do not read the
 * history of earlier ones.
 */
@QuartierskreditTest
class HistoryCleanupTest {

  /** The cleanup window is read in the JVM's time zone. */
  private static final ZoneId ZONE = ZoneId.systemDefault();
  private static final LocalDate START = LocalDate.of(2031, 1, 10);

  @Autowired PortfolioSimulator simulator;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldRemoveTheHistoryOfEndedLoansAfterTheirTimeToLiveAndKeepRunningLoans() {
    simulator.createLoans(new SimulationSettings(2, 1, 0, 0, 0, 1L, START, new BigDecimal("2000.00"), 24, 1), line -> { });
    List<ProcessInstance> loans = jdbc.sql("SELECT reference FROM loan WHERE purpose = :purpose ORDER BY id")
        .param("purpose", PortfolioSimulator.PURPOSE)
        .query(String.class).list().stream()
        .map(reference -> runtime.createProcessInstanceQuery().processDefinitionKey("loan-servicing")
            .processInstanceBusinessKey(reference).singleResult())
        .toList();
    assertThat(loans).hasSize(2).doesNotContainNull();
    ProcessInstance ended = loans.get(0);
    ProcessInstance running = loans.get(1);
    setClock(START.atTime(13, 0));
    runtime.deleteProcessInstance(ended.getId(), "ended for the cleanup test");

    // strategy "end": the ended loan's history is due 3650 days (its time-to-live) after it ended; the running one never
    Date removal = history.createHistoricProcessInstanceQuery().processInstanceId(ended.getId()).singleResult()
        .getRemovalTime();
    assertThat(removal).isEqualTo(date(START.plusDays(3650).atTime(13, 0)));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running.getId()).singleResult()
        .getRemovalTime()).isNull();

    // a day before it is due, cleanup removes nothing
    setClock(START.plusDays(3649).atTime(13, 0));
    cleanUpNow();
    assertThat(historyOf(ended)).isPositive();

    // once due, the ended loan's history goes; the running loan, started as long ago, keeps all of it
    long runningBefore = historyOf(running);
    setClock(START.plusDays(3651).atTime(13, 0));
    cleanUpNow();
    assertThat(historyOf(ended)).isZero();
    assertThat(historyOf(running)).isEqualTo(runningBefore).isPositive();
  }

  /**
   * The engine follows the retention of our tables (privacy.CaseHistoryRemovalTime): an application that
   * ended without a loan is due six months after the day it ended, not its model's 400 days; cleanup
   * keeps it the day before and removes it on the day.
   */
  @Test
  void shouldRemoveTheHistoryOfAnApplicationWithoutLoanSixMonthsAfterItEnded() {
    LocalDate ended = LocalDate.of(2032, 8, 31);
    setClock(ended.atTime(11, 0));
    ProcessInstance application;
    identity.setAuthentication("anna", List.of("advisors-offenbach"));
    try {
      application = runtime.startProcessInstanceByKey("loan-application", Map.of("applicantFirstName", "Ida",
          "applicantLastName", "Cleanup", "businessName", "Ida Cleanup", "businessStage", "NEW_FOUNDER",
          "quarterCode", "offenbach", "loanPurpose", "Ladenausstattung", "commercialPurpose", true, "loanAmount", 2000L));
      String advice = tasks.createTaskQuery().processInstanceId(application.getId()).singleResult().getId();
      tasks.complete(advice, Map.of("adviceOutcome", "OTHER_FINANCING"));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(application.getId()).count()).isZero();

    // 31.08. + 6 months = 28.02. (the model's time-to-live alone would keep it 400 days)
    Date removal = history.createHistoricProcessInstanceQuery().processInstanceId(application.getId()).singleResult()
        .getRemovalTime();
    // (our tables count days in business time, Europe/Berlin)
    assertThat(removal).isEqualTo(Date.from(LocalDate.of(2033, 2, 28).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant()));

    setClock(LocalDate.of(2033, 2, 27).atTime(13, 0));
    cleanUpNow();
    assertThat(historyOf(application)).isPositive();

    setClock(LocalDate.of(2033, 2, 28).atTime(1, 30));
    cleanUpNow();
    assertThat(historyOf(application)).isZero();
  }

  @Test
  void shouldScheduleTheCleanupInTheNightlyWindow() {
    setClock(LocalDateTime.of(2031, 3, 4, 12, 0));
    Job cleanup = history.cleanUpHistoryAsync(false);
    // outside the window (01:00-05:00) the job waits for the next night
    assertThat(cleanup.getDuedate()).isEqualTo(date(LocalDateTime.of(2031, 3, 5, 1, 0)));
  }

  /**
   * Runs the cleanup job until Camunda itself reschedules it for later. One run deletes at most one
   * batch (500) per history table; the shared test database holds the history every earlier test class
   * ended, all of it due by then, so removing ours may take several runs, as it does in a nightly window.
   */
  private void cleanUpNow() {
    Job cleanup = history.cleanUpHistoryAsync(true);
    for (int run = 1; run <= 500; run++) {
      management.executeJob(cleanup.getId());
      Job next = management.createJobQuery().jobId(cleanup.getId()).singleResult();
      if (next == null || next.getDuedate().after(ClockUtil.getCurrentTime())) {
        return;
      }
    }
    throw new AssertionError("history cleanup still due after 500 runs");
  }

  /** Rows of an instance in the history tables that grow with a loan's life. */
  private long historyOf(ProcessInstance instance) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).count()
        + history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count()
        + history.createHistoricVariableInstanceQuery().processInstanceIdIn(instance.getId()).count()
        + history.createHistoricDetailQuery().processInstanceId(instance.getId()).count();
  }

  private static void setClock(LocalDateTime time) {
    ClockUtil.setCurrentTime(date(time));
  }

  private static Date date(LocalDateTime time) {
    return Date.from(time.atZone(ZONE).toInstant());
  }
}
