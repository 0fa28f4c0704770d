package de.quartierskredit.system.engine;

import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.system.forms.FormInput.Purpose;
import de.quartierskredit.system.forms.FormInput;
import de.quartierskredit.system.forms.FormSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A person sets only the fields of the form in front of them. For a request a person sent to Camunda's
 * REST APIs ({@link PersonRequests}), before the engine runs the command:
 *
 * <ul>
 *   <li>completing or resolving a task, submitting its form, or saving, patching or removing its
 *       variables carries only the fields of the task's deployed form, none it shows read-only, each
 *       checked against the form's constraints ({@link FormInput}); a completion also needs the
 *       required fields the form shows;</li>
 *   <li>starting a process carries only the fields of its start form, and no business key: the
 *       system gives each case its loan reference;</li>
 *   <li>variables of a process instance, and variables sent with a message or signal, are changed
 *       directly only by process owners (Cockpit's repair of a stuck loan, see the README's runbook).</li>
 * </ul>
 *
 * Everything else is refused before anything is stored: a field the form does not offer with 400 naming
 * it, a direct change of process variables by anyone but a process owner with 403. The fields are read
 * from the deployed forms themselves, so a field a process owner adds in Modeler is accepted without a
 * code change.
 */
@Component
@Order(EngineRefusals.ORDER - 2) // inside TaskConflicts and EngineRefusals
class FormFieldGuard extends AbstractProcessEnginePlugin {

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    Interceptors.runFirst(configuration, new Guarding());
  }

  /** Checks a person's command before it runs. */
  final class Guarding extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (PersonRequests.active() && Context.getCommandContext() == null) {
        List<FieldError> errors = check(command);
        if (!errors.isEmpty()) {
          throw new EngineRefusals.InputRefused(new InputRefusedException(errors));
        }
      }
      return next.execute(command);
    }
  }

  /** What is wrong with a person's command; empty for anything this guard does not look at. */
  List<FieldError> check(Command<?> command) {
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      String taskId = read(command, "taskId");
      Map<String, ?> values = read(command, command instanceof CompleteTaskCmd ? "variables" : "properties");
      return taskInput(taskId, values, Purpose.SUBMIT);
    }
    if (command instanceof SetTaskVariablesCmd) {
      return taskInput(read(command, "entityId"), read(command, "variables"), Purpose.UPDATE);
    }
    if (command instanceof PatchTaskVariablesCmd) {
      List<FieldError> errors = new ArrayList<>(taskInput(read(command, "entityId"), read(command, "variables"),
          Purpose.UPDATE));
      Collection<String> deletions = read(command, "deletions");
      errors.addAll(taskRemoval(read(command, "entityId"), deletions));
      return errors;
    }
    if (command instanceof RemoveTaskVariablesCmd) {
      return taskRemoval(read(command, "entityId"), read(command, "variableNames"));
    }
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = read(command, "instantiationBuilder");
      return startInput(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
          builder.getBusinessKey(), builder.getVariables());
    }
    if (command instanceof SubmitStartFormCmd) {
      return startInput(read(command, "processDefinitionId"), null, read(command, "businessKey"),
          read(command, "variables"));
    }
    if (isAdmin()) {
      return List.of();
    }
    if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      throw new AuthorizationException("Nur Prozessverantwortliche starten einen Prozess an einer beliebigen Stelle.");
    }
    if (command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd) {
      // variables of a process instance or execution (task variables were handled above)
      throw new AuthorizationException("Prozessvariablen ändern nur Prozessverantwortliche; "
          + "Sachbearbeitung geschieht über die Formulare der Aufgaben.");
    }
    if (command instanceof AbstractCorrelateMessageCmd) {
      MessageCorrelationBuilderImpl builder = read(command, "builder");
      return noVariables(builder.getPayloadProcessInstanceVariables(), builder.getPayloadProcessInstanceVariablesLocal(),
          builder.getPayloadProcessInstanceVariablesToTriggeredScope());
    }
    if (command instanceof SignalEventReceivedCmd) {
      return noVariables(((org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl) read(command, "builder"))
          .getVariables());
    }
    if (command instanceof MessageEventReceivedCmd) {
      return noVariables(read(command, "processVariables"), read(command, "processVariablesLocal"),
          read(command, "processVariablesToTriggeredScope"));
    }
    if (command instanceof SignalCmd) {
      return noVariables(read(command, "processVariables"));
    }
    return List.of();
  }

  private List<FieldError> taskInput(String taskId, Map<String, ?> values, Purpose purpose) {
    Task task = workable(taskId);
    if (task == null || task.getProcessInstanceId() == null) {
      // a task outside any process (a process owner's to-do from Tasklist's "Create task") belongs to no
      // loan and no model reads it; every other case the command itself answers (404, 403, 409)
      return List.of();
    }
    // form and variables as one snapshot; a task completed meanwhile by someone else is left to the command (409)
    return DeployedForms.task(configuration, taskId)
        .map(snapshot -> FormInput.check(snapshot.form(), plain(values), snapshot.variables(), purpose))
        .orElse(List.of());
  }

  private List<FieldError> taskRemoval(String taskId, Collection<String> names) {
    if (names == null || names.isEmpty()) {
      return List.of();
    }
    Task task = workable(taskId);
    return task == null || task.getProcessInstanceId() == null ? List.of()
        : DeployedForms.task(configuration, taskId).map(snapshot -> FormInput.checkRemoval(snapshot.form(), names))
            .orElse(List.of());
  }

  /** The task, if the person may work on it (else the engine's own refusal comes first: 403, 404). */
  private Task workable(String taskId) {
    Task task = taskId == null ? null : configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    Authentication user = configuration.getIdentityService().getCurrentAuthentication();
    if (task == null || user == null || isAdmin()) {
      return task;
    }
    var authorizations = configuration.getAuthorizationService();
    boolean mayWork = authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(), Permissions.TASK_WORK,
        Resources.TASK, taskId)
        || authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(), Permissions.UPDATE, Resources.TASK, taskId);
    return mayWork ? task : null;
  }

  private List<FieldError> startInput(String definitionId, String definitionKey, String businessKey,
      Map<String, ?> values) {
    List<FieldError> errors = new ArrayList<>();
    if (businessKey != null && !businessKey.isBlank()) {
      errors.add(new FieldError("businessKey", "Das Aktenzeichen eines Falls vergibt das System."));
    }
    ProcessDefinition definition = definition(definitionId, definitionKey);
    if (definition == null) {
      return errors; // unknown or not readable: the command itself answers
    }
    errors.addAll(FormInput.check(startForm(definition), plain(values), Map.of(), Purpose.SUBMIT));
    return errors;
  }

  private ProcessDefinition definition(String id, String key) {
    var query = configuration.getRepositoryService().createProcessDefinitionQuery();
    if (id != null) {
      return query.processDefinitionId(id).singleResult();
    }
    return key == null ? null : query.processDefinitionKey(key).withoutTenantId().latestVersion().singleResult();
  }

  private FormSchema startForm(ProcessDefinition definition) {
    return DeployedForms.ofStart(configuration, definition.getId());
  }

  private boolean isAdmin() {
    Authentication user = configuration.getIdentityService().getCurrentAuthentication();
    if (user == null) {
      return false;
    }
    List<String> adminGroups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
    List<String> adminUsers = configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
    return adminUsers.contains(user.getUserId())
        || (user.getGroupIds() != null && user.getGroupIds().stream().anyMatch(adminGroups::contains));
  }

  @SafeVarargs
  private static List<FieldError> noVariables(Map<String, ?>... maps) {
    for (Map<String, ?> map : maps) {
      if (map != null && !map.isEmpty()) {
        throw new AuthorizationException("Mit einer Nachricht oder einem Signal setzen nur Prozessverantwortliche "
            + "Variablen (gesendet: " + String.join(", ", map.keySet()) + ").");
      }
    }
    return List.of();
  }

  /** The values without Camunda's typed wrappers (REST hands the engine typed values). */
  private static Map<String, Object> plain(Map<String, ?> values) {
    Map<String, Object> plain = new LinkedHashMap<>();
    if (values != null) {
      values.forEach((name, value) -> plain.put(name, value instanceof TypedValue typed ? typed.getValue() : value));
    }
    return plain;
  }

  private static <V> V read(Object command, String name) {
    return CommandFields.required(command, name);
  }
}
