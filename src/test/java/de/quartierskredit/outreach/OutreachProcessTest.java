package de.quartierskredit.outreach;

import static de.quartierskredit.outreach.OutreachProcess.Activities.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.application.LoanApplicationProcess;
import de.quartierskredit.support.QuartierskreditTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@QuartierskreditTest
class OutreachProcessTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void logout() {
    identityService.clearAuthentication();
  }

  private static Map<String, Object> contact(String outcome) {
    Map<String, Object> v = new HashMap<>();
    v.put("quarterCode", "leipzig");
    v.put("contactType", "PARTNER_REFERRAL");
    v.put("referralPartner", "Jobcenter");
    v.put("contactPerson", "Olena Koval");
    v.put("businessName", "Imbiss am Lindenauer Markt");
    v.put("contactOutcome", outcome);
    v.put("contactNotes", "Möchte einen Imbisswagen übernehmen.");
    return v;
  }

  private ProcessInstance startAsLars(Map<String, Object> variables) {
    identityService.setAuthentication("lars", List.of("advisors-leipzig"));
    try {
      return runtimeService.startProcessInstanceByKey(OutreachProcess.KEY, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Map<String, Object> row(ProcessInstance instance) {
    return jdbc.sql("SELECT * FROM outreach_contact WHERE process_instance_id = :pi")
        .param("pi", instance.getId()).query().singleRow();
  }

  @Test
  void shouldRefuseALeipzigAdvisorRecordingAContactForOffenbachAndStoreNothing() {
    long before = jdbc.sql("SELECT count(*) FROM outreach_contact").query(Long.class).single();
    Map<String, Object> offenbach = contact("APPLICATION");
    offenbach.put("quarterCode", "offenbach");

    assertThatThrownBy(() -> startAsLars(offenbach))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class).hasMessageContaining("eigenes Quartier");
    org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT count(*) FROM outreach_contact")
        .query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void shouldOfferTheCaptureToTheQuarterOfTheRecordedContactWhateverTheVariablesSay() {
    Map<String, Object> contact = contact("APPLICATION");
    contact.put("advisorGroup", "advisors-offenbach"); // a variable the form does not have; the row decides
    ProcessInstance instance = startAsLars(contact);

    // the advisor who made the contact captures the application herself; the quarter's group stays candidate
    assertThat(task(instance)).isAssignedTo("lars");
    org.assertj.core.api.Assertions.assertThat(taskService.getIdentityLinksForTask(task(instance).getId()))
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).containsOnly("advisors-leipzig", null);
  }

  @Test
  void shouldStartAnApplicationWhenTheContactLeadsToOne() {
    ProcessInstance instance = startAsLars(contact("APPLICATION"));
    assertThat(instance).isWaitingAt(CAPTURE_APPLICATION);
    assertThat(task(instance)).isAssignedTo("lars");
    Map<String, Object> application = new HashMap<>(withVariables(
        "applicantFirstName", "Olena", "applicantLastName", "Koval", "businessStage", "TAKEOVER",
        "loanPurpose", "Übernahme des Imbisswagens", "commercialPurpose", true, "loanAmount", 4000L));

    identityService.setAuthentication("lars", List.of("advisors-leipzig"));
    taskService.complete(task(instance).getId(), application);
    identityService.clearAuthentication();

    assertThat(instance).hasPassed(START_APPLICATION, END_APPLICATION_STARTED).isEnded();
    String reference = (String) row(instance).get("loan_reference");
    org.assertj.core.api.Assertions.assertThat(reference).startsWith("QK-");
    org.assertj.core.api.Assertions.assertThat(row(instance)).containsEntry("contact_type", "PARTNER_REFERRAL")
        .containsEntry("referral_partner", "Jobcenter").containsEntry("recorded_by", "lars");
    ProcessInstance loanApplication = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(LoanApplicationProcess.KEY).processInstanceBusinessKey(reference).singleResult();
    assertThat(loanApplication).isWaitingAt(LoanApplicationProcess.Activities.ADVISE)
        .variables().containsEntry("businessName", "Imbiss am Lindenauer Markt").containsEntry("quarterCode", "leipzig");
  }

  @Test
  void shouldEndWithTheReferralRecordedWhenReferredToAdvice() {
    Map<String, Object> v = contact("REFERRED_TO_ADVICE");
    v.put("referralOffer", "Buchführungsseminar");

    ProcessInstance instance = startAsLars(v);

    assertThat(instance).hasPassed(END_REFERRED_TO_ADVICE).isEnded();
    org.assertj.core.api.Assertions.assertThat(row(instance)).containsEntry("outcome", "REFERRED_TO_ADVICE")
        .containsEntry("referral_offer", "Buchführungsseminar");
  }

  @Test
  void shouldJustRecordTheContactWhenItEnds() {
    ProcessInstance instance = startAsLars(contact("ENDED"));

    assertThat(instance).hasPassed(RECORD_CONTACT, END_CONTACT_ENDED).isEnded();
    org.assertj.core.api.Assertions.assertThat(row(instance)).containsEntry("outcome", "ENDED");
  }

  @Test
  void shouldRefuseAPartnerReferralWithoutThePartnerAndStoreNothing() {
    long before = jdbc.sql("SELECT count(*) FROM outreach_contact").query(Long.class).single();
    Map<String, Object> v = contact("ENDED");
    v.remove("referralPartner");
    v.put("contactType", "CARRIER_PIGEON");

    assertThatThrownBy(() -> startAsLars(v))
        .hasRootCauseInstanceOf(InputRefusedException.class)
        .hasMessageContaining("contactType");

    org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT count(*) FROM outreach_contact").query(Long.class).single())
        .isEqualTo(before);
  }
}
