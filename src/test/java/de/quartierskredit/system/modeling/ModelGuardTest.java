package de.quartierskredit.system.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.support.QuartierskreditTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The guard refuses a model without its diagram, with a form that is not deployed or with a delegate
 * that does not exist, both from {@code RepositoryService} and from Camunda Modeler's deploy button
 * ({@code POST /engine-rest/deployment/create}), and lets a valid model through (process owners only).
 */
@QuartierskreditTest
class ModelGuardTest {

  private static final String KEY = "model-guard-test";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired RepositoryService repositoryService;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void removeTestDeployments() {
    repositoryService.createDeploymentQuery().list().stream()
        .filter(d -> d.getName() != null && d.getName().startsWith(KEY))
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  @Nested
  class WithRepositoryService {

    @Test
    void shouldDeployAValidModelWithExistingDelegatesAndForms() {
      repositoryService.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model(
          "${openContactObligationDelegate}", "record-borrower-contact", "latest")).deploy();

      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAModelWithoutDiagram() {
      assertThatThrownBy(() -> repositoryService.createDeployment().name(KEY)
          .addString(KEY + ".bpmn", WITHOUT_DIAGRAM).deploy())
          .isInstanceOf(ParseException.class)
          .hasMessageContaining("Task_Check: hat keine Form im Diagramm (BPMNShape fehlt)")
          .hasMessageContaining("Flow_ToEnd: hat keine Linie im Diagramm");
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isZero();
    }

    @Test
    void shouldRefuseAnUnknownDelegateAndAMissingFormAndNameEachProblem() {
      assertThatThrownBy(() -> repositoryService.createDeployment().name(KEY)
          .addModelInstance(KEY + ".bpmn", model("${checkEligibilityDelegat}", "no-such-form", "latest")).deploy())
          .isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.getMessage()).contains("2 Probleme")
                .contains("Task_Run: Delegate ${checkEligibilityDelegat} gibt es nicht")
                .contains("Task_Work: Formular 'no-such-form' ist weder in diesem Deployment noch bereits deployt");
            assertThat(e.getResorceReports().get(0).getErrors()).extracting(p -> p.getMainElementId())
                .containsExactly("Task_Run", "Task_Work");
          });
      assertThat(repositoryService.createDeploymentQuery().deploymentName(KEY).count()).isZero();
    }

    @Test
    void shouldRequireTheFormInTheSameDeploymentWhenTheModelBindsItToItsDeployment() {
      assertThatThrownBy(() -> repositoryService.createDeployment().name(KEY)
          .addModelInstance(KEY + ".bpmn", model("${openContactObligationDelegate}", "record-borrower-contact", "deployment"))
          .deploy())
          .isInstanceOf(ParseException.class)
          .hasMessageContaining("Formular 'record-borrower-contact' (formRefBinding=deployment) fehlt in diesem Deployment");

      repositoryService.createDeployment().name(KEY)
          .addModelInstance(KEY + ".bpmn", model("${openContactObligationDelegate}", "record-borrower-contact", "deployment"))
          .addClasspathResource("forms/record-borrower-contact.form").deploy();
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isEqualTo(1);
    }
  }

  @Nested
  class WithModelersDeployButton {

    @Test
    void shouldLetAProcessOwnerDeployAValidModel() throws IOException {
      ResponseEntity<String> answer = deployOverRest("admin", model("${openContactObligationDelegate}",
          "record-borrower-contact", "latest"));

      assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
      assertThat(JSON.readTree(answer.getBody()).path("deployedProcessDefinitions")).hasSize(1);
    }

    @Test
    void shouldRefuseAnInvalidModelWithTheProblemsNamed() throws IOException {
      ResponseEntity<String> answer = deployOverRest("admin", model("${noSuchDelegate}", "record-borrower-contact", "latest"));

      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      JsonNode body = JSON.readTree(answer.getBody());
      assertThat(body.path("type").asText()).isEqualTo("ParseException");
      assertThat(body.path("message").asText()).contains("Task_Run: Delegate ${noSuchDelegate} gibt es nicht");
      assertThat(body.path("details").path(KEY + ".bpmn").path("errors").get(0).path("mainElementId").asText())
          .isEqualTo("Task_Run");
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isZero();
    }

    @Test
    void shouldRefuseAnAdvisor() {
      ResponseEntity<String> answer = deployOverRest("anna", model("${openContactObligationDelegate}",
          "record-borrower-contact", "latest"));

      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isZero();
    }

    private ResponseEntity<String> deployOverRest(String user, BpmnModelInstance model) {
      var body = new LinkedMultiValueMap<String, Object>();
      body.add("deployment-name", KEY);
      body.add("deployment-source", "Camunda Modeler");
      body.add("data", new ByteArrayResource(Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8)) {
        @Override
        public String getFilename() {
          return KEY + ".bpmn";
        }
      });
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/deployment/create",
          new HttpEntity<>(body, headers), String.class);
    }
  }

  /** A small model drawn by the fluent builder (which writes the diagram): a service task and a user task. */
  private static BpmnModelInstance model(String delegate, String formRef, String binding) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).name("Guard test").camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Go")
        .serviceTask("Task_Run").camundaDelegateExpression(delegate)
        .userTask("Task_Work").camundaFormRef(formRef).camundaFormRefBinding(binding)
        .endEvent("EndEvent_Done")
        .done();
    return model;
  }

  private static final String WITHOUT_DIAGRAM = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_guard" targetNamespace="http://quartierskredit.de/bpmn">
        <bpmn:process id="model-guard-test" name="Guard test" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="StartEvent_Go"><bpmn:outgoing>Flow_ToCheck</bpmn:outgoing></bpmn:startEvent>
          <bpmn:userTask id="Task_Check" name="Prüfen" camunda:candidateGroups="microfinancer">
            <bpmn:incoming>Flow_ToCheck</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
          </bpmn:userTask>
          <bpmn:endEvent id="EndEvent_Done"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
          <bpmn:sequenceFlow id="Flow_ToCheck" sourceRef="StartEvent_Go" targetRef="Task_Check" />
          <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Check" targetRef="EndEvent_Done" />
        </bpmn:process>
      </bpmn:definitions>
      """;
}
