package de.quartierskredit.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.support.QuartierskreditTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The operations endpoints: portfolio and fund figures on {@code /actuator/prometheus} (and every
 * other actuator endpoint) only for members of {@code metrics} with HTTP Basic; health stays open
 * and tells strangers nothing but UP or DOWN.
 */
@QuartierskreditTest
class PrometheusNeedsLoginTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @Test
  void shouldAnswerAnAnonymousScrapeWith401AndABasicChallenge() throws Exception {
    ResponseEntity<String> response = rest.getForEntity("/actuator/prometheus", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic ");
    assertProblem(response, 401);
    assertThat(response.getBody()).doesNotContain("quartierskredit_", "camunda_");
  }

  @Test
  void shouldShowNoActuatorEndpointButHealthToStrangersWhateverTheSpelling() {
    for (String path : new String[] {"/actuator", "/actuator/", "/actuator/info", "/actuator/prometheus/",
        "/actuator/prometheus;x=1", "/actuator//prometheus", "/actuator/health/../prometheus",
        "/actuator/%70rometheus", "/actuator/metrics", "/actuator/env"}) {
      ResponseEntity<String> response = rest.getForEntity(path, String.class);
      assertThat(response.getStatusCode().value()).as(path).isIn(400, 401, 404);
      assertThat(String.valueOf(response.getBody())).as(path).doesNotContain("quartierskredit_", "_links");
    }
  }

  @Test
  void shouldRefuseAWrongPasswordForTheMetricsUser() {
    try {
      ResponseEntity<String> response = rest.withBasicAuth("prometheus", "wrong")
          .getForEntity("/actuator/prometheus", String.class);

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    } finally {
      // a failed login delays the next one (PasswordGuessingTest); the other tests log in at once
      identityService.unlockUser("prometheus");
    }
  }

  @Test
  void shouldAnswerA403ProblemToAUserOutsideTheMetricsGroup() throws Exception {
    for (String user : new String[] {"anna", "monika", "bernd"}) {
      ResponseEntity<String> response = rest.withBasicAuth(user, "demo").getForEntity("/actuator/prometheus",
          String.class);
      assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertProblem(response, 403);
      assertThat(response.getBody()).doesNotContain("quartierskredit_");
    }
  }

  @Test
  void shouldServeTheFiguresToTheMetricsUser() {
    ResponseEntity<String> response = rest.withBasicAuth("prometheus", "demo").getForEntity("/actuator/prometheus",
        String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("quartierskredit_fund_free_euros").contains("camunda_incidents_open");
  }

  @Test
  void shouldKeepHealthOpenWithoutDetails() throws Exception {
    ResponseEntity<String> response = rest.getForEntity("/actuator/health", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode health = JSON.readTree(response.getBody());
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.size()).as("only the status: " + response.getBody()).isEqualTo(1);
    for (String component : new String[] {"db", "diskSpace", "processEngine", "jobExecutor", "ping"}) {
      ResponseEntity<String> detail = rest.getForEntity("/actuator/health/" + component, String.class);
      assertThat(detail.getStatusCode().is2xxSuccessful()).as(component).isFalse();
      assertThat(String.valueOf(detail.getBody())).as(component).doesNotContain("total", "free", "database");
    }
  }

  private static void assertProblem(ResponseEntity<String> response, int status) throws Exception {
    assertThat(response.getHeaders().getContentType()).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    JsonNode problem = JSON.readTree(response.getBody());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
  }
}
