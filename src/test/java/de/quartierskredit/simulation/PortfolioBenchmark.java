package de.quartierskredit.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.portfolio.PortfolioService;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The benchmark of docs/benchmarks.md, on the build's PostgreSQL. Not part of the test suite (the
 * class name matches no test pattern); run it with {@code ./mvnw -Pbenchmark verify -Dloans=1000 -Dmonths=3}.
 * All figures come from one run so that they compare; it prints a markdown table and writes it to
 * {@code target/benchmark.md}.
 */
@QuartierskreditTest
@TestPropertySource(properties = {"quartierskredit.test.isolated-context=benchmark",
    "camunda.bpm.process-engine-name=benchmark"})
class PortfolioBenchmark {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @Autowired PortfolioSimulator simulator;
  @Autowired PortfolioService portfolio;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Test
  void measure() throws Exception {
    int loans = Integer.getInteger("loans", 1000);
    int months = Integer.getInteger("months", 3);
    List<String> rows = new ArrayList<>();
    LocalDate start = LocalDate.of(2031, 1, 10);

    // (a) our models, with the domain logic
    long commitsBefore = commits();
    var summary = simulator.run(new SimulationSettings(loans, months, 0.12, 0.5, 0.3, 42L, start,
        new BigDecimal("5000.00"), 24), System.out::println);
    long ourCommits = commits() - commitsBefore;
    double ours = summary.loanMonthsPerSecond();
    rows.add(row("(a) our models: loan-months per second (incl. creating the loans)", ours));
    rows.add(row("(a) database commits per loan-month", (double) ourCommits / summary.loanMonths()));

    // (b) the bare engine: a timer, a user task and a message wait per month, no domain logic
    double bare = bareEngine(loans, months, start.plusYears(10));
    rows.add(row("(b) bare engine, same shape: loan-months per second", bare));

    // (c) the database's own commit rate: one-row insert commits over JDBC
    double commitRate = jdbcCommits(5000);
    rows.add(row("(c) PostgreSQL one-row insert commits per second (JDBC)", commitRate));
    rows.add(row("(a) database commits per second", ourCommits / (summary.elapsed().toMillis() / 1000.0)));

    // (d) the 15th report: our SQL report, raw SQL aggregate, Camunda variable queries
    LocalDate fifteenth = start.plusMonths(1).withDayOfMonth(15);
    double report = millis(() -> portfolio.reportAsOf(fifteenth));
    double raw = millis(() -> jdbc.sql("""
        SELECT COUNT(*), SUM(outstanding_principal), SUM(CASE WHEN disturbed THEN 1 ELSE 0 END)
        FROM loan WHERE state = 'ACTIVE'""").query().listOfRows());
    double variables = millis(() -> {
      int disturbed = 0;
      for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey("loan-servicing").list()) {
        Object arrears = runtime.getVariable(instance.getId(), "arrears");
        disturbed += arrears == null ? 0 : 1;
      }
      return disturbed;
    });
    rows.add(row("(d) 15th report over all loans (ms)", report));
    rows.add(row("(d) raw SQL aggregate (ms)", raw));
    rows.add(row("(d) same count through Camunda variable queries (ms)", variables));

    // (e) memory and database size
    long rssMb = rssKb() / 1024;
    rows.add(row("(e) RSS of the application JVM (MB)", rssMb));
    long runtimeBytes = tableBytes("act_ru_%");
    long historyBytes = tableBytes("act_hi_%");
    long domainBytes = tableBytes("loan%") + tableBytes("repayment_%") + tableBytes("bank_event")
        + tableBytes("borrower_contact") + tableBytes("contact_obligation");
    rows.add(row("(e) engine runtime tables per loan (bytes)", (double) runtimeBytes / loans));
    rows.add(row("(e) engine history tables per loan (bytes)", (double) historyBytes / loans));
    rows.add(row("(e) our tables per loan (bytes)", (double) domainBytes / loans));

