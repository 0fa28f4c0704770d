package de.quartierskredit.loanfile;

import static de.quartierskredit.loanfile.LoanStory.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.support.FundRoom;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The loan file of a loan driven through application, committee, contract, disbursement, payments (one
 * missed), monthly contacts and a payment pause: every step with the person who did it, German dates
 * and amounts, the page printable and escaped; and who must not read it does not.
 */
@QuartierskreditTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoanFileApiTest {

  private static final LocalDate STORY_START = LocalDate.of(2031, 3, 3);
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired LoanRepository loans;

  /** A 1x1 PNG (signature, IHDR, IDAT, IEND), checked by content on upload. */
  private static final byte[] PNG = java.util.HexFormat.of().parseHex("89504E470D0A1A0A0000000D49484452000000010000000108"
      + "060000001F15C4890000000D49444154789C6360000002000001E221BC330000000049454E44AE426082");

  private LoanStory story;
  private String reference;

  /**
   * The story runs once, inside the first test that needs it (process-test coverage records engine
   * activity only within a test, so not in a {@code @BeforeAll}).
   */
  private void aLoansLife() {
    if (reference != null) {
      return;
    }
    ClockUtil.setCurrentTime(at(STORY_START));
    try (FundRoom room = FundRoom.ensure(jdbc, "offenbach", new BigDecimal("10000"))) {
      story = new LoanStory(runtime, tasks, management, identity, jdbc, rest).originate("Kiosk am Markt", 5000L);
    }
    reference = story.reference;
    story.monthlyContact("ON_TRACK", "STABLE");
    story.bankReports("INSTALMENT_PAID", 1);
    story.monthlyContact("PAYMENT_PROBLEM", "STRAINED");
    story.bankReports("INSTALMENT_MISSED", 2);
    story.interveneWithPaymentPause();
  }

  @AfterAll
  void backToNow() {
    ClockUtil.reset();
  }

  private JsonNode file(String user) {
    aLoansLife();
    ResponseEntity<String> answer = RestAs.user(rest, user).get("/api/loans/" + reference + "/file");
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return RestAs.json(answer);
  }

  @Nested
  class TheFile {

    @Test
    void shouldShowApplicantBusinessAndApplicationInGerman() {
      JsonNode file = file("anna");
      assertThat(file.path("reference").asText()).isEqualTo(reference);
      assertThat(file.path("stateLabel").asText()).isEqualTo("ausgezahlt und in Tilgung");
      assertThat(file.path("applicant").path("name").asText()).isEqualTo("Selin Aydın");
      assertThat(file.path("applicant").path("sgb2Recipient").asText()).startsWith("ja");
      assertThat(file.path("business").path("stage").asText()).isEqualTo("Übernahme");
      assertThat(file.path("business").path("quarter").asText()).isEqualTo("Offenbach");
      assertThat(file.path("business").path("address").asText()).isEqualTo("Marktplatz 3, 63065 Offenbach am Main");
      assertThat(file.path("application").path("requestedAmount").asText()).isEqualTo("5.000,00 EUR");
      assertThat(file.path("application").path("grantedAmount").asText()).isEqualTo("5.000,00 EUR");
      assertThat(file.path("application").path("eligibilityRoute").asText()).isEqualTo("Zielgruppe Mikrokredit");
      assertThat(file.path("application").path("appliedOn").asText()).isEqualTo("03.03.2031");
      assertThat(file.path("advice").path("advisor").asText()).endsWith("(anna)");
      assertThat(file.path("advice").path("result").asText()).isEqualTo("Antrag wie beantragt weitergeführt");
    }

    @Test
    void shouldShowTheGuarantorsCoverageByTheGuarantorRule() {
      JsonNode guarantors = file("anna").path("guarantors");
      assertThat(guarantors.path("list")).hasSize(2);
      assertThat(guarantors.path("list").get(0).path("name").asText()).isEqualTo("Jonas Weber");
      assertThat(guarantors.path("covered").asText()).isEqualTo("2.500,00 EUR");
      assertThat(guarantors.path("required").asText()).isEqualTo("2.500,00 EUR");
      assertThat(guarantors.path("shareOfAmount").asText()).isEqualTo("50,0 %");
      assertThat(guarantors.path("ruleMet").asBoolean()).isTrue();
    }

    @Test
    void shouldShowTheCommitteeDecisionWithVotesReasonAndWhoEnteredIt() {
      JsonNode decision = file("anna").path("committeeDecisions").get(0);
      assertThat(decision.path("decision").asText()).isEqualTo("bewilligt");
      assertThat(decision.path("reason").asText()).isEqualTo("Tragfähiges Konzept, gute Bürgen.");
      assertThat(decision.path("votes").asText()).isEqualTo("3 dafür, 0 dagegen, 1 Enthaltungen");
      assertThat(decision.path("decidedBy").asText()).endsWith("(sven)");
      assertThat(decision.path("decidedOn").asText()).isEqualTo("03.03.2031");
      // no document was uploaded before the decision: the committee recorded why it approved anyway
      assertThat(decision.path("missingDocuments").asText()).contains("Personalausweis oder Pass", "Businessplan",
          "Einkommensnachweis (Bescheid des Jobcenters)").doesNotContain("ID_DOCUMENT", "BUSINESS_PLAN");
      assertThat(decision.path("missingDocumentsReason").asText())
          .isEqualTo("Die Unterlagen lagen in der Sitzung auf Papier vor.");
    }

    @Test
    void shouldShowContractFundScheduleAndPaymentsWithTheMissedOne() {
      JsonNode file = file("mia");
      assertThat(file.path("contract").path("contractNumber").asText()).isEqualTo("GLS-" + reference);
      assertThat(file.path("contract").path("signedOn").asText()).isEqualTo("03.03.2031");
      assertThat(file.path("contract").path("disbursedOn").asText()).isEqualTo("03.03.2031");
      assertThat(file.path("fund").path("liableParty").asText()).isEqualTo("lokaler Haftungsfonds des Quartiers");
      List<String> payments = new ArrayList<>();
      file.path("payments").forEach(p -> payments.add(p.path("type").asText() + " " + p.path("answer").asText()));
      assertThat(payments).contains("Rate bezahlt verbucht", "Rate ausgefallen verbucht");
      assertThat(file.path("schedule").path("version").asInt()).isEqualTo(2);
      assertThat(file.path("schedule").path("versions").asInt()).isEqualTo(2);
      assertThat(file.path("schedule").path("lines").get(0).path("dueOn").asText()).matches("\\d{2}\\.\\d{2}\\.\\d{4}");
      assertThat(file.path("repayment").path("arrears").asText()).endsWith(" EUR");
    }

    @Test
    void shouldShowContactsInterventionAndReschedulingWithWhoRequestedAndWhoApproved() {
      JsonNode file = file("anna");
      assertThat(file.path("contacts")).hasSize(2);
      assertThat(file.path("contacts").get(0).path("outcome").asText()).isEqualTo("alles im Plan");
      assertThat(file.path("contacts").get(1).path("outcome").asText()).isEqualTo("Zahlungsproblem absehbar oder da");
      assertThat(file.path("contacts").get(1).path("businessSituation").asText()).isEqualTo("angespannt");
      assertThat(file.path("contacts").get(0).path("recordedBy").asText()).endsWith("(anna)");
      JsonNode intervention = file.path("interventions").get(0);
      assertThat(intervention.path("planAgreedBy").asText()).endsWith("(mia)");
      assertThat(intervention.path("nextStep").asText()).isEqualTo("Tilgungsplan ändern");
      JsonNode rescheduling = file.path("reschedulings").get(0);
      assertThat(rescheduling.path("kind").asText()).isEqualTo("Zahlungspause");
      assertThat(rescheduling.path("status").asText()).isEqualTo("genehmigt");
      assertThat(rescheduling.path("submittedBy").asText()).endsWith("(anna)");
      assertThat(rescheduling.path("decidedBy").asText()).endsWith("(mia)");
    }

    @Test
    void shouldTellTheWholeStoryAsATimelineWithDateAndPerson() {
      List<String> timeline = new ArrayList<>();
      file("monika").path("timeline").forEach(t -> timeline.add(t.path("step").asText() + " | "
          + t.path("person").asText() + " | " + t.path("on").asText()));
      assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("Antragsaufnahme | ").contains("(anna)"));
      assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("Beratung | ").contains("(anna)"));
      assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("Vergabeausschuss: bewilligt | ")
          .contains("(sven) | 03.03.2031"));
      assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("Kreditvertrag unterschrieben | Bank"));
      assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("Auszahlung | Bank"));
      assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("Bank: Rate ausgefallen | "));
      assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("Monatskontakt | ").contains("(anna)"));
      assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("Interventionsplan vereinbart | ").contains("(mia)"));
      assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("Tilgungsplanänderung beantragt | ").contains("(anna)"));
      assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("Tilgungsplanänderung genehmigt | ").contains("(mia)"));
      assertThat(timeline.indexOf(timeline.stream().filter(t -> t.startsWith("Beratung")).findFirst().orElseThrow()))
          .isLessThan(timeline.indexOf(timeline.stream().filter(t -> t.startsWith("Vergabeausschuss")).findFirst()
              .orElseThrow()));
    }

    @Test
    void shouldListTheDocumentsWithDownloadLinksForCaseworkersButNoFileForManagers() {
      aLoansLife();
      MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
      upload.add("file", new ByteArrayResource(PNG) {
        @Override
        public String getFilename() {
          return "Geschaeftsplan.png";
        }
      });
      upload.add("stage", "APPLICATION");
      upload.add("type", "BUSINESS_PLAN");
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      assertThat(rest.withBasicAuth("anna", "demo").postForEntity(rest.getRootUri() + "/api/loans/" + reference
          + "/documents", new HttpEntity<>(upload, headers), String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);

      JsonNode documents = file("sven").path("documents");
      assertThat(documents.path("checklist").size()).isPositive();
      JsonNode plan = documents.path("files").get(0);
      assertThat(plan.path("fileName").asText()).isEqualTo("Geschaeftsplan.png");
      assertThat(plan.path("uploadedBy").asText()).endsWith("(anna)");
      assertThat(plan.path("status").asText()).isEqualTo("gültig");
      String link = plan.path("downloadUrl").asText();
      assertThat(link).startsWith("/api/loans/" + reference + "/documents/");
      assertThat(rest.withBasicAuth("sven", "demo").getForEntity(rest.getRootUri() + link, byte[].class).getBody())
          .isEqualTo(PNG);
      assertThat(RestAs.user(rest, "sven").get("/api/loans/" + reference + "/kreditakte").getBody())
          .contains("<a href=\"" + link + "\">Geschaeftsplan.png</a>");

      List<String> timeline = new ArrayList<>();
      file("sven").path("timeline").forEach(t -> timeline.add(t.path("step").asText() + " | " + t.path("person").asText()));
      assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("Unterlage hochgeladen: Businessplan | ")
          .endsWith("(anna)"));

      JsonNode managersView = file("monika").path("documents").path("files").get(0);
      assertThat(managersView.has("downloadUrl")).isFalse();
      assertThat(managersView.path("fileName").asText()).isEqualTo("(nur für Berechtigte)");
    }

    @Test
    void shouldShowTheAuditTrailWithItsChainCheck() {
      JsonNode audit = file("anna").path("audit");
      assertThat(audit.path("chainIntact").asBoolean()).isTrue();
      assertThat(audit.path("chainText").asText()).startsWith("Der Prüfpfad ist unverändert");
      List<String> entries = new ArrayList<>();
      audit.path("entries").forEach(e -> entries.add(e.path("action").asText() + " | " + e.path("actor").asText()
          + " | " + e.path("secondActor").asText()));
      assertThat(entries).anySatisfy(e -> assertThat(e).startsWith("Entscheidung des Vergabeausschusses | erfasst von ")
          .endsWith("(sven) | –"));
      // the four-eyes step with both persons
      assertThat(entries).anySatisfy(e -> assertThat(e).startsWith("Tilgungsplanänderung genehmigt | beantragt von ")
          .contains("(anna) | genehmigt von ").endsWith("(mia)"));
      assertThat(RestAs.user(rest, "anna").get("/api/loans/" + reference + "/kreditakte").getBody())
          .contains("<h2>Prüfpfad</h2>", "Der Prüfpfad ist unverändert");
    }

    @Test
    void shouldWriteNoIsoDateNorCodeInAnyDisplayValue() {
      aLoansLife();
      String body = RestAs.user(rest, "anna").get("/api/loans/" + reference + "/file").getBody();
      assertThat(ISO_DATE.matcher(body).find()).as(body).isFalse();
      for (String code : List.of("\"APPROVE\"", "\"PAYMENT_PAUSE\"", "\"ON_TRACK\"", "\"TAKEOVER\"", "\"MICROCREDIT\"",
          "\"LOCAL_FUND\"", "\"INSTALMENT_MISSED\"", "unbekannt", "null")) {
        assertThat(body).doesNotContain(code);
      }
    }
  }

  @Nested
  class AWrittenOffLoan {

    @Test
    void shouldShowTheWriteOffWithBothPersonsTheGuarantorsPaymentsAndWhoBearsTheLoss() {
      java.util.Date before = ClockUtil.getCurrentTime();
      ClockUtil.setCurrentTime(at(LocalDate.of(2032, 6, 7)));
      BigDecimal capital = jdbc.sql("SELECT paid_in_capital FROM local_fund WHERE quarter_code = 'offenbach'")
          .query(BigDecimal.class).single();
      String writtenOff;
      try (FundRoom room = FundRoom.ensure(jdbc, "offenbach", new BigDecimal("10000"))) {
        LoanStory lost = new LoanStory(runtime, tasks, management, identity, jdbc, rest).originate("Imbiss Ende", 3000L);
        lost.monthlyContact("NOT_REACHED", "CRITICAL");
        lost.bankReports("INSTALMENT_MISSED", 1);
        lost.defaultAndWriteOff();
        assertThat(lost.state()).isEqualTo("WRITTEN_OFF");
        writtenOff = lost.reference;
      } finally {
        jdbc.sql("UPDATE local_fund SET paid_in_capital = :c WHERE quarter_code = 'offenbach'").param("c", capital)
            .update();
        ClockUtil.setCurrentTime(before);
      }

      ResponseEntity<String> answer = RestAs.user(rest, "anna").get("/api/loans/" + writtenOff + "/file");
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
      JsonNode file = RestAs.json(answer);
      assertThat(file.path("stateLabel").asText()).isEqualTo("abgeschrieben");
      JsonNode writeOff = file.path("writeOff");
      assertThat(writeOff.path("requestedBy").asText()).endsWith("(mia)");
      assertThat(writeOff.path("approvedBy").asText()).endsWith("(max)");
      assertThat(writeOff.path("recoveries")).hasSize(2);
      assertThat(writeOff.path("recoveries").get(0).path("guarantor").asText()).isEqualTo("Jonas Weber");
      assertThat(writeOff.path("recoveries").get(0).path("amount").asText()).isEqualTo("600,00 EUR");
      assertThat(writeOff.path("recoveries").get(0).path("recordedBy").asText()).endsWith("(mia)");
      List<String> losses = new ArrayList<>();
      writeOff.path("losses").forEach(l -> losses.add(l.path("bearer").asText() + " " + l.path("amount").asText()));
      assertThat(losses).anySatisfy(l -> assertThat(l).startsWith("lokaler Haftungsfonds ").endsWith(" EUR"));
      List<String> timeline = new ArrayList<>();
      file.path("timeline").forEach(t -> timeline.add(t.path("step").asText() + " | " + t.path("person").asText()));
      assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("Abschreibung beantragt | ").endsWith("(mia)"));
      assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("Abschreibung freigegeben | ").endsWith("(max)"));
      assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("Verlust verbucht: lokaler Haftungsfonds"));
      assertThat(timeline.get(timeline.size() - 1)).startsWith("Kredit abgeschlossen: abgeschrieben");
      assertThat(RestAs.user(rest, "anna").get("/api/loans/" + writtenOff + "/kreditakte").getBody())
          .contains("<h3>Abschreibung</h3>", "freigegeben von");
    }
  }

  @Nested
  class ThePage {

    @Test
    void shouldPrintInGermanWithHeaderPageBreaksAndNoNavigationOnPaper() {
      aLoansLife();
      ResponseEntity<String> page = RestAs.user(rest, "sven").get("/api/loans/" + reference + "/kreditakte");
      assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
      assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
      String html = page.getBody();
      assertThat(html).contains("<html lang=\"de\">", "<h1>Kreditakte " + reference + "</h1>",
          "@media print", "break-before: page", ".no-print { display: none", "gedruckt am ",
          "Vergabeausschuss", "3 dafür, 0 dagegen, 1 Enthaltungen", "5.000,00 EUR", "03.03.2031", "Zahlungspause",
          "Regel erfüllt", "Zeitleiste", "href=\"unterlagen\"");
      assertThat(ISO_DATE.matcher(html).find()).isFalse();
      for (String englishOrVariable : List.of("caseReference", "loanReference", "committeeDecision", "null",
          "undefined", "APPROVE", "PAYMENT_PAUSE", "ON_TRACK", "Exception")) {
        assertThat(html).doesNotContain(englishOrVariable);
      }
    }

    @Test
    void shouldPrintABorrowersMarkupAsText() {
      Loan markup = registered("<script>alert('x')</script> & Söhne", "leipzig");
      String html = RestAs.user(rest, "mia").get("/api/loans/" + markup.reference() + "/kreditakte").getBody();
      assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Söhne")
          .doesNotContain("<script>alert");
      assertThat(html.split("<script>", -1)).hasSize(2); // only the page's own print button
    }

    @Test
    void shouldStillShowTheFiguresOfALoanWhosePersonalDataWasErased() {
      Loan erased = registered("Blumen Erase", "offenbach");
      jdbc.sql("""
              UPDATE applicant SET first_name = 'Name', last_name = 'gelöscht', email = NULL, phone = NULL
              WHERE id = (SELECT applicant_id FROM loan WHERE reference = :r)""").param("r", erased.reference()).update();
      jdbc.sql("UPDATE business SET name = 'gelöscht', street = NULL, postal_code = NULL, city = NULL "
          + "WHERE id = (SELECT business_id FROM loan WHERE reference = :r)").param("r", erased.reference()).update();
      JsonNode file = RestAs.json(RestAs.user(rest, "anna").get("/api/loans/" + erased.reference() + "/file"));
      assertThat(file.path("personalDataErased").asBoolean()).isTrue();
      assertThat(file.path("applicant").path("name").asText()).isEqualTo("gelöscht");
      assertThat(file.path("applicant").path("phone").asText()).isEqualTo("gelöscht");
      assertThat(file.path("business").path("name").asText()).isEqualTo("gelöscht");
      assertThat(file.path("application").path("grantedAmount").asText()).isEqualTo("3.000,00 EUR");
      String html = RestAs.user(rest, "anna").get("/api/loans/" + erased.reference() + "/kreditakte").getBody();
      assertThat(html).contains("personenbezogenen Daten dieses Kredits sind", "<td class=\"erased\">gelöscht</td>",
          "3.000,00 EUR");
    }

    private Loan registered(String businessName, String quarter) {
      var loan = loans.register(new NewApplication("Nilay", "Aksoy", "nilay@example.org", "0341 555", false,
          businessName, BusinessStage.NEW_FOUNDER, "Einzelhandel", "Georg-Schwarz-Str. 1", "04177", "Leipzig",
          quarter, "Kühlraum", new BigDecimal("3000.00")));
      return new Loan(loan.reference());
    }
  }

  record Loan(String reference) {}

  @Nested
  class WhoMayNotRead {

    @Test
    void shouldAnswerALeipzigAdvisorAsIfTheLoanDidNotExist() {
      aLoansLife();
      ResponseEntity<String> other = RestAs.user(rest, "lars").get("/api/loans/" + reference + "/file");
      ResponseEntity<String> unknown = RestAs.user(rest, "lars").get("/api/loans/QK-1999-999999/file");
      assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(other.getBody()).isEqualTo(unknown.getBody().replace("QK-1999-999999", reference));
      assertThat(RestAs.user(rest, "lars").get("/api/loans/" + reference + "/kreditakte").getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldAnswerABrowserThatFollowsALinkToAnotherQuartersLoanWithAGerman404() {
      aLoansLife();
      HttpHeaders browser = new HttpHeaders();
      browser.set(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
      ResponseEntity<String> answer = rest.withBasicAuth("lars", "demo").exchange(rest.getRootUri() + "/api/loans/"
          + reference + "/kreditakte", org.springframework.http.HttpMethod.GET, new HttpEntity<>(browser), String.class);
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(answer.getBody()).contains("Es gibt keinen Kredit mit dieser Referenz");
    }

    @Test
    void shouldAnswerAnotherQuartersCommitteeWith404() {
      aLoansLife();
      assertThat(RestAs.user(rest, "katrin").get("/api/loans/" + reference + "/file").getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(RestAs.user(rest, "katrin").get("/api/loans/" + reference + "/kreditakte").getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldRefuseTheBankWith403InGerman() {
      aLoansLife();
      ResponseEntity<String> answer = RestAs.user(rest, "bernd").get("/api/loans/" + reference + "/kreditakte");
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(answer.getBody()).contains("Kreditakte lesen");
    }

    @Test
    void shouldAskAnAnonymousCallerToLogIn() {
      aLoansLife();
      assertThat(rest.getForEntity("/api/loans/" + reference + "/file", String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(rest.getForEntity("/api/loans/" + reference + "/kreditakte", String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldRefuseToChangeTheFile() {
      aLoansLife();
      for (org.springframework.http.HttpMethod method : List.of(org.springframework.http.HttpMethod.POST,
          org.springframework.http.HttpMethod.PUT, org.springframework.http.HttpMethod.DELETE)) {
        for (String path : List.of("/file", "/kreditakte")) {
          ResponseEntity<String> answer = RestAs.user(rest, "mia").exchange(method, "/api/loans/" + reference + path,
              "{\"stateLabel\": \"getilgt\"}");
          assertThat(answer.getStatusCode().value()).as(method + " " + path).isEqualTo(405);
        }
      }
      assertThat(file("mia").path("stateLabel").asText()).isEqualTo("ausgezahlt und in Tilgung");
    }

    @Test
    void shouldAnswerOddReferencesWith404NotAServerError() {
      for (String odd : List.of("x".repeat(500), "QK-2031-%27%20OR%201=1", "%3Cscript%3E", "..%2F..%2Fetc")) {
        int status = RestAs.user(rest, "mia").get("/api/loans/" + odd + "/file").getStatusCode().value();
        assertThat(status).as(odd).isBetween(400, 499);
      }
    }
  }
}
