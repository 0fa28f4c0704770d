package de.quartierskredit.system.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Two people completing one task at once: the engine lets exactly one win and fails the other with
 * whatever it trips over first ({@code OptimisticLockingException}, "task is null", "list of
 * executions is empty", or a delegate finding the loan already moved on), which Camunda's REST answers
 * with 500. When a completion failed and its task is gone (the failed transaction was rolled back, so
 * someone else completed it), this outermost interceptor rethrows a {@link TaskAlreadyDoneException}
 * instead (409 over REST). Any other failure passes unchanged.
 */
@Component
class TaskAlreadyDone extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new Translating());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** Rethrows the loser's failure of a task completion as {@link TaskAlreadyDoneException}. */
  static final class Translating extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        String taskId = taskId(command);
        if (taskId != null && next.execute(context -> context.getTaskManager().findTaskById(taskId)) == null) {
          throw new TaskAlreadyDoneException(e);
        }
        throw e;
      }
    }

    /**
     * The task a completion command is about; the commands keep it in a protected field without a
     * getter. Null for any other command (or if a Camunda upgrade renames the field: no translation).
     */
    private static String taskId(Command<?> command) {
      if (!(command instanceof CompleteTaskCmd) && !(command instanceof SubmitTaskFormCmd)) {
        return null;
      }
      try {
        Field field = command.getClass().getDeclaredField("taskId");
        field.setAccessible(true);
        return (String) field.get(command);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
  }
}
