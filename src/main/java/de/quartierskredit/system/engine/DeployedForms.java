package de.quartierskredit.system.engine;

import de.quartierskredit.system.forms.FormSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployed Camunda Form of a task or of a process's start event, as the person sees it: what
 * they may send ({@link FormFieldGuard}) and how each field is labelled in messages
 * ({@link EngineRefusals}). Parsed once per form content.
 */
final class DeployedForms {

  private static final Logger LOG = LoggerFactory.getLogger(DeployedForms.class);
  private static final Map<String, FormSchema> PARSED = new ConcurrentHashMap<>();

  private DeployedForms() {}

  /** The task's form; {@link FormSchema#NONE} when it has no Camunda Form (or is not readable). */
  static FormSchema ofTask(FormService forms, String taskId) {
    return schema(() -> forms.getDeployedTaskForm(taskId));
  }

  /** The start event's form of a process definition; {@link FormSchema#NONE} when it has none. */
  static FormSchema ofStart(FormService forms, String processDefinitionId) {
    return schema(() -> forms.getDeployedStartForm(processDefinitionId));
  }

  private static FormSchema schema(FormSource source) {
    String json;
    try (InputStream in = source.open()) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException noCamundaForm) {
      // no form, or an embedded or generic one: nothing we can read fields from
      LOG.debug("No deployed Camunda Form: {}", noCamundaForm.getMessage());
      return FormSchema.NONE;
    }
    return PARSED.computeIfAbsent(json, FormSchema::parse);
  }

  /** Opens a deployed form. */
  @FunctionalInterface
  private interface FormSource {
    InputStream open() throws IOException;
  }
}
