package de.quartierskredit.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.bank.BankEventType;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description of our {@code /api} (issue 16): valid OpenAPI 3, every operation our
 * controllers serve under {@code /api} described in German (an endpoint added without a description
 * fails here), examples for each bank event and for a new application that the API really accepts,
 * nothing of {@code /engine-rest}, and the same login as the API.
 */
@QuartierskreditTest
class ApiDescriptionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private OpenAPI description() {
    ResponseEntity<String> response = RestAs.user(rest, "mia").get("/api/openapi.json");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.getBody());
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
    return parsed.getOpenAPI();
  }

  @Nested
  class Honest {

    @Test
    void shouldDescribeEveryApiOperationOfOurControllersInGerman() {
      OpenAPI api = description();
      List<String> served = new ArrayList<>();
      for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
        if (!mapping.getValue().getBeanType().getPackageName().startsWith("de.quartierskredit")) {
          continue; // springdoc's own endpoints, Spring's error controller
        }
        for (String path : mapping.getKey().getPatternValues()) {
          if (!path.startsWith("/api/")) {
            continue;
          }
          var methods = mapping.getKey().getMethodsCondition().getMethods();
          (methods.isEmpty() ? Arrays.asList(RequestMethod.values()) : methods)
              .forEach(method -> served.add(method + " " + path));
        }
      }
      assertThat(served).as("our /api operations").hasSizeGreaterThanOrEqualTo(7)
          .contains("GET /api/applications/{reference}", "POST /api/applications", "POST /api/bank/events");

      for (String operation : served) {
        String[] methodAndPath = operation.split(" ", 2);
        PathItem item = api.getPaths().get(methodAndPath[1]);
        assertThat(item).as("path of " + operation + " in the description").isNotNull();
        Operation described = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(methodAndPath[0]));
        assertThat(described).as(operation + " described").isNotNull();
        assertThat(described.getSummary()).as("German summary of " + operation).isNotBlank()
            .containsPattern("[a-zäöüß]{3,}");
      }
    }

    @Test
    void shouldDescribeOnlyOurApiNotCamundasRest() {
      assertThat(new TreeSet<>(description().getPaths().keySet())).allMatch(path -> path.startsWith("/api/"))
          .noneMatch(path -> path.contains("openapi") || path.contains("engine-rest"));
    }

    @Test
    void shouldCarryAnExampleForEveryBankEventType() throws Exception {
      var examples = description().getPaths().get("/api/bank/events").getPost().getRequestBody().getContent()
          .get(MediaType.APPLICATION_JSON_VALUE).getExamples();
      List<String> types = new ArrayList<>();
      for (var example : examples.values()) {
        types.add(JSON.readTree(String.valueOf(example.getValue())).get("type").asText());
      }
      assertThat(types).containsExactlyInAnyOrder(
          Arrays.stream(BankEventType.values()).map(Enum::name).toArray(String[]::new));
      assertThat(description().getPaths().get("/api/bank/events").getPost().getSummary()).contains("Bankereignis");
    }

    @Test
    void shouldCarryApplicationExamplesThatTheApiAccepts() throws Exception {
      var examples = description().getPaths().get("/api/applications").getPost().getRequestBody().getContent()
          .get("application/json").getExamples();
      assertThat(examples).isNotEmpty();
      for (var example : examples.values()) {
        JsonNode body = JSON.readTree(String.valueOf(example.getValue()));
        // the quarter's advisor records a quarter application, the microfinancer one outside the quarters
        String user = "offenbach".equals(body.path("quarterCode").asText()) ? "anna" : "mia";
        ResponseEntity<String> created = RestAs.user(rest, user).post("/api/applications", body.toString());
        assertThat(created.getStatusCode()).as(example.getSummary() + ": " + created.getBody())
            .isEqualTo(HttpStatus.CREATED);
      }
      io.swagger.v3.oas.models.media.Schema<?> amount = (io.swagger.v3.oas.models.media.Schema<?>)
          description().getComponents().getSchemas().get("ApplicationRequest").getProperties().get("loanAmount");
      assertThat(amount.getDescription()).contains("Kreditbetrag in EUR");
    }

    @Test
    void shouldShowTheDescriptionOnAPageBehindTheLogin() {
      ResponseEntity<String> entry = RestAs.user(rest, "monika").get("/api/docs");
      assertThat(entry.getStatusCode()).isEqualTo(HttpStatus.OK); // after the redirect to the page
      assertThat(entry.getBody()).contains("swagger-ui-bundle.js");
      ResponseEntity<String> page = RestAs.user(rest, "monika").get("/api/swagger-ui/index.html");
      assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(page.getBody()).contains("swagger-ui");
      ResponseEntity<String> config = RestAs.user(rest, "monika").get("/api/openapi.json/swagger-config");
      assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(config.getBody()).contains("/api/openapi.json").doesNotContain("validator.swagger.io");
    }
  }

  @Nested
  class Dishonest {

    @Test
    void shouldRefuseTheDescriptionAndThePageToAnonymousCallers() {
      for (String path : List.of("/api/openapi.json", "/api/openapi.json.yaml", "/api/openapi.json/swagger-config",
          "/api/docs", "/api/swagger-ui/index.html", "/api/swagger-ui/swagger-initializer.js")) {
        ResponseEntity<String> answer = rest.getForEntity(path, String.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).as(path).startsWith("Basic");
        assertThat(answer.getBody()).as(path).contains("Anmeldung erforderlich").doesNotContain("openapi\"");
      }
    }

    @Test
    void shouldNotServeTheDescriptionOutsideTheApi() {
      for (String path : List.of("/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html")) {
        ResponseEntity<String> answer = rest.getForEntity(path, String.class);
        assertThat(answer.getStatusCode()).as(path).isIn(HttpStatus.NOT_FOUND, HttpStatus.UNAUTHORIZED);
        assertThat(String.valueOf(answer.getBody())).as(path).doesNotContain("\"openapi\"").doesNotContain("Swagger UI");
      }
    }
  }
}
