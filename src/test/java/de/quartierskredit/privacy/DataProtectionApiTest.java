package de.quartierskredit.privacy;

import de.quartierskredit.audit.AuditAction;
import de.quartierskredit.audit.AuditDetails;
import de.quartierskredit.audit.AuditTrail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import de.quartierskredit.application.LoanApplicationProcess;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.shared.Dates;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /api/data-protection}: the process owner finds a borrower or guarantor and exports everything
 * stored about them (Art. 15) with German keys, each search and export logged without the data; everyone
 * else is refused (403), an unknown person is 404, and no case is erased before its retention ends, even
 * when the process owner asks.
 */
@QuartierskreditTest
class DataProtectionApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired LoanRepository loans;
  @Autowired AuditTrail auditTrail;

  private final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String lastName = "Quillert" + tag;
  private final String phone = "069 4" + tag.replaceAll("[^0-9]", "7") + "1";
  private final String guarantorName = "Bürgin Vollmer" + tag;
  private final String guarantorPhone = "0170 2" + tag.replaceAll("[^0-9]", "3") + "9";
  private String reference;
  private ProcessInstance application;

  @BeforeEach
  void anApplicationWithGuarantorsAndADocument() {
    BpmnAwareTests.init(processEngine);
    Map<String, Object> v = new HashMap<>();
    v.put("applicantFirstName", "Dana");
    v.put("applicantLastName", lastName);
    v.put("applicantEmail", "dana." + tag + "@example.org");
    v.put("applicantPhone", phone);
    v.put("sgb2Recipient", true);
    v.put("businessName", "Café " + lastName);
    v.put("businessStage", "NEW_FOUNDER");
    v.put("businessSector", "Gastronomie");
    v.put("businessStreet", "Marktplatz 3");
    v.put("businessPostalCode", "63065");
    v.put("businessCity", "Offenbach am Main");
    v.put("quarterCode", "offenbach");
    v.put("loanPurpose", "Espressomaschine");
    v.put("commercialPurpose", true);
    v.put("loanAmount", 3000L);
    identity.setAuthentication("anna", List.of("advisors-offenbach"));
    try {
      application = runtime.startProcessInstanceByKey(LoanApplicationProcess.KEY, v);
      tasks.complete(task(application).getId(), withVariables("adviceOutcome", "CONTINUE", "businessPotential", "HIGH",
          "handicapMigration", true, "commercialPurpose", true, "expectedMonthlyProfit", 1500L, "jobsCreatedOrKept", 1L));
    } finally {
      identity.clearAuthentication();
    }
    ProcessInstance guarantorCheck = BpmnAwareTests.calledProcessInstance("guarantor-check", application);
    String recordGuarantors = task(guarantorCheck).getId();
    identity.setAuthentication("anna", List.of("advisors-offenbach"));
    try {
      tasks.complete(recordGuarantors, withVariables("guarantorDecision", "RECORDED",
          "guarantor1Name", guarantorName, "guarantor1Contact", guarantorPhone, "guarantor1Amount", 1000L,
          "guarantor2Name", "Bürge Brandt" + tag, "guarantor2Contact", "brandt@example.org", "guarantor2Amount", 600L));
    } finally {
      identity.clearAuthentication();
    }
    BpmnAwareTests.execute(BpmnAwareTests.job(guarantorCheck));
    reference = application.getBusinessKey();
    long loanId = jdbc.sql("SELECT id FROM loan WHERE reference = :r").param("r", reference).query(Long.class).single();
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    jdbc.sql("""
            INSERT INTO loan_document (loan_id, stage, document_type, file_name, content_type, size_bytes, sha256,
                                       storage, uploaded_by, uploaded_at)
            VALUES (:loan, 'APPLICATION', 'ID_DOCUMENT', 'ausweis.pdf', 'application/pdf', :size, :sha, 'DATABASE',
                    'anna', CURRENT_TIMESTAMP)""")
        .param("loan", loanId).param("size", pdf.length).param("sha", "1".repeat(64)).update();
  }

  private ResponseEntity<String> as(String user, HttpMethod method, String path) {
    return RestAs.user(rest, user).exchange(method, path, null);
  }

  private ResponseEntity<String> erase(String user, String loanReference) {
    return RestAs.user(rest, user).post("/api/data-protection/erasures", "{\"reference\": \"" + loanReference + "\"}");
  }

  private String subject(String role) {
    return subject(role, tag);
  }

  private String subject(String role, String nameContains) {
    JsonNode found = RestAs.json(as("admin", HttpMethod.GET, "/api/data-protection/subjects?reference=" + reference));
    for (JsonNode subject : found) {
      if (subject.get("rolle").asText().equals(role) && subject.get("name").asText().contains(nameContains)) {
        return subject.get("subjectId").asText();
      }
    }
    throw new AssertionError("no " + role + " in " + found);
  }

  @Nested
  class ProcessOwner {

    @Test
    void shouldFindTheBorrowerAndTheGuarantorsByNameOrReferenceAndLogTheSearchWithoutTheTerm() {
      long before = lastLogId();
      ResponseEntity<String> byName = as("admin", HttpMethod.GET, "/api/data-protection/subjects?name=quillert" + tag);

      assertThat(byName.getStatusCode()).isEqualTo(HttpStatus.OK);
      JsonNode found = RestAs.json(byName);
      assertThat(found).hasSize(1);
      assertThat(found.get(0).get("rolle").asText()).isEqualTo("Kreditnehmer/in");
      assertThat(found.get(0).get("name").asText()).isEqualTo("Dana " + lastName);
      assertThat(found.get(0).get("aktenzeichen").asText()).isEqualTo(reference);
      JsonNode byReference = RestAs.json(as("admin", HttpMethod.GET, "/api/data-protection/subjects?reference=" + reference));
      assertThat(byReference).extracting(node -> node.get("rolle").asText())
          .containsExactlyInAnyOrder("Kreditnehmer/in", "Bürge/Bürgin", "Bürge/Bürgin");

      List<String> log = logSince(before);
      assertThat(log).hasSize(2).allMatch(entry -> entry.startsWith("SEARCH|admin|"))
          .anyMatch(entry -> entry.contains(found.get(0).get("subjectId").asText()))
          .noneMatch(entry -> entry.contains(tag.toLowerCase()) || entry.contains(lastName));
    }

    @Test
    void shouldExportEverythingAboutTheBorrowerWithGermanKeysAndLogIt() {
      String subject = subject("Kreditnehmer/in");
      long before = lastLogId();

      ResponseEntity<String> answer = as("admin", HttpMethod.GET, "/api/data-protection/subjects/" + subject);

      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(answer.getHeaders().getFirst("Content-Disposition")).contains("auskunft-" + subject + ".json");
      JsonNode export = RestAs.json(answer);
      assertThat(export.get("auskunft").get("rechtsgrundlage").asText()).contains("Art. 15 DSGVO");
      assertThat(export.get("auskunft").get("erstelltVon").asText()).isEqualTo("admin");
      assertThat(export.get("person").get("nachname").asText()).isEqualTo(lastName);
      assertThat(export.get("person").get("telefon").asText()).isEqualTo(phone);
      assertThat(export.get("person").get("bezugVonLeistungenNachSgbII").asText()).isEqualTo("ja");
      assertThat(export.get("betriebe").get(0).get("name").asText()).isEqualTo("Café " + lastName);
      JsonNode loan = export.get("kredite").get(0);
      assertThat(loan.get("aktenzeichen").asText()).isEqualTo(reference);
      assertThat(loan.get("stand").asText()).isEqualTo("beantragt");
      assertThat(loan.get("betrag").asText()).isEqualTo("3.000,00 EUR");
      assertThat(loan.get("beantragtAm").asText()).isEqualTo(Dates.format(LocalDate.now(clock)));
      assertThat(loan.get("buergschaften")).extracting(node -> node.get("name").asText())
          .contains(guarantorName);
      assertThat(loan.get("buergschaften").toString()).doesNotContain(guarantorPhone); // another person's contact data
      assertThat(loan.get("unterlagen").get(0).get("dateiname").asText()).isEqualTo("ausweis.pdf");
      assertThat(loan.get("unterlagen").get(0).get("groesseInBytes").asInt()).isPositive();
      assertThat(loan.get("unterlagen").get(0).has("content")).isFalse();
      assertThat(loan.get("prozessdaten")).anyMatch(value -> value.get("feld").asText().equals("applicantLastName")
          && value.get("wert").asText().equals(lastName) && value.get("prozess").asText().equals("Kreditantrag"));
      assertThat(answer.getBody()).doesNotContain("\"APPLIED\"");

      assertThat(logSince(before)).containsExactly("EXPORT|admin|" + subject + "|" + reference + "|loans=[" + reference + "]");
      JsonNode log = RestAs.json(as("admin", HttpMethod.GET, "/api/data-protection/log?reference=" + reference));
      assertThat(log.get(0).get("aktion").asText()).isEqualTo("Auskunft");
      assertThat(log.get(0).get("wer").asText()).isEqualTo("admin");
      assertThat(log.get(0).get("person").asText()).isEqualTo(subject);
      assertThat(log.toString()).doesNotContain(lastName).doesNotContain(phone);
      // the loan's own audit trail says that the borrower was given the information, and by whom
      assertThat(auditTrail.of(reference)).filteredOn(entry -> entry.action() == AuditAction.PERSONAL_DATA_EXPORTED)
          .singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("admin");
            assertThat(entry.details()).containsEntry(AuditDetails.PERSON_ROLE, "BORROWER");
          });
      assertThat(auditTrail.verify(reference).intact()).isTrue();
    }

    @Test
    void shouldExportTheGuarantorWithoutTheBorrowersData() {
      String subject = subject("Bürge/Bürgin", guarantorName);
      JsonNode export = RestAs.json(as("admin", HttpMethod.GET, "/api/data-protection/subjects/" + subject));

      assertThat(export.get("person").get("rolle").asText()).isEqualTo("Bürge/Bürgin");
      assertThat(export.get("person").get("name").asText()).isEqualTo(guarantorName);
      assertThat(export.get("person").get("kontakt").asText()).isEqualTo(guarantorPhone);
      JsonNode guarantee = export.get("buergschaften").get(0);
      assertThat(guarantee.get("aktenzeichen").asText()).isEqualTo(reference);
      assertThat(guarantee.get("verbuergterBetrag").asText()).isEqualTo("1.000,00 EUR");
      // the stored values of the case that name this guarantor (the guarantor form's fields), nothing else
      assertThat(guarantee.get("prozessdaten")).isNotEmpty()
          .allMatch(value -> value.get("wert").asText().contains(guarantorName)
              || value.get("wert").asText().contains(guarantorPhone));
      assertThat(export.toString()).doesNotContain(phone).doesNotContain("Espressomaschine").doesNotContain(lastName);
    }
  }

  @Nested
  class Dishonest {

    @ParameterizedTest
    @ValueSource(strings = {"anna", "sven", "mia", "monika", "bernd"})
    void shouldRefuseEveryoneButProcessOwnersWithAProblemAndLogNothing(String user) {
      long before = lastLogId();
      for (ResponseEntity<String> answer : List.of(
          as(user, HttpMethod.GET, "/api/data-protection/subjects?reference=" + reference),
          as(user, HttpMethod.GET, "/api/data-protection/subjects/applicant-1"),
          as(user, HttpMethod.GET, "/api/data-protection/log"),
          erase(user, reference))) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(answer.getBody()).contains("Prozessverantwortliche").doesNotContain(lastName);
      }
      assertThat(logSince(before)).isEmpty();
    }

    @Test
    void shouldAnswerAnUnknownPersonWith404() {
      for (String path : List.of("/api/data-protection/subjects/applicant-999999999",
          "/api/data-protection/subjects/guarantor-999999999", "/api/data-protection/subjects/someone",
          "/api/data-protection/subjects?name=Niemand" + tag, "/api/data-protection/subjects?reference=QK-1900-000001")) {
        ResponseEntity<String> answer = as("admin", HttpMethod.GET, path);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(RestAs.json(answer).get("title").asText()).isEqualTo("Person unbekannt");
      }
      assertThat(erase("admin", "QK-1900-000001").getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldRefuseASearchWithoutReferenceOrNameAsBadInput() {
      assertThat(as("admin", HttpMethod.GET, "/api/data-protection/subjects").getStatusCode())
          .isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(as("admin", HttpMethod.GET, "/api/data-protection/subjects?name=a").getStatusCode())
          .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldNeverEraseARunningCaseOrOneWhoseRetentionRunsEvenWhenAsked() {
      ResponseEntity<String> running = erase("admin", reference);
      assertThat(running.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(RestAs.json(running).get("detail").asText()).isEqualTo("Der Fall läuft noch und wird nicht gelöscht.");

      // withdrawn today: kept for six months
      runtime.deleteProcessInstance(application.getId(), "withdrawn for the test");
      loans.withdrawApplication(reference, "Antrag zurückgezogen (Test)");
      ResponseEntity<String> ended = erase("admin", reference);
      assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(RestAs.json(ended).get("detail").asText())
          .contains("ab dem " + Dates.format(LocalDate.now(clock).plusMonths(6)));
      assertThat(jdbc.sql("SELECT a.last_name FROM applicant a JOIN loan l ON l.applicant_id = a.id WHERE l.reference = :r")
          .param("r", reference).query(String.class).single()).isEqualTo(lastName);
      assertThat(logSince(0)).anyMatch(entry -> entry.startsWith("ERASURE_REFUSED|admin|-|" + reference
          + "|rule=APPLICATION_WITHOUT_LOAN, erasableFrom="));
    }
  }

  private long lastLogId() {
    return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM data_protection_log").query(Long.class).single();
  }

  private List<String> logSince(long id) {
    return jdbc.sql("""
            SELECT action || '|' || COALESCE(actor, '-') || '|' || COALESCE(subject_id, '-') || '|'
                   || COALESCE(loan_reference, '-') || '|' || COALESCE(details, '') FROM data_protection_log
            WHERE id > :id ORDER BY id""")
        .param("id", id).query(String.class).list();
  }
}
