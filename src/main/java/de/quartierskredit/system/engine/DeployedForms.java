package de.quartierskredit.system.engine;

import de.quartierskredit.system.forms.FormSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
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

  /** The task's form; {@link FormSchema#NONE} when it has no Camunda Form, is not readable, or the task is gone. */
  static FormSchema ofTask(ProcessEngineConfigurationImpl configuration, String taskId) {
    return task(configuration, taskId).map(TaskForm::form).orElse(FormSchema.NONE);
  }

  /**
   * The task's form and the variables it sees, read in one command, so that both belong to the same task;
   * empty when the task is gone (completed a moment ago by someone else: the person's own command then
   * answers 409). Camunda's own form command checks the permission on a task before it checks that there
   * is one, and fails with a NullPointerException on a vanished task; here the task is looked up first and
   * stays in the command's cache for the form command.
   */
  static Optional<TaskForm> task(ProcessEngineConfigurationImpl configuration, String taskId) {
    return Optional.ofNullable(configuration.getCommandExecutorTxRequired().execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return null;
      }
      FormSchema form = schema(() -> new GetDeployedTaskFormCmd(taskId).execute(context));
      return new TaskForm(form, task.getVariables());
    }));
  }

  /** A task's form and its variables, as one snapshot. */
  record TaskForm(FormSchema form, Map<String, Object> variables) {}

  /** The start event's form of a process definition; {@link FormSchema#NONE} when it has none. */
  static FormSchema ofStart(ProcessEngineConfigurationImpl configuration, String processDefinitionId) {
    return schema(() -> configuration.getFormService().getDeployedStartForm(processDefinitionId));
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
