package de.quartierskredit.system.engine;

import de.quartierskredit.tasklist.CaseDisplay;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On start, gives the open tasks that have no {@link CaseDisplay} copies yet (created before this version)
 * the names of their case, so every entry in the task list identifies its loan, not only the new ones. Reads
 * a page of such tasks at a time (by id, so a task without a case is looked at once per start and then
 * passed), each page in its own transaction under the {@link StartupLock}: a second node waits, then finds
 * them done. After the first start it finds nothing but the few tasks of no case.
 */
@Component
class CaseDisplayBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(CaseDisplayBackfill.class);
  static final int PAGE = 200;

  private final JdbcClient jdbc;
  private final TaskService tasks;
  private final ManagementService management;
  private final CaseDisplay caseDisplay;
  private final StartupLock lock;

  CaseDisplayBackfill(JdbcClient jdbc, TaskService tasks, ManagementService management, CaseDisplay caseDisplay,
      StartupLock lock) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.management = management;
    this.caseDisplay = caseDisplay;
    this.lock = lock;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(2)
  public void onStart() {
    int filled = fillAll();
    if (filled > 0) {
      LOG.info("Case display: {} open tasks given the names of their case", filled);
    }
  }

  /** Fills every open task without copies; how many got them. */
  int fillAll() {
    int filled = 0;
    String after = "";
    while (true) {
      List<OpenTask> page = page(after);
      if (page.isEmpty()) {
        return filled;
      }
      try {
        filled += lock.hold(() -> fill(page));
      } catch (RuntimeException e) {
        // a task completed meanwhile, say: this page waits for the next start, the start goes on
        LOG.warn("Case display: {} open tasks from {} left for the next start: {}", page.size(),
            page.get(0).taskId(), e.toString());
      }
      after = page.get(page.size() - 1).taskId();
    }
  }

  private int fill(List<OpenTask> page) {
    int filled = 0;
    for (OpenTask task : page) {
      Map<String, String> values = caseDisplay.values(task.businessKey(), task.processInstanceId());
      boolean open = tasks.createTaskQuery().taskId(task.taskId()).count() == 1;
      if (!values.isEmpty() && open && tasks.getVariableLocal(task.taskId(), CaseDisplay.BORROWER) == null) {
        tasks.setVariablesLocal(task.taskId(), values);
        filled++;
      }
    }
    return filled;
  }

  private List<OpenTask> page(String after) {
    String sql = """
        SELECT t.ID_ AS task_id, t.PROC_INST_ID_ AS process_instance_id, e.BUSINESS_KEY_ AS business_key
        FROM %s t JOIN %s e ON e.ID_ = t.PROC_INST_ID_
        WHERE t.ID_ > :after
          AND NOT EXISTS (SELECT 1 FROM %s v WHERE v.TASK_ID_ = t.ID_ AND v.NAME_ = :marker)
        ORDER BY t.ID_
        FETCH FIRST %d ROWS ONLY""".formatted(management.getTableName(Task.class),
        management.getTableName(Execution.class), management.getTableName(VariableInstanceEntity.class), PAGE);
    return jdbc.sql(sql).param("after", after).param("marker", CaseDisplay.BORROWER)
        .query((rs, row) -> new OpenTask(rs.getString("task_id"), rs.getString("process_instance_id"),
            rs.getString("business_key")))
        .list();
  }

  private record OpenTask(String taskId, String processInstanceId, String businessKey) {}
}
