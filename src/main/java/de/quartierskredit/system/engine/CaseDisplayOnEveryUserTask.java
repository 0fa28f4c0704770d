package de.quartierskredit.system.engine;

import de.quartierskredit.tasklist.CaseDisplay;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableCollectionProvider;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every user task of every model, old versions included, names its case in the task list: a built-in create
 * listener, added when a model is parsed, writes the {@link CaseDisplay} copies onto the new task. No model
 * has to remember it.
 *
 * <p>Cost per created task, on the hot path of every monthly contact: one select (the loan's row by its
 * reference) and five inserts into {@code ACT_RU_VARIABLE}, and five deletes when the task ends. Two things keep
 * it there: a new task has no variables yet, so its variable store starts empty instead of being loaded
 * (Camunda would select the task's variables first); and the copies write no history (no
 * {@code ACT_HI_VARINST} and {@code ACT_HI_DETAIL} rows, which would add about four statements per copy and
 * task): they repeat the loan's row, which keeps its own history.
 */
@Component
class CaseDisplayOnEveryUserTask extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(CaseDisplayOnEveryUserTask.class);

  private final TaskListener listener;

  CaseDisplayOnEveryUserTask(CaseDisplay caseDisplay) {
    this.listener = new NewTaskListener(caseDisplay);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
      }
    });
    configuration.setCustomPreBPMNParseListeners(parseListeners);

    // Camunda's database history, minus the display copies
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    if (configuration.isEnableDefaultDbHistoryEventHandler()) {
      configuration.setEnableDefaultDbHistoryEventHandler(false);
      handlers.add(new HistoryWithoutDisplayCopies());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** Writes the display copies onto a task just created, whose variable store is known to be empty. */
  static final class NewTaskListener implements TaskListener {

    private static final Field VARIABLE_STORE = variableStoreField();

    private final CaseDisplay caseDisplay;

    NewTaskListener(CaseDisplay caseDisplay) {
      this.caseDisplay = caseDisplay;
    }

    @Override
    public void notify(DelegateTask task) {
      startWithoutVariables(task);
      caseDisplay.notify(task);
    }

    /** A task being created has no variables in the database yet: spare the select that would load them. */
    @SuppressWarnings("unchecked")
    private static void startWithoutVariables(DelegateTask task) {
      if (VARIABLE_STORE == null || !(task instanceof TaskEntity entity)
          || !TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        return;
      }
      try {
        // ignored by the store once it was loaded
        ((VariableStore<VariableInstanceEntity>) VARIABLE_STORE.get(entity))
            .setVariablesProvider(VariableCollectionProvider.emptyVariables());
      } catch (IllegalAccessException | RuntimeException e) {
        LOG.debug("Task variables are loaded the usual way: {}", e.toString());
      }
    }

    private static Field variableStoreField() {
      try {
        Field field = TaskEntity.class.getDeclaredField("variableStore");
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException | RuntimeException e) {
        LOG.warn("Camunda's TaskEntity has no field variableStore any more; each new task selects its "
            + "(absent) variables once before the display copies are written");
        return null;
      }
    }
  }

  /** Camunda's database history handler, which drops the variable events of the display copies. */
  static final class HistoryWithoutDisplayCopies extends DbHistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
          && CaseDisplay.isDisplayCopy(variable.getVariableName())) {
        return;
      }
      super.handleEvent(event);
    }
  }
}
