package de.quartierskredit.system.engine;

import de.quartierskredit.shared.InputRefusedException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine boundary of refused input. Features throw {@link InputRefusedException} (plain Java);
 * the engine wraps whatever a task listener or delegate throws (ENGINE-03051), which Camunda's REST
 * would answer with 500. This outermost command interceptor hands the caller a {@link Refused}
 * instead, after the transaction has been rolled back as before: Camunda's REST answers a task
 * completion or form submission with it as 400, and {@code system.web.EngineRestStatus} turns its
 * {@link Refused#CODE} into 400 on every other route. Java callers find the original with
 * {@link InputRefusedException#in(Throwable)}.
 */
@Component
class FormInputErrors extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withUnwrapping(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withUnwrapping(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withUnwrapping(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> result = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    result.add(0, new Unwrapping());
    return result;
  }

  /** Rethrows the refusal found in the causes of a failed command as {@link Refused}. */
  static final class Unwrapping extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (Refused alreadyTranslated) {
        throw alreadyTranslated;
      } catch (RuntimeException e) {
        throw InputRefusedException.in(e).<RuntimeException>map(Refused::new).orElse(e);
      }
    }
  }

  /** Refused input as the engine's REST API knows it: 400 on completion and form submission. */
  public static final class Refused extends FormFieldValidationException {

    /** Error code the REST status filter maps to 400 on routes that do not know form validation. */
    public static final int CODE = 22_400;

    Refused(InputRefusedException refused) {
      super(refused.errors().isEmpty() || refused.errors().get(0).field() == null
          ? "input" : refused.errors().get(0).field(), refused.getMessage(), refused);
      setCode(CODE);
    }
  }
}
