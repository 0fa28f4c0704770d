package de.quartierskredit.system.engine;

import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.NotPermittedException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine boundary of a person's refused step. Features throw plain Java refusals from delegates and
 * task listeners: {@link InputRefusedException} (what was entered is wrong) and
 * {@link NotPermittedException} (this person may not do the step, whatever they enter). The engine wraps
 * whatever a listener throws (ENGINE-03051), which Camunda's REST would answer with 500. This outermost
 * command interceptor hands the caller {@link InputRefused} or {@link NotPermitted} instead, after the
 * transaction has been rolled back as before: Camunda's REST answers a refused completion or form
 * submission with 400 by its own rules, and {@code system.web.EngineRestStatus} turns our codes into 400
 * and 403 on every other route and in Tasklist. Java callers find the original with
 * {@link InputRefusedException#in(Throwable)} and {@link NotPermittedException#in(Throwable)}.
 */
@Component
class EngineRefusals extends AbstractProcessEnginePlugin {

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

  /** Rethrows the refusal found in the causes of a failed command as the engine's REST API knows it. */
  static final class Translating extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (InputRefused | NotPermitted alreadyTranslated) {
        throw alreadyTranslated;
      } catch (RuntimeException e) {
        var notPermitted = NotPermittedException.in(e);
        if (notPermitted.isPresent()) {
          throw new NotPermitted(notPermitted.get());
        }
        throw InputRefusedException.in(e).<RuntimeException>map(InputRefused::new).orElse(e);
      }
    }
  }

  /** Refused input: 400 on completion and form submission, and by {@link #CODE} everywhere else. */
  public static final class InputRefused extends FormFieldValidationException {

    /** Error code the REST status filter maps to 400 on routes that do not know form validation. */
    public static final int CODE = 22_400;

    InputRefused(InputRefusedException refused) {
      super(refused.errors().isEmpty() || refused.errors().get(0).field() == null
          ? "input" : refused.errors().get(0).field(), refused.getMessage(), refused);
      setCode(CODE);
    }
  }

  /** A step the acting person may not do: 403 by its code. */
  public static final class NotPermitted extends ProcessEngineException {

    NotPermitted(NotPermittedException refused) {
      super(refused.getMessage(), refused);
      setCode(EngineErrorCodes.NOT_PERMITTED);
    }
  }
}
