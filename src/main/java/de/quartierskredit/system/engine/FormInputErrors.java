package de.quartierskredit.system.engine;

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
 * Refused form input stays a 400 however it is checked. The engine wraps any exception of a task
 * listener in a plain {@link ProcessEngineException} (ENGINE-03051), which Camunda's REST API answers
 * with 500; this outermost command interceptor hands the caller the {@link FormFieldValidationException}
 * inside instead, after the transaction has been rolled back as before.
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

  /** Rethrows the form validation failure found in the causes of an engine exception. */
  static final class Unwrapping extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        FormFieldValidationException refused = refusal(e);
        throw refused != null ? refused : e;
      }
    }

    static FormFieldValidationException refusal(Throwable e) {
      for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
        if (t instanceof FormFieldValidationException found) {
          return found;
        }
      }
      return null;
    }
  }
}
