package de.quartierskredit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A node dies in the middle of a month: the packaged application on PostgreSQL runs the portfolio
 * simulator (simulate mode) for a few thousand loans, is killed with SIGKILL while the bank reports
 * the month's instalments, is started again with the same command and finishes the month. Afterwards
 * every loan has exactly one contact task and one contact obligation for the month, every bank event
 * was applied exactly once, the principal in the loan table equals the dated principal history, and
 * no incident exists.
 */
class CrashIT {

  private static final int LOANS = Integer.getInteger("quartierskredit.crash.loans", 1500);
  private static final String DUE = "2031-02-10";

  @Test
  void shouldFinishTheMonthExactlyOnceAfterASigkill() throws Exception {
    Path workDir = Path.of("target", "crash-it").toAbsolutePath();
    Files.createDirectories(workDir);
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(workDir.toFile())
        .setDataDirectory(Files.createTempDirectory(workDir, "data-"))
        .setCleanDataDirectory(true)
        .setRegisterShutdownHook(false)
        .setServerConfig("fsync", "off")
        .start();
    List<Process> started = new ArrayList<>();
    try {
      String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
      DataSource database = postgres.getPostgresDatabase();

      Process first = simulation(jdbcUrl, workDir.resolve("run-1.log"));
      started.add(first);
      long eventsAtKill = waitForBankEvents(database, first, LOANS / 3, workDir.resolve("run-1.log"));
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful close
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      System.out.printf("killed after %,d of %,d bank events%n", eventsAtKill, LOANS);
      assertThat(eventsAtKill).isLessThan(LOANS);

      Process second = simulation(jdbcUrl, workDir.resolve("run-2.log"));
      started.add(second);
      assertThat(second.waitFor(600, TimeUnit.SECONDS)).as("second run finishes").isTrue();
      assertThat(second.exitValue()).as(Files.readString(workDir.resolve("run-2.log"))).isZero();
      assertThat(Files.readString(workDir.resolve("run-2.log"))).contains("resuming with")
          .contains("Simulation finished")
          // no local fund is registered on this database (the postgres profile has no demo data)
          .containsPattern("Local funds .*\\n  none registered");

      try (Connection db = database.getConnection()) {
        assertThat(single(db, "SELECT COUNT(*) FROM loan WHERE purpose = 'Simulierter Kredit'")).isEqualTo(LOANS);
        // one contact obligation and one contact task per loan for February
        assertThat(single(db, "SELECT COUNT(*) FROM contact_obligation WHERE contact_month = '2031-02'")).isEqualTo(LOANS);
        assertThat(single(db, """
            SELECT COUNT(*) FROM (SELECT proc_inst_id_ FROM act_hi_taskinst WHERE task_def_key_ = 'Task_MonthlyContact'
            GROUP BY proc_inst_id_ HAVING COUNT(*) > 1) twice""")).isZero();
        assertThat(single(db, """
            SELECT COUNT(DISTINCT proc_inst_id_) FROM act_hi_taskinst WHERE task_def_key_ = 'Task_MonthlyContact'""")).isEqualTo(LOANS);
        // every instalment reported once and booked once
        assertThat(single(db, "SELECT COUNT(*) FROM bank_event WHERE value_date = DATE '" + DUE + "'")).isEqualTo(LOANS);
        assertThat(single(db, "SELECT COUNT(DISTINCT loan_reference) FROM bank_event WHERE value_date = DATE '" + DUE + "'"))
            .isEqualTo(LOANS);
        // the original schedule's February line was booked (a rescheduling later supersedes open lines)
        assertThat(single(db, """
            SELECT COUNT(*) FROM repayment_schedule_line l JOIN repayment_schedule s ON s.id = l.schedule_id AND s.version = 1
            WHERE l.due_on = DATE '""" + DUE + "' AND l.state NOT IN ('PAID', 'MISSED', 'SUPERSEDED')")).isZero();
        // one principal repayment per instalment the bank reported paid, none twice
        assertThat(single(db, "SELECT COUNT(*) FROM loan_principal_movement WHERE kind = 'REPAYMENT'"))
            .isEqualTo(single(db, "SELECT COUNT(*) FROM bank_event WHERE event_type = 'INSTALMENT_PAID'"));
        assertThat(single(db, """
            SELECT COUNT(*) FROM repayment_schedule_line l WHERE l.due_on = DATE '""" + DUE + "' AND l.paid_amount > l.instalment"))
            .isZero();
        // the fund figures add up: the loan table's principal equals the dated principal history
        assertThat(single(db, """
            SELECT COUNT(*) FROM loan l WHERE l.purpose = 'Simulierter Kredit' AND l.outstanding_principal <>
              (SELECT SUM(m.amount) FROM loan_principal_movement m WHERE m.loan_id = l.id)""")).isZero();
        assertThat(single(db, "SELECT COUNT(*) FROM act_ru_incident")).as(incidents(db)).isZero();
      }
    } finally {
      for (Process process : started) {
        if (process.isAlive()) {
          process.destroyForcibly();
          process.waitFor(30, TimeUnit.SECONDS);
        }
      }
      postgres.close();
    }
  }

  /** The packaged application in simulate mode: one month of LOANS loans, then it exits. */
  private static Process simulation(String jdbcUrl, Path log) throws IOException {
    var builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-jar", Path.of(System.getProperty("quartierskredit.jar", "target/quartierskredit.jar")).toString(),
        "--spring.profiles.active=postgres", "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--quartierskredit.simulate.loans=" + LOANS, "--quartierskredit.simulate.months=1")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(variable -> variable.startsWith("QK_"));
    builder.environment().putAll(Map.of("QK_DB_URL", jdbcUrl, "QK_DB_USER", "postgres", "QK_DB_PASSWORD", "postgres",
        "QK_ADMIN_USER", "petra", "QK_ADMIN_PASSWORD", "Quartier-Kredit-2026!"));
    Process process = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    return process;
  }

  private static long waitForBankEvents(DataSource database, Process run, long atLeast, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(300));
    while (Instant.now().isBefore(deadline)) {
      if (!run.isAlive()) {
        throw new AssertionError("the first run ended before it was killed:\n" + Files.readString(log));
      }
      try (Connection db = database.getConnection()) {
        long events = single(db, "SELECT COUNT(*) FROM bank_event");
        if (events >= atLeast) {
          return events;
        }
      } catch (SQLException notYetMigrated) {
        // the tables appear when the application has started
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no bank events within 300 s:\n" + Files.readString(log));
  }

  private static String incidents(Connection db) throws SQLException {
    StringBuilder text = new StringBuilder("incidents:");
    try (var statement = db.createStatement(); var rows = statement.executeQuery(
        "SELECT incident_type_, activity_id_, incident_msg_ FROM act_ru_incident")) {
      while (rows.next()) {
        text.append("\n  ").append(rows.getString(1)).append(" at ").append(rows.getString(2)).append(": ")
            .append(rows.getString(3));
      }
    }
    return text.toString();
  }

  private static long single(Connection db, String sql) throws SQLException {
    try (var statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
