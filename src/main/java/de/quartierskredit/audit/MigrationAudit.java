package de.quartierskredit.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Model migrations in the audit trail: one entry per migrated process instance of a loan, written in
 * the transaction that moves the instance, however the migration was started (our migration API,
 * Cockpit, the engine's REST API; at once or as a batch). Camunda's user operation log names who
 * started a migration but only once per command, with the number of instances and no loan, and is
 * switched off inside batch jobs; so this handler listens to the history event each migrated process
 * instance produces ({@code process-instance/migrate}, history level full) instead.
 *
 * <p>The source version is read from the instance's runtime row, which the engine rewrites only when
 * the command flushes, after this event; the target version is the event's. Who started it: the
 * logged-in user of a migration run at once, else, in a batch job, the user who created the batch
 * (as Cockpit's batch view and the operation log name them).
 */
@Component
class MigrationAudit extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  private final AuditTrail audit;
  private final JdbcClient jdbc;
  /** The instances already recorded per running command: the engine may report one instance's move twice. */
  private final Map<CommandContext, Set<String>> recorded = Collections.synchronizedMap(new WeakHashMap<>());

  MigrationAudit(AuditTrail audit, JdbcClient jdbc) {
    this.audit = audit;
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    // before Camunda's own database handler, which the engine appends (or another plugin put in this list)
    handlers.add(0, this);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricProcessInstanceEventEntity instance
        && event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_MIGRATE) && instance.getBusinessKey() != null
        && firstInCommand(instance.getProcessInstanceId())) {
      Integer sourceVersion = jdbc.sql("""
              SELECT d.version_ FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_
              WHERE e.id_ = :id""")
          .param("id", instance.getProcessInstanceId()).query(Integer.class).optional().orElse(null);
      Integer targetVersion = instance.getProcessDefinitionVersion();
      if (sourceVersion == null || targetVersion == null || sourceVersion.equals(targetVersion)) {
        return;
      }
      audit.recordIfLoan(instance.getBusinessKey(), AuditAction.MODEL_MIGRATION, startedBy(), null, Map.of(
          AuditDetails.PROCESS, instance.getProcessDefinitionKey(),
          AuditDetails.SOURCE_VERSION, sourceVersion,
          AuditDetails.TARGET_VERSION, targetVersion));
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private boolean firstInCommand(String processInstanceId) {
    CommandContext command = Context.getCommandContext();
    return command == null
        || recorded.computeIfAbsent(command, c -> ConcurrentHashMap.newKeySet()).add(processInstanceId);
  }

  private String startedBy() {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      return null;
    }
    if (command.getAuthenticatedUserId() != null) {
      return command.getAuthenticatedUserId();
    }
    JobEntity job = command.getCurrentJob();
    if (job == null || job.getJobDefinitionId() == null) {
      return null;
    }
    return jdbc.sql("SELECT create_user_id_ FROM act_ru_batch WHERE batch_job_def_id_ = :definition")
        .param("definition", job.getJobDefinitionId()).query(String.class).optional().orElse(null);
  }
}
