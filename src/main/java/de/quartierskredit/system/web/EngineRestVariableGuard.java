package de.quartierskredit.system.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards Camunda's form submission and task completion against variable values it would answer with
 * 500 (null entries, empty or unknown types, serialized Java objects, files): such a submission is
 * refused with 400 in Camunda's own error format. Tasklist only ever sends plain values, which pass.
 * Bodies above {@link #MAX_BODY} bytes are refused with 413.
 */
class EngineRestVariableGuard extends OncePerRequestFilter {

  static final int MAX_BODY = 4 * 1024 * 1024;
  private static final Pattern GUARDED = Pattern.compile(
      "/engine-rest/(task/[^/]+/(submit-form|complete|resolve)|process-definition/.+/(start|submit-form))");
  private static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
      "date", "null");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !GUARDED.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      refuse(response, 413, "Request body larger than " + MAX_BODY + " bytes.");
      return;
    }
    String problem = problem(body);
    if (problem != null) {
      refuse(response, 400, problem);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /** What is wrong with the variables, or null (also for a body that is no JSON: Camunda answers that itself). */
  static String problem(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
    JsonNode variables = root == null ? null : root.get("variables");
    if (variables == null || !variables.isObject()) {
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      JsonNode value = variable.getValue();
      if (!value.isObject()) {
        return "Variable '" + variable.getKey() + "': {\"value\": ..., \"type\": ...} expected.";
      }
      JsonNode type = value.get("type");
      if (type != null && !type.isNull()
          && !PLAIN_TYPES.contains(type.asText().toLowerCase(Locale.ROOT))) {
        return "Variable '" + variable.getKey() + "': type '" + type.asText() + "' is not accepted here.";
      }
    }
    return null;
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException", "message", message));
  }
}
