package de.quartierskredit.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/applications/{reference}} answers what the {@code Location} of a new application
 * promises (issue 16), under LoanVisibilityPolicy: an unknown reference and one of another
 * quarter get the same 404 problem, so references cannot be probed.
 */
@QuartierskreditTest
class ApplicationReadApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;

  /** Anna (advisor, Offenbach) records an application; answers its Location. */
  private String newOffenbachApplication() throws Exception {
    Map<String, Object> v = LoanApplicationProcessTest.application("offenbach", 7500);
    ResponseEntity<String> created = RestAs.user(rest, "anna").post("/api/applications", JSON.writeValueAsString(v));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getHeaders().getLocation().toString();
  }

  private static JsonNode json(ResponseEntity<String> response) throws Exception {
    return JSON.readTree(response.getBody());
  }

  @Nested
  class Honest {

    @Test
    void shouldAnswerTheLocationOfANewApplicationWithItsStateInGermanAndItsFigures() throws Exception {
      String location = newOffenbachApplication();

      ResponseEntity<String> answer = RestAs.user(rest, "anna").get(location);

      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
      JsonNode application = json(answer);
      assertThat(location).isEqualTo("/api/applications/" + application.get("reference").asText());
      assertThat(application.get("state").asText()).isEqualTo("APPLIED");
      assertThat(application.get("stateLabel").asText()).isEqualTo("beantragt");
      assertThat(application.get("summary").asText()).isEqualTo("Der Kredit ist beantragt.");
      assertThat(application.get("openSteps").get(0).asText()).isNotBlank().doesNotContain("Task_");
      assertThat(application.get("quarterName").asText()).isEqualTo("Offenbach");
      assertThat(application.get("businessName").asText()).isEqualTo("Änderungsschneiderei Demir");
      assertThat(application.get("requestedAmount").decimalValue()).isEqualByComparingTo("7500.00");
      assertThat(application.get("amount").decimalValue()).isEqualByComparingTo("7500.00");
      assertThat(application.get("appliedOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
      // no contact data of the applicant
      assertThat(answer.getBody()).doesNotContain("ayse.demir@example.org").doesNotContain("069 123456");
    }

    @Test
    void shouldLetTheMicrofinancerTheManagerAndTheQuartersCommitteeReadIt() throws Exception {
      String location = newOffenbachApplication();

      for (String user : List.of("mia", "monika", "sven")) {
        assertThat(RestAs.user(rest, user).get(location).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      }
    }
  }

  @Nested
  class Dishonest {

    @Test
    void shouldAnswerAnotherQuartersAdvisorExactlyLikeAnUnknownReference() throws Exception {
      String location = newOffenbachApplication();

      ResponseEntity<String> otherQuarter = RestAs.user(rest, "lars").get(location);
      ResponseEntity<String> unknown = RestAs.user(rest, "lars").get("/api/applications/QK-1999-999999");

      for (ResponseEntity<String> answer : List.of(otherQuarter, unknown)) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode problem = json(answer);
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("title").asText()).isEqualTo("Antrag unbekannt");
        assertThat(problem.get("detail").asText()).contains("Referenz");
      }
      // the same words: nothing tells the two apart (only the instance, the path asked for, differs)
      assertThat(json(otherQuarter).get("detail")).isEqualTo(json(unknown).get("detail"));
      assertThat(otherQuarter.getBody()).doesNotContain("Demir").doesNotContain("offenbach");
      assertThat(RestAs.user(rest, "katrin").get(location).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldRefuseTheBankWhateverTheReference() throws Exception {
      String location = newOffenbachApplication();

      ResponseEntity<String> known = RestAs.user(rest, "bernd").get(location);
      ResponseEntity<String> unknown = RestAs.user(rest, "bernd").get("/api/applications/QK-1999-999999");

      assertThat(known.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(json(known).get("detail")).isEqualTo(json(unknown).get("detail"));
      assertThat(json(known).get("detail").asText()).contains("Anträge lesen");
    }

    @Test
    void shouldRefuseAnonymousCallers() throws Exception {
      String location = newOffenbachApplication();

      ResponseEntity<String> answer = rest.getForEntity(location, String.class);

      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(answer.getBody()).doesNotContain("Demir");
    }

    @Test
    void shouldAnswerOddReferencesWith404NotWithAnError() {
      for (String reference : List.of("x".repeat(500), "QK-2026-000001'--", "%00", "..%2F..%2Fetc")) {
        ResponseEntity<String> answer = RestAs.user(rest, "mia").get("/api/applications/" + reference);
        assertThat(answer.getStatusCode().value()).as(reference).isIn(400, 404);
        assertThat(answer.getBody()).as(reference).doesNotContain("Exception");
      }
    }
  }
}
