package de.quartierskredit.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.portfolio.PortfolioService;
import de.quartierskredit.support.EmbeddedPostgresConfiguration;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The benchmark of docs/benchmarks.md, on the build's PostgreSQL. Not part of the test suite (the
 * class name matches no test pattern); run it with {@code ./mvnw -Pbenchmark verify -Dloans=1000 -Dmonths=3}.
 * All figures come from one run so that they compare; it prints a markdown table and writes it to
 * {@code target/benchmark.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
// not @QuartierskreditTest: the process-test coverage listener it brings records every flow node
// event in memory, which would be measured as our cost
@Import(EmbeddedPostgresConfiguration.class)
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
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

  @Test
  void measure() throws Exception {
    int loans = Integer.getInteger("loans", 1000);
    int months = Integer.getInteger("months", 3);
    int threads = Integer.getInteger("threads", 4);
    int bareMonths = Math.min(months, Integer.getInteger("bareMonths", 3));
    String historyLevel = System.getProperty("camunda.bpm.history-level", "full");
    List<String> rows = new ArrayList<>();
    LocalDate start = LocalDate.of(2031, 1, 10);
    jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
    // the calibrated borrower model (the simulator's default); -Dmodel=fixed-rates -Ddisturbance=0.12 runs the
    // earlier model of fixed monthly rates, as the benchmarks before issue 16 did
    boolean fixedRates = "fixed-rates".equals(System.getProperty("model", "borrower"));
    double disturbance = Double.parseDouble(System.getProperty("disturbance", "0.12"));
    var settings = new SimulationSettings(loans, months, fixedRates
        ? BorrowerBehaviour.Parameters.fixedRates(disturbance, 0.5) : BorrowerBehaviour.Parameters.BROCHURE, 0.3, 42L,
        start, new BigDecimal("5000.00"), 24, threads, 1);
    String model = fixedRates ? String.format(Locale.ROOT, "fixed rates, disturbance rate %.2f", disturbance)
        : "borrower model (brochure calibration)";

    // (a) our models, with the domain logic: creating the loans, then the months
    Counts beforeSeeding = counts();
    Instant seedingBegan = Instant.now();
    simulator.createLoans(settings, System.out::println);
    double seedingSeconds = seconds(seedingBegan);
    Counts afterSeeding = counts();
    jdbc.sql("SELECT pg_stat_statements_reset()").query().listOfRows();
    var summary = simulator.run(settings, System.out::println);
    Counts afterMonths = counts();
    double ours = summary.loanMonthsPerSecond();
    double monthSeconds = summary.elapsed().minus(summary.seeding()).toMillis() / 1000.0;
    rows.add(row("(a) loans created per second (disbursed loan with schedule and servicing instance)",
        loans / seedingSeconds));
    rows.add(row("(a) database commits per loan created", (double) (afterSeeding.commits - beforeSeeding.commits) / loans));
    rows.add(row("**(a) our models: loan-months per second**", ours));
    rows.add(row("(a) database commits (transactions) per loan-month",
        (double) (afterMonths.commits - afterSeeding.commits) / summary.loanMonths()));
    rows.add(row("(e) SQL statements per loan-month",
        (double) (afterMonths.statements - afterSeeding.statements) / summary.loanMonths()));
    var warning = summary.earlyWarning();
    rows.add(row(String.format(Locale.ROOT, "(f) early warning: share of the %,d disturbances flagged beforehand",
        warning.disturbances()), warning.flaggedShare()));
    rows.add(row(String.format(Locale.ROOT, "(f) early warning: share of false alarms (%,d warnings raised %d months "
        + "or more before the end; none when the run is shorter)", warning.warnings(),
        SimulationSummary.EarlyWarningFigures.HORIZON_MONTHS), warning.falseAlarmShare()));
    rows.add(row("(f) loans disturbed on an average 15th (share)", summary.brochure().disturbedOnAverageFifteenth()));
    double ourCommitRate = (afterMonths.commits - afterSeeding.commits) / monthSeconds;
    rows.add(row("(a) database commits per second", ourCommitRate));
    String topStatements = topStatements();
    String correlationPlan = correlationPlan();
    String variableTypes = variableTypes();

    // (d) the 15th report: our SQL report, the raw SQL aggregate, Camunda variable queries
    LocalDate fifteenth = start.plusMonths(months).withDayOfMonth(15);
    double report = millis(() -> portfolio.reportAsOf(fifteenth));
    double raw = millis(() -> jdbc.sql(RAW_AGGREGATE).param("asOf", fifteenth).query().listOfRows());
    List<String> instances = runtime.createProcessInstanceQuery().processDefinitionKey("loan-servicing").list()
        .stream().map(ProcessInstance::getId).toList();
    List<String> sample = instances.subList(0, Math.min(instances.size(), 5000));
    double variablesSample = millis(() -> {
      int disturbed = 0;
      for (String instance : sample) {
        disturbed += runtime.getVariable(instance, "arrears") == null ? 0 : 1;
      }
      return disturbed;
    }, 1);
    double variables = variablesSample * instances.size() / Math.max(1, sample.size());
    rows.add(row("(d) 15th report over " + String.format(Locale.ROOT, "%,d", instances.size()) + " loans (ms)", report));
    rows.add(row("(d) raw SQL aggregate, same figures by quarter (ms)", raw));
    rows.add(row("(d) same count through Camunda variable queries (ms" + (sample.size() < instances.size()
        ? String.format(Locale.ROOT, ", measured over %,d instances and scaled", sample.size()) : "") + ")", variables));

    // (e) memory and database size
    rows.add(row("(e) RSS of this JVM: engine, simulator and test harness (MB)", rssKb(ProcessHandle.current().pid()) / 1024.0));
    for (var jvm : List.of(List.<String>of(), ApplicationMemory.RECOMMENDED)) {
      rows.add(row("(e) RSS of the packaged application on this database, " + (jvm.isEmpty() ? "JVM defaults"
          : String.join(" ", jvm)) + " (MB)", ApplicationMemory.measure(jdbcUrl(), jvm) / 1024.0));
    }
    long runtimeBytes = tableBytes("act_ru_%");
    long historyBytes = tableBytes("act_hi_%");
    long domainBytes = tableBytes("loan%") + tableBytes("repayment_%") + tableBytes("bank_event")
        + tableBytes("borrower_contact") + tableBytes("contact_obligation");
    rows.add(row("(e) engine runtime tables per loan (bytes)", (double) runtimeBytes / loans));
    rows.add(row("(e) engine history tables per loan (bytes, history level " + historyLevel + ")",
        (double) historyBytes / loans));
    rows.add(row("(e) our tables per loan (bytes)", (double) domainBytes / loans));

    // (c) the database's own commit rate: pgbench when installed, and one-row insert commits over JDBC
    double jdbcRate = jdbcCommits(5000);
    rows.add(row("(c) PostgreSQL one-row insert commits per second (JDBC, one connection)", jdbcRate));
    double commitRate = jdbcRate;
    String commitRateName = "one-row JDBC commits";
    Optional<Path> pgbench = pgbench();
    if (pgbench.isPresent()) {
      int seconds = Integer.getInteger("pgbenchSeconds", 30);
      rows.add(row("(c) pgbench TPC-B-like transactions per second, 1 client", pgbench(pgbench.get(), 1, seconds)));
      commitRate = pgbench(pgbench.get(), threads, seconds);
      commitRateName = "pgbench, " + threads + " clients";
      rows.add(row("**(c) pgbench TPC-B-like transactions per second, " + threads
          + " clients (as many as the simulator's threads)**", commitRate));
    }

    // history cleanup: the nightly job on the history of the loans that ended, once it is due
    rows.addAll(historyCleanup(start.plusMonths(months), summary.loanMonths(),
        Duration.ofMinutes(Long.getLong("cleanupMinutes", 3))));

    // (b) the bare engine: a timer, a user task and a message wait per month, no domain logic
    // last, so that nothing above measures its instances; they stay (deleting 100,000 instances in one
    // command takes Camunda hours), the database is thrown away after the run
    Bare bare = bareEngine(loans, bareMonths, threads, start.plusYears(20));
    System.out.printf(Locale.ROOT, "bare engine: %.2f loan-months per second%n", bare.loanMonthsPerSecond());
    rows.add(row("**(b) bare engine, same shape: loan-months per second** (" + bareMonths + " months)",
        bare.loanMonthsPerSecond()));
    rows.add(row("(b) bare engine: database commits per loan-month", bare.commitsPerLoanMonth()));
    rows.add(row("(b) bare engine: database commits per second", bare.commitsPerSecond()));

    rows.add(row("**ratio a/b** (target >= 0.5)", ours / bare.loanMonthsPerSecond()));
    rows.add(row("**ratio commits/s of (a) to (c)** (" + commitRateName + "; target >= 0.25)",
        ourCommitRate / commitRate));
    rows.add(row("ratio commits/s of (b) to (c) (" + commitRateName + "): the bare engine against the same target",
        bare.commitsPerSecond() / commitRate));
    if (commitRate != jdbcRate) {
      rows.add(row("ratio commits/s of (a) to one-row JDBC commits", ourCommitRate / jdbcRate));
    }
    rows.add(row("**ratio report / raw SQL** (target <= 2)", report / raw));
    rows.add(row("**ratio variable queries / report** (target >= 50)", variables / report));

    String table = String.format(Locale.ROOT, """
        Benchmark: %,d loans x %d months on PostgreSQL (durable: fsync on), %d cores, %d simulator threads, \
        history level %s, %s
        
        | figure | value |
        |---|---|
        %s
        
        Simulation:
        ```
        %s
        ```
        
        Runtime variables by type: %s
        
        History tables, largest first:
        %s
        
        Statements by total time during the months (pg_stat_statements):
        %s
        
        Plan of the message correlation by business key (bank event -> loan-servicing):
        ```
        %s
        ```
        """, loans, months, Runtime.getRuntime().availableProcessors(), threads, historyLevel, model,
        String.join("\n", rows), SimulationRunner.describe(summary), variableTypes, largestTables("act_hi_%"), topStatements, correlationPlan);
    System.out.println(table);
    Files.writeString(Path.of("target", "benchmark.md"), table);
    assertThat(summary.loanMonths()).isPositive();
    assertThat(summary.incidents()).isZero();
  }

  /** The 15th's figures by quarter in one statement: what the report computes, without the application. */
  static final String RAW_AGGREGATE = """
      SELECT l.quarter_code, COUNT(*), SUM(b.outstanding),
             SUM(CASE WHEN EXISTS (SELECT 1 FROM loan_disturbance_period d WHERE d.loan_id = b.loan_id
                   AND d.started_on <= :asOf AND (d.ended_on IS NULL OR d.ended_on > :asOf)) THEN 1 ELSE 0 END)
      FROM (SELECT loan_id, SUM(amount) AS outstanding FROM loan_principal_movement WHERE value_date <= :asOf
            GROUP BY loan_id HAVING SUM(amount) > 0) b
      JOIN loan l ON l.id = b.loan_id
      GROUP BY l.quarter_code""";

  private record Counts(long commits, long statements) {}

  private Counts counts() throws InterruptedException {
    Thread.sleep(11_000); // backends report their commits to pg_stat_database at the latest 10 s after going idle
    jdbc.sql("SELECT pg_stat_clear_snapshot()").query().listOfRows();
    return new Counts(jdbc.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
        .query(Long.class).single(),
        jdbc.sql("""
            SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())""")
            .query(Long.class).single());
  }

  private String topStatements() throws Exception {
    Files.writeString(Path.of("target", "benchmark-statements.txt"), String.join("\n\n", jdbc.sql("""
            SELECT calls || ' calls, ' || round(total_exec_time::numeric, 0) || ' ms: ' || query FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time DESC LIMIT 40""").query(String.class).list()));
    String top = jdbc.sql("""
            SELECT calls, round(total_exec_time::numeric, 0) AS ms, round(mean_exec_time::numeric, 3) AS mean,
                   left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS query
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time DESC LIMIT 15""")
        .query((rs, row) -> String.format(Locale.ROOT, "- %,d calls, %,d ms, %s ms each: `%s`", rs.getLong("calls"),
            rs.getLong("ms"), rs.getBigDecimal("mean"), rs.getString("query").replace('`', '\'')))
        .list().stream().reduce((a, b) -> a + "\n" + b).orElse("");
    jdbc.sql("SELECT pg_stat_statements_reset()").query().listOfRows();
    return top;
  }

  /** How PostgreSQL finds the instance waiting for a bank message, at this size (Camunda's own query). */
  private String correlationPlan() {
    String reference = jdbc.sql("SELECT reference FROM loan WHERE purpose = :purpose ORDER BY id DESC LIMIT 1")
        .param("purpose", PortfolioSimulator.PURPOSE)
        .query(String.class).single();
    String query = """
            select distinct RES.* from ACT_RU_EXECUTION RES
            inner join ACT_RU_EXECUTION INST on RES.PROC_INST_ID_ = INST.ID_
            inner join ACT_RE_PROCDEF P on RES.PROC_DEF_ID_ = P.ID_
            WHERE INST.BUSINESS_KEY_ = :key and RES.SUSPENSION_STATE_ = 1 and exists (select ID_ from ACT_RU_EVENT_SUBSCR EVT
              where EVT.EXECUTION_ID_ = RES.ID_ and EVT.EVENT_TYPE_ = 'message' and EVT.EVENT_NAME_ = 'LoanDisturbed')
            order by RES.ID_ asc LIMIT $2 OFFSET $3""";
    // what the application runs: a prepared statement, which PostgreSQL may plan once for any key
    return jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + query.replace(":key", "'" + reference + "'")
            .replace("$2", "2147483647").replace("$3", "0")).query(String.class).list().stream()
        .reduce((a, b) -> a + "\n" + b).orElse("")
        + "\n\n-- the same as a generic plan (what a prepared statement gets after five runs):\n"
        + transactions.execute(status -> {
          jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
          jdbc.sql("PREPARE correlation(varchar, int, int) AS " + query.replace(":key", "$1")).update();
          try {
            return jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) EXECUTE correlation('" + reference + "', 2147483647, 0)")
                .query(String.class).list().stream().reduce((a, b) -> a + "\n" + b).orElse("");
          } finally {
            jdbc.sql("DEALLOCATE correlation").update();
          }
        });
  }

  /** Which kinds of values the engine stores: serialized Java objects would show up as "serializable"/"object". */
  private String variableTypes() {
    return jdbc.sql("SELECT TYPE_ AS type, COUNT(*) AS n FROM ACT_RU_VARIABLE GROUP BY TYPE_ ORDER BY 2 DESC")
        .query((rs, row) -> rs.getString("type") + " " + String.format(Locale.ROOT, "%,d", rs.getLong("n")))
        .list().toString();
  }

  private String largestTables(String pattern) {
    return jdbc.sql("""
            SELECT c.relname, pg_total_relation_size(c.oid) AS bytes, c.reltuples::bigint AS estimated_rows
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE :p
            ORDER BY 2 DESC LIMIT 8""")
        .param("p", pattern)
        .query((rs, row) -> String.format(Locale.ROOT, "- %s: %,d MB, about %,d rows", rs.getString(1),
            rs.getLong(2) / 1024 / 1024, rs.getLong(3)))
        .list().stream().reduce((a, b) -> a + "\n" + b).orElse("");
  }

  private String jdbcUrl() throws Exception {
    try (var connection = dataSource.getConnection()) {
      return connection.getMetaData().getURL();
    }
  }

  /**
   * Runs the history cleanup job as the nightly window would, on the history that is due once the
   * ended loans' time-to-live has passed, for at most {@code budget}: rows removed per second, and
   * how many loan-months of history the four-hour window (01:00-05:00) clears at that rate.
   */
  private List<String> historyCleanup(LocalDate simulationEnd, long loanMonths, Duration budget) {
    List<String> rows = new ArrayList<>();
    // the servicing model's time-to-live after the last month, at 02:00: inside the cleanup window
    int timeToLive = repository.createProcessDefinitionQuery().processDefinitionKey("loan-servicing").latestVersion()
        .singleResult().getHistoryTimeToLive();
    Date due = Date.from(simulationEnd.plusDays(timeToLive + 2).atTime(2, 0).atZone(ZONE).toInstant());
    List<String> tables = jdbc.sql("""
            SELECT table_name FROM information_schema.columns
            WHERE table_schema = 'public' AND column_name = 'removal_time_' ORDER BY table_name""")
        .query(String.class).list();
    long historyRows = tables.stream().mapToLong(table -> jdbc.sql("SELECT COUNT(*) FROM " + table)
        .query(Long.class).single()).sum();
    long endedLoans = history.createHistoricProcessInstanceQuery().processDefinitionKey("loan-servicing")
        .finished().count();
    long before = dueRows(tables, due);
    rows.add(row("(f) history rows per loan-month (all tables with a removal time)", (double) historyRows / loanMonths));
    rows.add(row(String.format(Locale.ROOT, "(f) history rows due for cleanup (%,d loans ended, time-to-live passed)",
        endedLoans), before));
    if (endedLoans == 0) {
      System.out.println("history cleanup: no loan has ended, nothing to measure (run more months than the term)");
      return rows;
    }
    ClockUtil.setCurrentTime(due);
    try {
      Instant began = Instant.now();
      int executions = 0;
      boolean left = true;
      history.cleanUpHistoryAsync(true); // the window's job, due now; run here as the job executor would
      while (left && Duration.between(began, Instant.now()).compareTo(budget) < 0) {
        for (Job job : history.findHistoryCleanupJobs()) {
          management.executeJob(job.getId());
          executions++;
        }
        left = executions % 20 != 0 || dueRows(tables, due) > 0;
      }
      double seconds = seconds(began);
      long removed = before - dueRows(tables, due);
      System.out.printf(Locale.ROOT, "history cleanup: %,d rows in %.1f s, %,d job executions%n", removed, seconds,
          executions);
      double perSecond = removed / seconds;
      rows.add(row(String.format(Locale.ROOT, "(f) history cleanup: rows removed per second (%,d job executions, "
          + "batch 500, one job)", executions), perSecond));
      rows.add(row("(f) loan-months of history the nightly window (4 h) clears at that rate",
          perSecond * 4 * 3600 / ((double) historyRows / loanMonths)));
    } finally {
      ClockUtil.reset();
    }
    return rows;
  }

  private long dueRows(List<String> tables, Date due) {
    return tables.stream().mapToLong(table -> jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE removal_time_ <= :due")
        .param("due", due).query(Long.class).single()).sum();
  }

  private record Bare(double loanMonthsPerSecond, double commitsPerSecond, double commitsPerLoanMonth) {}

  /** The same shape as loan-servicing's month, run by the same number of threads, split by instance. */
  private Bare bareEngine(int instances, int months, int threads, LocalDate start) throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess("bare-engine-loop").camundaHistoryTimeToLive(1)
        .startEvent()
        .exclusiveGateway("join")
        .intermediateCatchEvent("monthly").timerWithDate("${next}")
        .userTask("contact").camundaCandidateGroups("microfinancer")
        .intermediateCatchEvent("instalment").message("BareInstalment")
        .connectTo("join")
        .done();
    repository.createDeployment().addModelInstance("bare-engine-loop.bpmn", model).deploy();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Date firstDue = Date.from(start.plusMonths(1).withDayOfMonth(1).atTime(6, 0).atZone(ZONE).toInstant());
      ClockUtil.setCurrentTime(Date.from(start.atTime(12, 0).atZone(ZONE).toInstant()));
      PortfolioSimulator.inParallel(pool, threads, IntStream.range(0, instances).boxed().toList(), i -> i, i ->
          runtime.startProcessInstanceByKey("bare-engine-loop", "bare-" + i, Map.of("next", firstDue)));
      Counts before = counts();
      Instant began = Instant.now();
      for (int month = 1; month <= months; month++) {
        LocalDate first = start.plusMonths(month).withDayOfMonth(1);
        ClockUtil.setCurrentTime(Date.from(first.atTime(6, 30).atZone(ZONE).toInstant()));
        List<Job> due;
        while (!(due = management.createJobQuery().processDefinitionKey("bare-engine-loop").executable()
            .listPage(0, 2000)).isEmpty()) {
          PortfolioSimulator.inParallel(pool, threads, due, job -> job.getProcessInstanceId().hashCode(),
              job -> management.executeJob(job.getId()));
        }
        Date next = Date.from(first.plusMonths(1).atTime(6, 0).atZone(ZONE).toInstant());
        List<Task> open;
        while (!(open = tasks.createTaskQuery().processDefinitionKey("bare-engine-loop").listPage(0, 2000)).isEmpty()) {
          PortfolioSimulator.inParallel(pool, threads, open, task -> task.getProcessInstanceId().hashCode(),
              task -> tasks.complete(task.getId(), Map.of("next", next)));
        }
        PortfolioSimulator.inParallel(pool, threads, IntStream.range(0, instances).boxed().toList(), i -> i, i ->
            runtime.createMessageCorrelation("BareInstalment").processInstanceBusinessKey("bare-" + i).correlate());
      }
      double seconds = seconds(began);
      Counts after = counts();
      long loanMonths = (long) instances * months;
      return new Bare(loanMonths / seconds, (after.commits - before.commits) / seconds,
          (double) (after.commits - before.commits) / loanMonths);
    } finally {
      pool.shutdownNow();
      ClockUtil.reset();
    }
  }

  private static double seconds(Instant since) {
    return Duration.between(since, Instant.now()).toMillis() / 1000.0;
  }

  /** pgbench on the PATH (Debian: postgresql-client), if installed. */
  private static Optional<Path> pgbench() {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .map(directory -> Path.of(directory, "pgbench")).filter(Files::isExecutable).findFirst();
  }

  /**
   * pgbench's standard TPC-B-like transaction (three updates, a select and an insert, committed)
   * on its own tables in this database, scale 10, for {@code seconds}; the tables are dropped after.
   */
  private double pgbench(Path pgbench, int clients, int seconds) throws Exception {
    String url = jdbcUrl();
    Matcher address = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(url);
    if (!address.find()) {
      throw new IllegalStateException("cannot read host and port from " + url);
    }
    Map<String, String> environment = Map.of("PGHOST", address.group(1), "PGPORT", address.group(2),
        "PGDATABASE", address.group(3), "PGUSER", "postgres");
    run(pgbench, environment, "-i", "-q", "-s", "10");
    try {
      String output = run(pgbench, environment, "-c", Integer.toString(clients), "-j",
          Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T",
          Integer.toString(seconds), "-M", "prepared");
      Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
      if (!tps.find()) {
        throw new IllegalStateException("no tps in pgbench's output:\n" + output);
      }
      System.out.printf(Locale.ROOT, "pgbench, %d clients:%n%s%n", clients, output);
      return Double.parseDouble(tps.group(1));
    } finally {
      run(pgbench, environment, "-i", "-I", "d");
    }
  }

  private static String run(Path command, Map<String, String> environment, String... arguments) throws Exception {
    List<String> line = new ArrayList<>(List.of(command.toString()));
    line.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
    }
    return output;
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

  private long tableBytes(String pattern) {
    return jdbc.sql("""
        SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE :p""")
        .param("p", pattern).query(Long.class).single();
  }

  static long rssKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    return -1;
  }

  /** The median of five runs after a warm-up, in milliseconds. */
  private static double millis(java.util.concurrent.Callable<?> work) {
    return millis(work, 5);
  }

  private static double millis(java.util.concurrent.Callable<?> work, int runs) {
    try {
      work.call(); // warm up
      double[] times = new double[runs];
      for (int i = 0; i < runs; i++) {
        Instant began = Instant.now();
        work.call();
        times[i] = Duration.between(began, Instant.now()).toNanos() / 1_000_000.0;
      }
      Arrays.sort(times);
      return times[runs / 2];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String row(String figure, double value) {
    String row = String.format(Locale.ROOT, "| %s | %,.2f |", figure, value);
    System.out.println(row);
    return row;
  }
}
