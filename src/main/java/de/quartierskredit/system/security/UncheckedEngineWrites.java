package de.quartierskredit.system.security;

import de.quartierskredit.system.engine.EngineErrorCodes;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Closes the writes Camunda 7.24 leaves unchecked, so that a read-only role (managers) changes
 * nothing at all (403, Camunda's {@link AuthorizationException}):
 * <ul>
 *   <li>comments and attachments ({@code /task/{id}/comment/create}, {@code /attachment/create},
 *       deleting an attachment): only who may work on the task (TASK_WORK or UPDATE, as Camunda asks
 *       for editing a comment), or update the process instance when there is no task; admins pass;
 *   <li>jobs and job definitions that belong to no process definition (the history cleanup job, batch
 *       jobs): execute, due date, retries, priority, suspension, deletion only for engine admins
 *       ({@code camunda-admin}, {@code process-owners}). Camunda's own checker lets anyone do these;
 *   <li>a job execution refused for lack of permission counts as no failed attempt: Camunda would
 *       lower the job's retries and log a failure, a write by whoever was refused.
 * </ul>
 * The job executor and the application's own code run without an authentication and are not affected.
 */
@Component
class UncheckedEngineWrites extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new Checking());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    List<CommandChecker> checkers = new ArrayList<>();
    checkers.add(new TenantCommandChecker());
    checkers.add(new StandaloneJobsForAdmins());
    configuration.setCommandCheckers(checkers);
  }

  /** Inside the command context: checks the commands Camunda runs without any permission check. */
  static final class Checking extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      CommandContext context = Context.getCommandContext();
      if (command instanceof FailedJobListener listener && Context.getJobExecutorContext() == null
          && fieldValue(listener, "jobFailureCollector") instanceof JobFailureCollector failure
          && refused(failure.getFailure())) {
        // a job execution refused for lack of permission (403) ran nothing: it is no failed attempt,
        // so its retries stay as they are (Camunda would count it down and log a failure)
        return null;
      }
      if (context != null && checksApply(context)) {
        if (command instanceof AddCommentCmd || command instanceof CreateAttachmentCmd) {
          checkTaskOrInstance(context, field(command, "taskId"), field(command, "processInstanceId"));
        } else if (command instanceof DeleteAttachmentCmd) {
          checkAttachment(context, field(command, "attachmentId"));
        } else if (command instanceof SaveAttachmentCmd save) {
          Object attachment = fieldValue(save, "attachment");
          checkAttachment(context, attachment instanceof org.camunda.bpm.engine.task.Attachment a ? a.getId() : null);
        } else if (command instanceof AbstractSetJobStateCmd) {
          String jobId = field(command, "jobId");
          JobEntity job = jobId == null ? null : context.getJobManager().findJobById(jobId);
          if (job != null && job.getProcessDefinitionKey() == null && job.getProcessInstanceId() == null) {
            requireAdmin(context);
          }
        }
      }
      return next.execute(command);
    }

    private static void checkAttachment(CommandContext context, String attachmentId) {
      AttachmentEntity attachment = attachmentId == null ? null
          : context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
      if (attachment != null) {
        checkTaskOrInstance(context, attachment.getTaskId(), attachment.getProcessInstanceId());
      }
    }

    private static void checkTaskOrInstance(CommandContext context, String taskId, String processInstanceId) {
      TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
      if (task == null && taskId != null) {
        // a finished task's comments and attachments are history: only an admin adds to them
        requireAdmin(context);
        return;
      }
      try {
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
          if (task != null) {
            checker.checkTaskWork(task);
          } else if (processInstanceId != null) {
            checker.checkUpdateProcessInstanceById(processInstanceId);
          }
        }
      } catch (AuthorizationException notAllowed) {
        throw refusal("Kommentare und Anhänge darf nur hinzufügen, ändern oder entfernen, "
            + "wer an der Aufgabe arbeiten darf.");
      }
    }

    private static boolean refused(Throwable failure) {
      for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof AuthorizationException) {
          return true;
        }
      }
      return false;
    }

    private static boolean checksApply(CommandContext context) {
      return context.getProcessEngineConfiguration().isAuthorizationEnabled()
          && context.isAuthorizationCheckEnabled()
          && context.getAuthentication() != null;
    }

    /** A protected field of a Camunda command (no getters); null when a later version renames it. */
    private static String field(Object command, String name) {
      Object value = fieldValue(command, name);
      return value instanceof String text ? text : null;
    }

    private static Object fieldValue(Object command, String name) {
      for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
        try {
          Field field = type.getDeclaredField(name);
          field.setAccessible(true);
          return field.get(command);
        } catch (NoSuchFieldException e) {
          // look in the superclass
        } catch (ReflectiveOperationException | RuntimeException e) {
          return null;
        }
      }
      return null;
    }
  }

  /** Camunda's authorization checks, except that jobs of no process definition need an admin. */
  static final class StandaloneJobsForAdmins extends AuthorizationCommandChecker {
    @Override
    public void checkUpdateJob(JobEntity job) {
      if (job.getProcessDefinitionKey() == null) {
        requireAdmin(Context.getCommandContext());
      } else {
        super.checkUpdateJob(job);
      }
    }

    @Override
    public void checkUpdateRetriesJob(JobEntity job) {
      if (job.getProcessDefinitionKey() == null) {
        requireAdmin(Context.getCommandContext());
      } else {
        super.checkUpdateRetriesJob(job);
      }
    }

    /** Retries of a whole job definition: without a process definition (batch jobs) admins only. */
    @Override
    public void checkUpdateRetriesProcessInstanceByProcessDefinitionId(String processDefinitionId) {
      if (processDefinitionId == null) {
        requireAdmin(Context.getCommandContext());
      } else {
        super.checkUpdateRetriesProcessInstanceByProcessDefinitionId(processDefinitionId);
      }
    }

    /** A job definition's priority: without a process definition (batch jobs) admins only. */
    @Override
    public void checkUpdateProcessDefinitionById(String processDefinitionId) {
      if (processDefinitionId == null) {
        requireAdmin(Context.getCommandContext());
      } else {
        super.checkUpdateProcessDefinitionById(processDefinitionId);
      }
    }
  }

  private static void requireAdmin(CommandContext context) {
    AuthorizationManager authorizations = context.getAuthorizationManager();
    Authentication user = context.getAuthentication();
    if (authorizations.isAuthorizationEnabled() && context.isAuthorizationCheckEnabled() && user != null
        && !authorizations.isCamundaAdmin(user)) {
      throw refusal("Aufträge ohne Prozess (etwa die Bereinigung der Historie) ändern nur Administratoren.");
    }
  }

  /**
   * Camunda's refusal (403 over REST) with our code, so that routes which rewrap engine failures
   * (comments, attachments) still answer 403 with this message ({@code system.web.EngineRestRefusals}).
   */
  private static AuthorizationException refusal(String message) {
    AuthorizationException refusal = new AuthorizationException(message);
    refusal.setCode(EngineErrorCodes.NOT_PERMITTED);
    return refusal;
  }
}
