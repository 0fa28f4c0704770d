package de.quartierskredit.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls to our API and Camunda's REST API as a demo user (password {@code demo}), JSON in and out. */
public final class RestAs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;
  private final String user;

  private RestAs(TestRestTemplate rest, String user) {
    this.rest = rest;
    this.user = user;
  }

  public static RestAs user(TestRestTemplate rest, String user) {
    return new RestAs(rest, user);
  }

  public ResponseEntity<String> get(String path) {
    return exchange(HttpMethod.GET, path, null);
  }

  public ResponseEntity<String> post(String path, String json) {
    return exchange(HttpMethod.POST, path, json);
  }

  public ResponseEntity<String> put(String path, String json) {
    return exchange(HttpMethod.PUT, path, json);
  }

  public ResponseEntity<String> exchange(HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    if (json != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    return rest.withBasicAuth(user, "demo").exchange(rest.getRootUri() + path, method,
        new HttpEntity<>(json, headers), String.class);
  }

  /** Camunda's REST variables: {@code {"name": {"value": value}}}. */
  public static String variables(Map<String, ?> values) {
    var node = JSON.createObjectNode();
    values.forEach((name, value) -> node.set(name, JSON.createObjectNode().putPOJO("value", value)));
    try {
      return JSON.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(ResponseEntity<String> response) {
    try {
      return JSON.readTree(response.getBody());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("not JSON: " + response.getBody(), e);
    }
  }
}
