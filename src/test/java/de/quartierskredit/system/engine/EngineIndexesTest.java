package de.quartierskredit.system.engine;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.support.QuartierskreditTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Our indexes on Camunda's tables exist after start, and PostgreSQL uses them. */
@QuartierskreditTest
class EngineIndexesTest {

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Test
  void shouldFindSubtasksThroughAnIndexInsteadOfReadingTheWholeTaskTable() throws Exception {
    assertThat(jdbc.sql("SELECT COUNT(*) FROM pg_indexes WHERE indexname = lower(:name)")
        .param("name", EngineIndexes.TASK_PARENT).query(Integer.class).single()).isOne();
    // the plan of Camunda's subtask lookup, with sequential scans priced out as on a large table
    StringBuilder plan = new StringBuilder();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SET enable_seqscan = off");
      try (ResultSet rows = statement.executeQuery(
          "EXPLAIN SELECT * FROM ACT_RU_TASK WHERE PARENT_TASK_ID_ = 'some-task'")) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      } finally {
        statement.execute("RESET enable_seqscan");
      }
    }
    assertThat(plan.toString()).containsIgnoringCase("qk_idx_task_parent");
  }
}
