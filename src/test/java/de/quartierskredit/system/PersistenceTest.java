package de.quartierskredit.system;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.fund.LocalFund;
import de.quartierskredit.fund.LocalFundRepository;
import de.quartierskredit.fund.QuarterRepository;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Our tables and the engine's on one real PostgreSQL, migrated by Flyway and the engine, in one transaction. */
@QuartierskreditTest
class PersistenceTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired QuarterRepository quarters;
  @Autowired LocalFundRepository funds;

  @Test
  void shouldRunOnPostgresWithFlywayMigrationsAndTheEngineSchema() throws Exception {
    try (var connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      assertThat(meta.getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(meta.getDatabaseMajorVersion()).isGreaterThanOrEqualTo(17);
    }
    assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
        .query(String.class).list()).startsWith("1", "2");
    assertThat(jdbc.sql("SELECT count(*) FROM act_ge_property WHERE name_ = 'schema.version'")
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(quarters.findAll()).extracting("name").containsExactlyInAnyOrder(
        "Offenbach", "Duisburg", "Gelsenkirchen", "Leipzig", "Nürnberg", "Kiel", "Pforzheim");
  }

  @Test
  void shouldSeedALocalFundOf20To25ThousandEurosForEveryQuarterInTheDemo() {
    for (var quarter : quarters.findAll()) {
      var fund = funds.findByQuarter(quarter.code()).orElseThrow();
      assertThat(fund.paidInCapital()).isBetween(new BigDecimal("20000.00"), new BigDecimal("25000.00"));
      assertThat(fund.paidInCapital().scale()).isEqualTo(2);
      BigDecimal contributions = fund.partners().stream()
          .map(LocalFund.Partner::contribution)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(contributions).isEqualByComparingTo(fund.paidInCapital());
    }
  }

  @Test
  void shouldRollBackEngineAndDomainWritesTogether() {
    long tasksBefore = taskService.createTaskQuery().count();
    long applicantsBefore = applicants();

    transactions.executeWithoutResult(status -> {
      var task = taskService.newTask();
      task.setName("rolled back with the applicant");
      taskService.saveTask(task);
      jdbc.sql("INSERT INTO applicant (first_name, last_name, created_at) VALUES ('Rita', 'Rollback', :now)")
          .param("now", LocalDateTime.now())
          .update();
      assertThat(applicants()).isEqualTo(applicantsBefore + 1);
      status.setRollbackOnly();
    });

    assertThat(taskService.createTaskQuery().count()).isEqualTo(tasksBefore);
    assertThat(applicants()).isEqualTo(applicantsBefore);
  }

  @Test
  void shouldStoreMoneyWithTwoDecimalPlaces() {
    long fundId = funds.findByQuarter("kiel").orElseThrow().id();
    BigDecimal stored = jdbc.sql("SELECT paid_in_capital FROM local_fund WHERE id = :id")
        .param("id", fundId).query(BigDecimal.class).single();
    assertThat(stored.scale()).isEqualTo(2);
  }

  private long applicants() {
    return jdbc.sql("SELECT count(*) FROM applicant").query(Long.class).single();
  }
}