    rows.add(row("ratio a/b (target >= 0.5)", ours / bare));
    rows.add(row("ratio commits/s of (a) to (c) (target >= 0.25)",
        (ourCommits / (summary.elapsed().toMillis() / 1000.0)) / commitRate));
    rows.add(row("ratio report / raw SQL (target <= 2)", report / raw));
    rows.add(row("ratio variable queries / report (target >= 50)", variables / report));

    String table = String.format(Locale.ROOT, "Benchmark: %,d loans x %d months on PostgreSQL, %d cores%n%n"
        + "| figure | value |%n|---|---|%n%s%n", loans, months, Runtime.getRuntime().availableProcessors(),
        String.join("\n", rows));
    System.out.println(table);
    Files.writeString(Path.of("target", "benchmark.md"), table);
    assertThat(summary.loanMonths()).isPositive();
  }

  private double bareEngine(int instances, int months, LocalDate start) {
    BpmnModelInstance model = Bpmn.createExecutableProcess("bare-engine-loop").camundaHistoryTimeToLive(1)
        .startEvent()
        .exclusiveGateway("join")
        .intermediateCatchEvent("monthly").timerWithDate("${next}")
        .userTask("contact").camundaCandidateGroups("microfinancer")
        .intermediateCatchEvent("instalment").message("BareInstalment")
        .connectTo("join")
        .done();
    String deployment = repository.createDeployment().addModelInstance("bare-engine-loop.bpmn", model).deploy().getId();
    try {
      Instant began = Instant.now();
      for (int i = 0; i < instances; i++) {
        runtime.startProcessInstanceByKey("bare-engine-loop", "bare-" + i,
            java.util.Map.of("next", Date.from(start.plusMonths(1).withDayOfMonth(1).atTime(6, 0).atZone(ZONE).toInstant())));
      }
      for (int month = 1; month <= months; month++) {
        LocalDate first = start.plusMonths(month).withDayOfMonth(1);
        ClockUtil.setCurrentTime(Date.from(first.atTime(6, 30).atZone(ZONE).toInstant()));
        List<Job> due;
        while (!(due = management.createJobQuery().processDefinitionKey("bare-engine-loop").executable().listPage(0, 500)).isEmpty()) {
          due.forEach(job -> management.executeJob(job.getId()));
        }
        Date next = Date.from(first.plusMonths(1).atTime(6, 0).atZone(ZONE).toInstant());
        List<Task> open;
        while (!(open = tasks.createTaskQuery().processDefinitionKey("bare-engine-loop").listPage(0, 500)).isEmpty()) {
          open.forEach(task -> tasks.complete(task.getId(), java.util.Map.of("next", next)));
        }
        for (int i = 0; i < instances; i++) {
          runtime.createMessageCorrelation("BareInstalment").processInstanceBusinessKey("bare-" + i).correlate();
        }
      }
      return (double) instances * months / (Duration.between(began, Instant.now()).toMillis() / 1000.0);
    } finally {
      ClockUtil.reset();
      repository.deleteDeployment(deployment, true);
    }
  }

  private double jdbcCommits(int count) throws Exception {
    try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS benchmark_commit (id BIGINT, at TIMESTAMP)");
      connection.setAutoCommit(true);
      try (var insert = connection.prepareStatement("INSERT INTO benchmark_commit VALUES (?, now())")) {
        Instant began = Instant.now();
        for (int i = 0; i < count; i++) {
          insert.setLong(1, i);
          insert.executeUpdate();
        }
        double rate = count / (Duration.between(began, Instant.now()).toMillis() / 1000.0);
        statement.execute("DROP TABLE benchmark_commit");
        return rate;
      }
    }
  }

  private long commits() {
    return jdbc.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
        .query(Long.class).single();
  }

  private long tableBytes(String pattern) {
    return jdbc.sql("""
        SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE :p""")
        .param("p", pattern).query(Long.class).single();
  }

  private static long rssKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    return -1;
  }

  private static double millis(java.util.concurrent.Callable<?> work) {
    try {
      work.call(); // warm up
      Instant began = Instant.now();
      work.call();
      return Duration.between(began, Instant.now()).toNanos() / 1_000_000.0;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String row(String figure, double value) {
    return String.format(Locale.ROOT, "| %s | %,.2f |", figure, value);
  }
}
