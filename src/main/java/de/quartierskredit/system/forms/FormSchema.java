package de.quartierskredit.system.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a deployed Camunda Form (form-js schema) lets a person fill in, read from the form
 * itself, so that a field a process owner adds in Modeler is accepted without a code change and
 * everything else is not. Display-only components ({@code text}, images, spacers) have no key and
 * give a person nothing to send.
 */
public final class FormSchema {

  /** Keyed component types whose value a person enters. */
  static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "radio", "select",
      "checklist", "taglist", "datetime");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A task or start event without a form: nothing may be sent. */
  public static final FormSchema NONE = new FormSchema(null, Map.of());

  private final String formId;
  private final Map<String, FormField> fields;

  private FormSchema(String formId, Map<String, FormField> fields) {
    this.formId = formId;
    this.fields = Collections.unmodifiableMap(fields);
  }

  public static FormSchema parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException notJson) {
      throw new IllegalArgumentException("not a Camunda Form (no JSON)", notJson);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a Camunda Form (no JSON object)");
    }
    Map<String, FormField> fields = new LinkedHashMap<>();
    collect(root.path("components"), fields);
    return new FormSchema(root.path("id").asText(null), fields);
  }

  private static void collect(JsonNode components, Map<String, FormField> fields) {
    for (JsonNode component : components) {
      collect(component.path("components"), fields); // groups and dynamic lists nest their fields
      String type = component.path("type").asText("");
      String key = component.path("key").asText(null);
      if (key == null || key.isBlank() || !INPUT_TYPES.contains(type)) {
        continue;
      }
      JsonNode validate = component.path("validate");
      fields.put(key, new FormField(key, type,
          component.path("label").asText(null),
          validate.path("required").asBoolean(false),
          decimal(validate.get("min")),
          decimal(validate.get("max")),
          whole(validate.get("minLength")),
          whole(validate.get("maxLength")),
          validate.path("pattern").asText(null),
          whole(component.get("decimalDigits")),
          options(component),
          component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false),
          component.path("conditional").path("hide").asText(null),
          isDate(component, type)));
    }
  }

  /**
   * A day a person types: a text field marked with the custom property {@code format: date} (Modeler:
   * Custom properties), or a date picker.
   */
  private static boolean isDate(JsonNode component, String type) {
    return ("textfield".equals(type) && "date".equals(component.path("properties").path("format").asText(null)))
        || ("datetime".equals(type) && "date".equals(component.path("subtype").asText(null)));
  }

  /** Static values of a radio or select; null when the values come from a variable or an expression. */
  private static List<String> options(JsonNode component) {
    JsonNode values = component.get("values");
    if (values == null || !values.isArray() || component.hasNonNull("valuesKey")
        || component.hasNonNull("valuesExpression")) {
      return null;
    }
    List<String> options = new ArrayList<>();
    values.forEach(v -> options.add(v.path("value").asText()));
    return List.copyOf(options);
  }

  private static BigDecimal decimal(JsonNode node) {
    return node != null && node.isNumber() ? node.decimalValue() : null;
  }

  private static Integer whole(JsonNode node) {
    return node != null && node.canConvertToInt() ? node.asInt() : null;
  }

  /** The form's id (the {@code camunda:formRef} key), or null. */
  public String formId() {
    return formId;
  }

  public Optional<FormField> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  public List<FormField> fields() {
    return List.copyOf(fields.values());
  }
}
