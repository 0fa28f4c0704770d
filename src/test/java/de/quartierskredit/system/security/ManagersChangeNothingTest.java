package de.quartierskredit.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.support.QuartierskreditTest;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Attachment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Managers read everything and change nothing, tried over {@code /engine-rest} on what Camunda itself
 * leaves unchecked: comments and attachments on a task they can read, and the history cleanup job
 * (a job of no process definition). Each answers 403 and nothing changes; who may work on the task
 * still comments, and the process owner still manages the cleanup job.
 */
@QuartierskreditTest
class ManagersChangeNothingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @Nested
  class OnATaskTheyCanRead {

    private String instanceId;
    private String taskId;

    @BeforeEach
    void applicationOutsideTheQuarters() throws Exception {
      Map<String, Object> application = new HashMap<>(Map.of(
          "applicantFirstName", "Ayşe", "applicantLastName", "Demir", "sgb2Recipient", false,
          "businessName", "Änderungsschneiderei Demir", "businessStage", "NEW_FOUNDER",
          "quarterCode", "OUTSIDE", "loanPurpose", "Nähmaschine", "commercialPurpose", true, "loanAmount", 4000));
      // the microfinancer advises it: a caseworker who may work on the task and read its history
      // (Camunda's comment and attachment routes look the task up in the history)
      ResponseEntity<String> created = exchange("mia", HttpMethod.POST, "/api/applications",
          JSON.writeValueAsString(application));
      instanceId = JSON.readTree(created.getBody()).get("processInstanceId").asText();
      taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    }

    @AfterEach
    void removeApplication() {
      runtimeService.deleteProcessInstance(instanceId, "test finished", true);
    }

    @Test
    void shouldRefuseAManagersCommentAndAttachmentButTakeTheCaseworkers() {
      assertThat(exchange("monika", HttpMethod.GET, "/engine-rest/task/" + taskId, null).getStatusCode())
          .isEqualTo(HttpStatus.OK);

      assertThat(exchange("monika", HttpMethod.POST, "/engine-rest/task/" + taskId + "/comment/create",
          "{\"message\":\"Bitte beeilen.\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      ResponseEntity<String> managersAttachment = attach("monika");
      assertThat(managersAttachment.getStatusCode()).as(managersAttachment.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(taskService.getTaskComments(taskId)).isEmpty();
      assertThat(taskService.getTaskAttachments(taskId)).isEmpty();

      ResponseEntity<String> comment = exchange("mia", HttpMethod.POST, "/engine-rest/task/" + taskId + "/comment/create",
          "{\"message\":\"Unterlagen angefordert.\"}");
      assertThat(comment.getStatusCode()).as(comment.getBody()).isEqualTo(HttpStatus.OK);
      ResponseEntity<String> attachment = attach("mia");
      assertThat(attachment.getStatusCode()).as(attachment.getBody()).isEqualTo(HttpStatus.OK);
      assertThat(taskService.getTaskComments(taskId)).extracting(c -> c.getUserId()).containsExactly("mia");
      assertThat(taskService.getTaskAttachments(taskId)).hasSize(1);
    }

    @Test
    void shouldRefuseDeletingTheCaseworkersAttachmentToManagersAndAdvisors() {
      assertThat(attach("mia").getStatusCode()).isEqualTo(HttpStatus.OK);
      Attachment attachment = taskService.getTaskAttachments(taskId).get(0);
      String path = "/engine-rest/task/" + taskId + "/attachment/" + attachment.getId();

      // Camunda's delete route answers any engine refusal with 404 and drops its cause; what counts is that
      // the attachment stays (before the guard anyone who knew its id deleted it: 204)
      assertThat(exchange("monika", HttpMethod.DELETE, path, null).getStatusCode())
          .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
      assertThat(exchange("lars", HttpMethod.DELETE, path, null).getStatusCode())
          .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
      assertThat(taskService.getTaskAttachments(taskId)).extracting(Attachment::getId).containsExactly(attachment.getId());
    }

    @Test
    void shouldRefuseEveryOtherWriteOnTheTaskAndTheFilters() {
      assertThat(exchange("monika", HttpMethod.PUT, "/engine-rest/task/" + taskId,
          "{\"name\":\"umbenannt\",\"priority\":99}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(exchange("monika", HttpMethod.POST, "/engine-rest/task/" + taskId + "/identity-links",
          "{\"groupId\":\"managers\",\"type\":\"candidate\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(exchange("monika", HttpMethod.POST, "/engine-rest/task/" + taskId + "/localVariables",
          "{\"modifications\":{\"x\":{\"value\":\"1\"}}}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(exchange("monika", HttpMethod.POST, "/engine-rest/filter/create",
          "{\"resourceType\":\"Task\",\"name\":\"Meine\",\"query\":{}}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(exchange("monika", HttpMethod.POST, "/engine-rest/external-task/fetchAndLock",
          "{\"workerId\":\"monika\",\"maxTasks\":10,\"topics\":[{\"topicName\":\"any\",\"lockDuration\":1000}]}")
          .getBody()).isEqualTo("[]");

      var task = taskService.createTaskQuery().taskId(taskId).singleResult();
      assertThat(task.getName()).isEqualTo("Beratungsgespräch führen");
      assertThat(task.getPriority()).isNotEqualTo(99);
      assertThat(taskService.getIdentityLinksForTask(taskId)).extracting(l -> l.getGroupId()).doesNotContain("managers");
      assertThat(taskService.getVariableLocal(taskId, "x")).isNull();
    }

    private ResponseEntity<String> attach(String user) {
      var form = new LinkedMultiValueMap<String, Object>();
      form.add("attachment-name", "Notiz");
      form.add("attachment-description", "Gesprächsnotiz");
      form.add("attachment-type", "text/plain");
      form.add("url", "https://example.org/notiz");
      var headers = new HttpHeaders();
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      return rest.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + taskId + "/attachment/create",
          HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }
  }

  @Nested
  class OnTheHistoryCleanupJob {

    private Job cleanup;

    @BeforeEach
    void cleanupJob() {
      cleanup = historyService.cleanUpHistoryAsync(false);
    }

    @Test
    void shouldRefuseAManagerToExecuteRetimeRetryOrSuspendIt() {
      String job = "/engine-rest/job/" + cleanup.getId();

      assertThat(exchange("monika", HttpMethod.PUT, job + "/duedate", "{\"duedate\":\"2030-01-01T00:00:00.000+0100\"}")
          .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(exchange("monika", HttpMethod.POST, job + "/execute", null).getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(exchange("monika", HttpMethod.PUT, job + "/retries", "{\"retries\":7}").getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(exchange("monika", HttpMethod.PUT, job + "/priority", "{\"priority\":9}").getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(exchange("monika", HttpMethod.PUT, job + "/suspended", "{\"suspended\":true}").getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(exchange("monika", HttpMethod.DELETE, job, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(exchange("anna", HttpMethod.PUT, job + "/retries", "{\"retries\":7}").getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);

      Job after = managementService.createJobQuery().jobId(cleanup.getId()).singleResult();
      assertThat(after).isNotNull();
      assertThat(after.getDuedate()).isEqualTo(cleanup.getDuedate());
      assertThat(after.getRetries()).isEqualTo(cleanup.getRetries());
      assertThat(after.getPriority()).isEqualTo(cleanup.getPriority());
      assertThat(after.isSuspended()).isFalse();
    }

    @Test
    void shouldLetTheProcessOwnerManageIt() {
      String job = "/engine-rest/job/" + cleanup.getId();
      assertThat(exchange("admin", HttpMethod.PUT, job + "/retries", "{\"retries\":" + cleanup.getRetries() + "}")
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(exchange("admin", HttpMethod.PUT, job + "/priority", "{\"priority\":" + cleanup.getPriority() + "}")
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(managementService.createJobQuery().jobId(cleanup.getId()).singleResult().getDuedate())
          .isEqualTo(cleanup.getDuedate());
    }
  }

  private ResponseEntity<String> exchange(String user, HttpMethod method, String path, String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").exchange(path, method, body == null ? null : new HttpEntity<>(body, headers),
        String.class);
  }

}
