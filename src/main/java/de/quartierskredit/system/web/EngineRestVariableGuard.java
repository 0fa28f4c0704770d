package de.quartierskredit.system.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards Camunda's REST API ({@code /engine-rest} and the webapps' {@code /camunda/api/engine})
 * against variable values it would answer with 500 (null entries, empty or unknown types, serialized
 * Java objects, files, object or array values): such a request is refused with 400 in Camunda's own
 * error format. Tasklist only ever sends plain values, which pass. Bodies above {@link #MAX_BODY}
 * bytes are refused with 413, bodies nested deeper than {@link JsonDepth#MAX} levels with 400.
 *
 * <p>Independent of how the route is spelt: every writing request with a body is read, and every
 * variable map in it at any depth ({@link #VARIABLE_MAPS}: task completion, form submission, process
 * start, messages, signals, modifications, external tasks...) is checked, as is the body of a single
 * variable's PUT. A trailing slash, a matrix parameter ({@code /complete;x=1}) or a doubled slash
 * therefore changes nothing.
 */
class EngineRestVariableGuard extends OncePerRequestFilter {

  static final int MAX_BODY = 4 * 1024 * 1024;
  /** Fields of Camunda's request bodies that hold variables by name: {@code {"name": {"value", "type"}}}. */
  static final Set<String> VARIABLE_MAPS = Set.of("variables", "localVariables", "modifications",
      "processVariables", "processVariablesLocal", "processVariablesToTriggeredScope", "correlationKeys",
      "localCorrelationKeys");
  /** The PUT of one variable, whose body is the value itself (the path as the container resolved it). */
  private static final Pattern SINGLE_VARIABLE = Pattern.compile(".*/(variables|localVariables)/[^/]+/?");
  private static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
      "date", "null");
  private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    // files and deployments travel as multipart; Camunda checks those itself
    return WITHOUT_BODY.contains(request.getMethod()) || type.startsWith("multipart/")
        || type.startsWith("application/x-www-form-urlencoded");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      refuse(response, 413, "Der Inhalt ist größer als " + MAX_BODY / (1024 * 1024) + " MB.");
      return;
    }
    if (JsonDepth.tooDeep(body)) {
      refuse(response, 400, "Der Inhalt ist tiefer als " + JsonDepth.MAX + " Ebenen verschachtelt.");
      return;
    }
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    boolean singleVariable = "PUT".equals(request.getMethod()) && SINGLE_VARIABLE.matcher(path).matches();
    String problem = problem(body, singleVariable ? path.replaceAll("/$", "").replaceAll(".*/", "") : null);
    if (problem != null) {
      refuse(response, 400, problem);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /**
   * What is wrong with the variables, or null (also for a body that is no JSON: Camunda answers that
   * itself). {@code singleVariable} names the variable when the whole body is one value.
   */
  static String problem(byte[] body, String singleVariable) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
    if (root == null) {
      return null;
    }
    return singleVariable != null ? valueProblem(singleVariable, root) : mapsProblem(root);
  }

  /** Walks the body (bounded by {@link JsonDepth#MAX}) and checks every variable map it holds. */
  private static String mapsProblem(JsonNode node) {
    if (node.isArray()) {
      for (JsonNode element : node) {
        String problem = mapsProblem(element);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String problem = VARIABLE_MAPS.contains(field.getKey()) && field.getValue().isObject()
          ? variablesProblem(field.getValue()) : mapsProblem(field.getValue());
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String variablesProblem(JsonNode variables) {
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      String problem = valueProblem(variable.getKey(), variable.getValue());
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String valueProblem(String name, JsonNode variable) {
    if (!variable.isObject()) {
      return "Variable '" + name + "': {\"value\": ..., \"type\": ...} erwartet.";
    }
    JsonNode type = variable.get("type");
    if (type != null && !type.isNull() && !PLAIN_TYPES.contains(type.asText().toLowerCase(Locale.ROOT))) {
      return "Variable '" + name + "': Typ '" + type.asText() + "' wird hier nicht angenommen.";
    }
    JsonNode value = variable.get("value");
    if (value != null && value.isContainerNode()) {
      return "Variable '" + name + "': nur einfache Werte (Text, Zahl, true/false, Datum) werden angenommen.";
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
