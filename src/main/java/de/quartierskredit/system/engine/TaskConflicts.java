package de.quartierskredit.system.engine;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Concurrent and stale actions on a task answer 409 with a German sentence instead of whatever the
 * engine trips over first ({@code OptimisticLockingException}, "task is null", "list of executions is
 * empty", a delegate finding the loan already moved on, all 500 over REST):
 * <ul>
 *   <li>completing, claiming or handing over a task that is gone but in the history (someone completed
 *       it first, or the case ended): {@link TaskAlreadyDoneException};</li>
 *   <li>claiming a task someone else has claimed, or a person completing a task assigned to someone
 *       else (checked before anything runs): {@link TaskTakenException}, naming that person;</li>
 *   <li>a completion that lost an optimistic-locking race on a task that is still open:
 *       {@link ConcurrentChangeException}.</li>
 * </ul>
 * An id the engine never knew stays a 404 ({@code system.web.EngineRestStatus}); any other failure
 * passes unchanged. Runs inside {@link EngineRefusals}, which logs the outcome once.
 */
@Component
@Order(EngineRefusals.ORDER - 1)
class TaskConflicts extends AbstractProcessEnginePlugin {

  private static final Set<Class<?>> TASK_COMMANDS = Set.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class,
      ClaimTaskCmd.class, AssignTaskCmd.class, DelegateTaskCmd.class);

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    Interceptors.runFirst(configuration, new Checking());
  }

  /** Checks who has the task before a person completes it, and names the conflict when a task command fails. */
  final class Checking extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      String taskId = Context.getCommandContext() == null ? taskId(command) : null;
      if (taskId == null) {
        return next.execute(command);
      }
      if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
        refuseIfSomeoneElseHasIt(taskId);
      }
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        throw conflict(command, taskId, e);
      }
    }

    /** A person completing a task another person has claimed (Tasklist shows it only to the assignee). */
    private void refuseIfSomeoneElseHasIt(String taskId) {
      Authentication user = configuration.getIdentityService().getCurrentAuthentication();
      if (!PersonRequests.active() || user == null) {
        return;
      }
      TaskState task = next.execute(context -> TaskState.of(context, taskId));
      if (task.assignee() != null && !task.assignee().equals(user.getUserId()) && mayWork(user, taskId)) {
        throw new TaskTakenException(task.assignee(), task.assigneeName(), null);
      }
    }

    private RuntimeException conflict(Command<?> command, String taskId, RuntimeException failure) {
      if (EngineErrorCodes.httpStatus(failure) == 409) {
        return failure;
      }
      TaskState task;
      try {
        task = next.execute(context -> TaskState.of(context, taskId));
      } catch (RuntimeException lookupFailed) {
        failure.addSuppressed(lookupFailed);
        return failure;
      }
      // whatever the loser tripped over, the task's authorizations (deleted with it) included
      if (!task.running() && task.historic()) {
        return new TaskAlreadyDoneException(failure);
      }
      if (task.running() && failure instanceof TaskAlreadyClaimedException && task.assignee() != null) {
        return new TaskTakenException(task.assignee(), task.assigneeName(), failure);
      }
      boolean completion = command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
      if (task.running() && completion && causedBy(failure, OptimisticLockingException.class)) {
        return new ConcurrentChangeException(failure);
      }
      return failure;
    }
  }

  /** Whether the person may work on the task at all (else the engine's own 403 comes first). */
  private boolean mayWork(Authentication user, String taskId) {
    if (!configuration.isAuthorizationEnabled()) {
      return true;
    }
    List<String> adminGroups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
    if (user.getGroupIds() != null && user.getGroupIds().stream().anyMatch(adminGroups::contains)) {
      return true;
    }
    var authorizations = configuration.getAuthorizationService();
    return authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(), Permissions.TASK_WORK,
        Resources.TASK, taskId)
        || authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(), Permissions.UPDATE, Resources.TASK, taskId);
  }

  /** The task a task command acts on; null for any other command. */
  private static String taskId(Command<?> command) {
    if (TASK_COMMANDS.stream().noneMatch(type -> type.isInstance(command))) {
      return null;
    }
    return CommandFields.<String>find(command, "taskId").orElse(null);
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Where the task stands, read without the caller's authorizations (the person acted on it by id). */
  record TaskState(boolean running, boolean historic, String assignee, String assigneeName) {

    static TaskState of(CommandContext context, String taskId) {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return new TaskState(false, context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId) != null,
            null, null);
      }
      String assignee = task.getAssignee();
      return new TaskState(true, false, assignee, assignee == null ? null : name(context, assignee));
    }

    /** "Vorname Nachname" of a user; the login only when the user has no name (or is unknown). */
    private static String name(CommandContext context, String userId) {
      User user = context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().findUserById(userId));
      String name = user == null ? "" : (blankToEmpty(user.getFirstName()) + " " + blankToEmpty(user.getLastName())).strip();
      return name.isEmpty() ? userId : name;
    }

    private static String blankToEmpty(String text) {
      return text == null ? "" : text.strip();
    }
  }
}
