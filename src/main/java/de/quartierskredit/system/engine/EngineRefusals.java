package de.quartierskredit.system.engine;

import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.NotPermittedException;
import de.quartierskredit.system.forms.FormField;
import de.quartierskredit.system.forms.FormSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.impl.ProcessEngineLogger;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine boundary of a person's refused step: what the caller is answered, and what the log says.
 *
 * <p>Features throw plain Java refusals from delegates and task listeners:
 * {@link InputRefusedException} (what was entered is wrong) and {@link NotPermittedException} (this
 * person may not do the step, whatever they enter). The engine wraps whatever a listener throws
 * (ENGINE-03051), which Camunda's REST would answer with 500. This outermost command interceptor hands
 * the caller {@link InputRefused} or {@link NotPermitted} instead, after the transaction has been rolled
 * back: their codes ({@link EngineErrorCodes}) give the HTTP status on every route, in Tasklist too
 * ({@code system.web.EngineRestAnswers}). The message is only the German reason: for a completion or a
 * start, each field is named by its label on the deployed form of that task or start event, never by its
 * variable name. Camunda's own authorization refusals of a person's request get a German sentence too.
 *
 * <p>Logging: Camunda logs every failed command as ENGINE-16004 ERROR with a stack trace, refused input
 * and stale clicks included. Its switch {@code enableCmdExceptionLogging} is turned off here, and this
 * interceptor logs each failed command once instead: a refusal or conflict as one line naming the command,
 * the user and the field keys (INFO; WARN when the separation of duties refused the person);
 * every other failure exactly as Camunda did, through Camunda's own logger (ENGINE-16004 ERROR with
 * trace; the exceptions Camunda logs lower, such as {@code OptimisticLockingException}, as it does).
 * Java callers find the original refusal with {@link InputRefusedException#in(Throwable)} and
 * {@link NotPermittedException#in(Throwable)}.
 */
@Component
@Order(EngineRefusals.ORDER)
public class EngineRefusals extends AbstractProcessEnginePlugin {

  /**
   * Plugin order: a plugin that runs later puts its interceptor further out. This one is outermost,
   * {@link TaskConflicts} inside it, {@link FormFieldGuard} inside that.
   */
  static final int ORDER = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(EngineRefusals.class);

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    // Camunda's ENGINE-16004 logging of failed commands: this interceptor logs them instead (see above)
    configuration.setEnableCmdExceptionLogging(false);
    configuration.setCustomPreCommandInterceptorsTxRequired(
        outermost(configuration.getCustomPreCommandInterceptorsTxRequired(), false));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        outermost(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), true));
  }

  private List<CommandInterceptor> outermost(List<CommandInterceptor> interceptors, boolean requiresNew) {
    List<CommandInterceptor> result = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    result.add(0, new Translating(requiresNew));
    return result;
  }

  /** Rethrows the refusal found in the causes of a failed command as the engine's REST API knows it, and logs once. */
  final class Translating extends CommandInterceptor {

    private final boolean requiresNew;

    Translating(boolean requiresNew) {
      this.requiresNew = requiresNew;
    }

    @Override
    public <T> T execute(Command<T> command) {
      // the command that opens a command context is the one whose failure Camunda would log
      boolean outer = requiresNew || Context.getCommandContext() == null;
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        RuntimeException answer = translate(command, outer, e);
        if (outer) {
          log(command, e, answer);
        }
        throw answer;
      }
    }
  }

  private RuntimeException translate(Command<?> command, boolean outer, RuntimeException e) {
    if (EngineErrorCodes.httpStatus(e) == 409 || e instanceof NotPermitted) {
      return e;
    }
    var notPermitted = NotPermittedException.in(e);
    if (notPermitted.isPresent()) {
      return new NotPermitted(notPermitted.get());
    }
    var refused = InputRefusedException.in(e);
    if (refused.isPresent()) {
      if (outer && hasForm(command)) {
        return new InputRefused(refused.get(), labels(command));
      }
      return e instanceof InputRefused ? e : new InputRefused(refused.get(), field -> null);
    }
    if (outer && PersonRequests.active() && e instanceof AuthorizationException denied
        && !denied.getMissingAuthorizations().isEmpty()) {
      return new AuthorizationException(PersonAuthorizations.german(denied.getMissingAuthorizations()));
    }
    return e;
  }

  /** One line per refusal or conflict (logs stay English); everything else as Camunda logs it. */
  private void log(Command<?> command, RuntimeException original, RuntimeException answer) {
    String who = user();
    String what = describe(command);
    if (answer instanceof InputRefused refused) {
      LOG.info("Refused input: {} tried to {}: fields {}", who, what, refused.refusal().fields());
    } else if (answer instanceof NotPermitted) {
      LOG.warn("Not permitted: {} tried to {} (separation of duties)", who, what);
    } else if (answer instanceof AuthorizationException && PersonRequests.active()) {
      // INFO: Tasklist and Cockpit ask for what a role may not read in ordinary use
      LOG.info("Not authorized: {} tried to {}: {}", who, what, original instanceof AuthorizationException denied
          && !denied.getMissingAuthorizations().isEmpty() ? "missing " + missing(denied.getMissingAuthorizations())
          : "refused by the application's own checks");
    } else if (answer instanceof TaskAlreadyDoneException) {
      LOG.info("Stale action: {} tried to {}, which is already done", who, what);
    } else if (answer instanceof TaskTakenException taken) {
      LOG.info("Conflict: {} tried to {}, which {} has claimed", who, what, taken.assignee());
    } else if (answer instanceof ConcurrentChangeException) {
      LOG.info("Conflict: {} tried to {} while someone else changed the case", who, what);
    } else if (answer instanceof TaskAlreadyClaimedException) {
      ProcessEngineLogger.CONTEXT_LOGGER.infoException(answer);
    } else if (answer instanceof OptimisticLockingException || answer instanceof BadUserRequestException
        || answer instanceof AuthorizationException) {
      ProcessEngineLogger.CONTEXT_LOGGER.debugException(answer);
    } else {
      ProcessEngineLogger.CONTEXT_LOGGER.errorException(answer);
    }
  }

  private String user() {
    Authentication user = configuration.getIdentityService().getCurrentAuthentication();
    return user == null || user.getUserId() == null ? "the system" : "user '" + user.getUserId() + "'";
  }

  /** What the command does, for the log: "complete task 9d6d...", "start repayment-rescheduling:1:...". */
  static String describe(Command<?> command) {
    String task = CommandFields.<String>find(command, "taskId").orElse(null);
    String verb = command instanceof ResolveTaskCmd ? "resolve"
        : command instanceof CompleteTaskCmd ? "complete"
        : command instanceof SubmitTaskFormCmd ? "submit the form of"
        : command instanceof ClaimTaskCmd ? "claim"
        : command instanceof AssignTaskCmd ? "assign"
        : command instanceof DelegateTaskCmd ? "delegate" : null;
    if (verb != null) {
      return verb + " task " + task;
    }
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = CommandFields.required(command, "instantiationBuilder");
      return "start " + (builder.getProcessDefinitionId() != null ? builder.getProcessDefinitionId()
          : builder.getProcessDefinitionKey());
    }
    if (command instanceof SubmitStartFormCmd) {
      return "start " + CommandFields.find(command, "processDefinitionId").orElse("?") + " by its form";
    }
    String type = command.getClass().getSimpleName();
    return "run " + (type.contains("$$Lambda") || type.isEmpty() ? "a command" : type) + (task == null ? "" : " on task " + task);
  }

  private static String missing(List<MissingAuthorization> missing) {
    return missing.stream().map(m -> m.getViolatedPermissionName() + " on " + m.getResourceType() + " "
        + m.getResourceId()).collect(Collectors.joining(" or "));
  }

  /** Task completions and starts: the commands whose input a deployed form describes. */
  private static boolean hasForm(Command<?> command) {
    return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
        || command instanceof StartProcessInstanceCmd || command instanceof SubmitStartFormCmd;
  }

  /** The labels of the form the command's input came from; null for a field the form does not label. */
  private Function<String, String> labels(Command<?> command) {
    FormSchema form;
    try {
      form = form(command);
    } catch (RuntimeException unreadable) {
      form = FormSchema.NONE;
    }
    FormSchema fields = form;
    return key -> fields.field(key).map(FormField::label).filter(label -> !label.isBlank()).orElse(null);
  }

  private FormSchema form(Command<?> command) {
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      String taskId = CommandFields.required(command, "taskId");
      return DeployedForms.ofTask(configuration, taskId);
    }
    String definitionId;
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = CommandFields.required(command, "instantiationBuilder");
      definitionId = builder.getProcessDefinitionId() != null ? builder.getProcessDefinitionId()
          : latest(builder.getProcessDefinitionKey());
    } else {
      definitionId = CommandFields.required(command, "processDefinitionId");
    }
    return definitionId == null ? FormSchema.NONE : DeployedForms.ofStart(configuration, definitionId);
  }

  private String latest(String key) {
    ProcessDefinition definition = key == null ? null : configuration.getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId().latestVersion().singleResult();
    return definition == null ? null : definition.getId();
  }

  /** Refused input: 400 on every route, its message the German reasons alone. */
  public static final class InputRefused extends FormFieldValidationException {

    /** Error code the REST answers turn into 400 ({@link EngineErrorCodes#INPUT_REFUSED}). */
    public static final int CODE = EngineErrorCodes.INPUT_REFUSED;

    private final transient InputRefusedException refusal;

    InputRefused(InputRefusedException refused) {
      this(refused, field -> null);
    }

    InputRefused(InputRefusedException refused, Function<String, String> labels) {
      super(refused.errors().isEmpty() || refused.errors().get(0).field() == null
          ? "input" : refused.errors().get(0).field(), refused.sentences(labels), refused);
      this.refusal = refused;
      setCode(CODE);
    }

    /** The refusal as the feature threw it (field keys and messages). */
    public InputRefusedException refusal() {
      return refusal;
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
