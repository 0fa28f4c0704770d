package de.quartierskredit.system.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes of our own on Camunda's tables, created once the engine has created its schema (Flyway
 * runs before the engine, when these tables do not exist yet on a new database). Idempotent, and
 * harmless when several nodes start at once.
 *
 * <p>{@code QK_IDX_TASK_PARENT}: completing any task makes Camunda look for its subtasks
 * ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}), and Camunda indexes no such
 * column, so every completion reads the whole task table. With a monthly contact task open for
 * every loan that is a table of 100,000 rows read 100,000 times a month; measured in the 100,000-loan
 * benchmark: 4.2 ms per completion before (a table that had held 100,000 tasks, 633 rows left) and
 * 0.01 ms after (docs/benchmarks.md).
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  static final String TASK_PARENT = "QK_IDX_TASK_PARENT";

  static final List<String> INDEXES = List.of(
      "CREATE INDEX IF NOT EXISTS " + TASK_PARENT + " ON ACT_RU_TASK (PARENT_TASK_ID_)");

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      for (String index : INDEXES) {
        try {
          statement.execute(index);
        } catch (SQLException raced) {
          // two nodes starting at the same moment: IF NOT EXISTS is not atomic on PostgreSQL
          LOG.info("Index not created by this node ({}); another node may have created it: {}", raced.getMessage(),
              index);
        }
      }
    } catch (SQLException failed) {
      throw new IllegalStateException("Could not create Quartierskredit's indexes on the engine tables", failed);
    }
  }
}
