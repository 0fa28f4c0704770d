package de.quartierskredit.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does with one task in Tasklist, each step waiting for the server's state instead of
 * for time: open it (and take it, unless it is already the person's), complete it, and let the engine
 * run the asynchronous steps the journey passed (the job executor is off in tests).
 */
final class TasklistSteps {

  private final Browser browser;
  private final TaskService tasks;
  private final ManagementService management;
  private String taskId;

  TasklistSteps(Browser browser, TaskService tasks, ManagementService management) {
    this.browser = browser;
    this.tasks = tasks;
    this.management = management;
  }

  /** The task opened last. */
  String taskId() {
    return taskId;
  }

  /**
   * Opens the task in Tasklist and takes it ("Diese Aufgabe übernehmen") unless it is already assigned;
   * returns once the server has the assignee and the form has been rendered again for editing (a
   * candidate task shows its form read-only until taken, and text typed into it would be lost). Checks
   * that the page is German.
   */
  void open(Task task) {
    taskId = task.getId();
    browser.go("/camunda/app/tasklist/default/#/?task=" + taskId);
    browser.waitFor(By.cssSelector(".fjs-form"));
    browser.countRequests();
    if (task.getAssignee() == null) {
      browser.click(By.cssSelector("button.claim"));
    }
    new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d ->
        tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee() != null
            && d.findElements(By.cssSelector("button.claim")).isEmpty()
            && !d.findElements(By.cssSelector(".fjs-form input:not([disabled]), .fjs-form textarea:not([disabled])"))
                .isEmpty());
    browser.waitUntilSettled();
    browser.formOpened();
    GermanOnly.assertPage(browser.pageText());
  }

  /**
   * Completes the open task and waits for the server's answer: the task is gone (completed), or Tasklist
   * shows an error, which fails the test at once with Tasklist's text. Before the click every typed value
   * must still be in its field.
   */
  void complete() {
    browser.verifyTyped();
    browser.click(By.cssSelector("button[ng-click='complete()']"));
    new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d ->
        !browser.errorNotifications().isEmpty() || tasks.createTaskQuery().taskId(taskId).count() == 0);
    assertThat(browser.errorNotifications()).as("Tasklist error notifications after completing " + taskId).isEmpty();
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("task " + taskId + " completed").isZero();
  }

  /** Runs the asynchronous continuations that are due (not the timers). */
  void runJobs() {
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().executable().messages().list()).isEmpty()) {
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }
}
