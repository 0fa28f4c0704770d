package de.quartierskredit.system.engine;

import de.quartierskredit.shared.NotPermittedException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine boundary of a step the acting person may not do. Features throw
 * {@link NotPermittedException} (plain Java) from a task listener; the engine wraps it (500 over
 * REST). This outermost command interceptor hands the caller a {@link Refused} instead, after the
 * transaction has been rolled back: its {@link Refused#CODE} makes {@code system.web.EngineRestStatus}
 * answer 403 with the German message, on {@code /engine-rest} and in Tasklist (claim, complete,
 * submit-form alike). Java callers find the original with {@link NotPermittedException#in(Throwable)}.
 */
@Component
class NotPermittedActions extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withTranslation(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withTranslation(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withTranslation(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> result = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    result.add(0, new Translating());
    return result;
  }

  /** Rethrows the refusal found in the causes of a failed command as {@link Refused}. */
  static final class Translating extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (Refused alreadyTranslated) {
        throw alreadyTranslated;
      } catch (RuntimeException e) {
        throw NotPermittedException.in(e).<RuntimeException>map(Refused::new).orElse(e);
      }
    }
  }

  /** A step the acting person may not do, as the engine's REST API knows it: 403 by its code. */
  public static final class Refused extends ProcessEngineException {

    /** Error code the REST status filter maps to 403. */
    public static final int CODE = EngineErrorCodes.NOT_PERMITTED;

    Refused(NotPermittedException refused) {
      super(refused.getMessage(), refused);
      setCode(CODE);
    }
  }
}
