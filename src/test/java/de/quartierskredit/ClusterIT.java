package de.quartierskredit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Camunda's homogeneous cluster as an operator runs it: two packaged-jar nodes on one PostgreSQL.
 * Many timers that come due at the same moment are each executed exactly once, and both nodes take
 * part. The proof is read from the database (history, job log, meter log), not from the nodes.
 *
 * <p>Node 1 starts alone and creates the schema; node 2 starts once node 1 is healthy. Flyway
 * serialises concurrent migrations with a PostgreSQL advisory lock, but Camunda's
 * {@code schema-update} checks for its tables and then creates them without a lock
 * ({@code SchemaOperationsProcessEngineBuild}), so two nodes starting together on an empty database
 * could both try to create them.
 *
 * <p>System properties: {@code quartierskredit.cluster.instances} (default 1000),
 * {@code quartierskredit.cluster.lead-seconds} (how far ahead the common due date lies, default
 * 5), {@code quartierskredit.cluster.node-args} (extra arguments for both nodes, e.g. other
 * job-executor settings to compare).
 */
class ClusterIT {

  private static final String KEY = "cluster-timer-test";
  private static final String ADMIN = "petra";
  private static final String ADMIN_PASSWORD = "Quartier-Kredit-2026!";
  private static final int INSTANCES = Integer.getInteger("quartierskredit.cluster.instances", 1000);
  private static final int LEAD_SECONDS = Integer.getInteger("quartierskredit.cluster.lead-seconds", 5);
  private static final Duration ALL_ENDED_WITHIN = Duration.ofSeconds(120);

  @Test
  void shouldExecuteManyTimersDueAtOnceExactlyOnceAcrossTwoNodes() throws Exception {
    Path workDir = Path.of("target", "cluster-it").toAbsolutePath();
    Files.createDirectories(workDir);
    EmbeddedPostgres postgres = null;
    List<Node> nodes = new ArrayList<>();
    try {
      postgres = EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(workDir.toFile())
          .setDataDirectory(Files.createTempDirectory(workDir, "data-"))
          .setCleanDataDirectory(true)
          .setRegisterShutdownHook(false)
          .setServerConfig("max_connections", "100")
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .start();
      String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
      DataSource database = postgres.getPostgresDatabase();

      Instant bootStarted = Instant.now();
      Node nodeA = Node.start("node-a", jdbcUrl, workDir);
      nodes.add(nodeA);
      nodeA.waitUntilUp();
      Node nodeB = Node.start("node-b", jdbcUrl, workDir);
      nodes.add(nodeB);
      nodeB.waitUntilUp();
      System.out.printf("cluster: both nodes up after %d ms%n", millisSince(bootStarted));

      nodeA.deploy("cluster/cluster-timer.bpmn", "cluster/cluster-timer-start.form");

      // Every instance waits for the same due date; a load balancer would spread the starts. The
      // timer's job definition is suspended while the instances start (their jobs are created
      // suspended), so that however slowly a busy machine starts them, all timers come due at one
      // moment: the due date, or the activation if that is later.
      Instant due = Instant.now().plusSeconds(LEAD_SECONDS).truncatedTo(ChronoUnit.SECONDS);
      nodeA.suspendTimerJobs(true);
      Instant startsBegan = Instant.now();
      startInstances(List.of(nodeA, nodeB), due);
      Instant startsEnded = Instant.now();
      nodeA.suspendTimerJobs(false);
      Instant allDue = Instant.now().isAfter(due) ? Instant.now() : due;
      System.out.printf("cluster: %d instances started in %d ms; timers due at %s, active at %s%n",
          INSTANCES, Duration.between(startsBegan, startsEnded).toMillis(), due, Instant.now());

      long ended = waitUntilAllEnded(database, allDue.plus(ALL_ENDED_WITHIN), nodes);
      Instant allEnded = Instant.now();
      assertThat(ended).as("instances ended within %s after the due date", ALL_ENDED_WITHIN)
          .isEqualTo(INSTANCES);

      // stop the nodes gracefully: the engine writes its last metrics (meter log) on close
      for (Node node : nodes) {
        node.stop();
      }

      try (Connection db = database.getConnection()) {
        Map<String, Long> timerRuns = countsPerInstance(db, "Timer_Due");
        Map<String, Long> taskRuns = countsPerInstance(db, "Task_Work");
        Map<String, Long> successByNode = group(db, """
            select hostname_, count(*) from act_hi_job_log
            where process_def_key_ = ? and job_state_ = 2 group by hostname_""");
        Map<String, Long> failuresByNode = group(db, """
            select hostname_, count(*) from act_hi_job_log
            where process_def_key_ = ? and job_state_ = 1 group by hostname_""");
        long jobsSucceededTwice = single(db, """
            select count(*) from (select job_id_ from act_hi_job_log
            where process_def_key_ = ? and job_state_ = 2 group by job_id_ having count(*) > 1) twice""");
        long openJobs = single(db, "select count(*) from act_ru_job where process_def_key_ = ?");
        long incidents = single(db, "select count(*) from act_hi_incident where proc_def_key_ = ?");
        Timestamp firstEnd = timestamp(db, "select min(end_time_) from act_hi_procinst where proc_def_key_ = ?");
        Timestamp lastEnd = timestamp(db, "select max(end_time_) from act_hi_procinst where proc_def_key_ = ?");
        Map<String, Map<String, Long>> meters = meters(db);
        long optimisticLockingInLogs = 0;
        for (Node node : nodes) {
          optimisticLockingInLogs += node.logLinesContaining("OptimisticLockingException");
        }

        System.out.printf("""
            cluster summary: %d instances, all timers due at %s
              first instance ended %d ms after that, last %d ms after (%.0f jobs/s)
              successful jobs per node: %s
              failed job executions per node: %s (OptimisticLockingException in node logs: %d lines)
              meters per node (job acquisition and execution): %s
              from start of the test to all ended: %d ms (node start %d ms)%n""",
            INSTANCES, allDue,
            Duration.between(allDue, firstEnd.toInstant()).toMillis(),
            Duration.between(allDue, lastEnd.toInstant()).toMillis(),
            INSTANCES * 1000.0 / Math.max(1, Duration.between(allDue, lastEnd.toInstant()).toMillis()),
            successByNode, failuresByNode, optimisticLockingInLogs, meters,
            Duration.between(bootStarted, allEnded).toMillis(),
            Duration.between(bootStarted, startsBegan).toMillis());

        assertThat(timerRuns).as("completed timer per instance").hasSize(INSTANCES)
            .allSatisfy((instance, runs) -> assertThat(runs).as(instance).isEqualTo(1L));
        assertThat(taskRuns).as("service task per instance").hasSize(INSTANCES)
            .allSatisfy((instance, runs) -> assertThat(runs).as(instance).isEqualTo(1L));
        assertThat(single(db, "select count(*) from act_hi_actinst where proc_def_key_ = ? and act_id_ = 'Task_Work'"))
            .as("service task executions in total").isEqualTo(INSTANCES);
        assertThat(jobsSucceededTwice).as("jobs that succeeded more than once").isZero();
        assertThat(successByNode.values().stream().mapToLong(Long::longValue).sum())
            .as("successful job executions").isEqualTo(INSTANCES);
        assertThat(successByNode).as("both nodes executed jobs").containsOnlyKeys("node-a", "node-b");
        assertThat(openJobs).as("jobs left for the definition").isZero();
        assertThat(incidents).as("incidents").isZero();
      }
    } finally {
      for (Node node : nodes) {
        node.stop();
      }
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  private static void startInstances(List<Node> nodes, Instant due) throws Exception {
    // the start form's one field (a person's start carries only the fields of its form): ISO 8601 text,
    // which the timer's ${due} takes as a date
    String body = "{\"variables\":{\"due\":{\"value\":\"" + due + "\"}}}";
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> starts = new ArrayList<>();
      for (int i = 0; i < INSTANCES; i++) {
        Node node = nodes.get(i % nodes.size());
        starts.add(pool.submit(() -> node.post("/engine-rest/process-definition/key/" + KEY + "/start", body)));
      }
      for (Future<String> start : starts) {
        assertThat(start.get(60, TimeUnit.SECONDS)).contains("\"id\"");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static long waitUntilAllEnded(DataSource database, Instant deadline, List<Node> nodes) throws Exception {
    long ended = 0;
    while (Instant.now().isBefore(deadline)) {
      for (Node node : nodes) {
        node.assertAlive();
      }
      try (Connection db = database.getConnection()) {
        ended = single(db, "select count(*) from act_hi_procinst where proc_def_key_ = ? and end_time_ is not null");
      }
      if (ended >= INSTANCES) {
        return ended;
      }
      Thread.sleep(250);
    }
    return ended;
  }

  private static Map<String, Long> countsPerInstance(Connection db, String activityId) throws SQLException {
    try (var statement = db.prepareStatement("""
        select proc_inst_id_, count(*) from act_hi_actinst
        where proc_def_key_ = ? and act_id_ = ? and end_time_ is not null group by proc_inst_id_""")) {
      statement.setString(1, KEY);
      statement.setString(2, activityId);
      Map<String, Long> counts = new LinkedHashMap<>();
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getLong(2));
        }
      }
      return counts;
    }
  }

  private static Map<String, Long> group(Connection db, String sql) throws SQLException {
    try (var statement = db.prepareStatement(sql)) {
      statement.setString(1, KEY);
      Map<String, Long> counts = new TreeMap<>();
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          counts.put(String.valueOf(rows.getString(1)), rows.getLong(2));
        }
      }
      return counts;
    }
  }

  private static long single(Connection db, String sql) throws SQLException {
    try (var statement = db.prepareStatement(sql)) {
      statement.setString(1, KEY);
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static Timestamp timestamp(Connection db, String sql) throws SQLException {
    try (var statement = db.prepareStatement(sql)) {
      statement.setString(1, KEY);
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getTimestamp(1);
      }
    }
  }

  /** Job metrics per node (reporter = hostname), written by each engine when it closes. */
  private static Map<String, Map<String, Long>> meters(Connection db) throws SQLException {
    Map<String, Map<String, Long>> meters = new TreeMap<>();
    try (var statement = db.prepareStatement("""
        select reporter_, name_, sum(value_) from act_ru_meter_log
        where name_ like 'job-%' group by reporter_, name_""");
        var rows = statement.executeQuery()) {
      while (rows.next()) {
        meters.computeIfAbsent(String.valueOf(rows.getString(1)), reporter -> new TreeMap<>())
            .put(rows.getString(2), rows.getLong(3));
      }
    }
    return meters;
  }

  private static long millisSince(Instant start) {
    return Duration.between(start, Instant.now()).toMillis();
  }

  /** One application node: the packaged jar in its own JVM, with its own hostname in the job log. */
  private static final class Node {

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Node(String name, int port, Path log, Process process) {
      this.name = name;
      this.port = port;
      this.log = log;
      this.process = process;
    }

    static Node start(String name, String jdbcUrl, Path workDir) throws IOException {
      int port = freePort();
      Path log = workDir.resolve(name + ".log");
      // C1 only: the nodes start much faster on a busy 2-core machine; the jobs here are trivial
      List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
          "-Djava.io.tmpdir=" + workDir, "-jar", jarFile().toString(),
          "--spring.profiles.active=postgres", "--server.port=" + port,
          "--camunda.bpm.generic-properties.properties.hostname=" + name,
          // only the idle polling is shortened (production: 5 s growing to 60 s), so that an idle
          // node looks again within 2 s; the backoff settings under test are production's
          "--camunda.bpm.job-execution.wait-time-in-millis=1000",
          "--camunda.bpm.job-execution.max-wait=2000"));
      String extra = System.getProperty("quartierskredit.cluster.node-args", "").trim();
      if (!extra.isEmpty()) {
        command.addAll(List.of(extra.split("\\s+")));
      }
      var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().keySet().removeIf(variable -> variable.startsWith("QK_"));
      builder.environment().putAll(Map.of(
          "QK_DB_URL", jdbcUrl, "QK_DB_USER", "postgres", "QK_DB_PASSWORD", "postgres",
          "QK_ADMIN_USER", ADMIN, "QK_ADMIN_PASSWORD", ADMIN_PASSWORD));
      Process process = builder.start();
      // should the test JVM itself be stopped, the node must not outlive it
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      return new Node(name, port, log, process);
    }

    void waitUntilUp() throws Exception {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
      while (Instant.now().isBefore(deadline)) {
        assertAlive();
        try {
          var response = http.send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
          if (response.body().contains("UP")) {
            return;
          }
        } catch (IOException notYetListening) {
          // the port opens once Tomcat has started
        }
        Thread.sleep(300);
      }
      throw new AssertionError(name + " did not come up within 120 s:\n" + Files.readString(log));
    }

    void assertAlive() throws IOException {
      if (!process.isAlive()) {
        throw new AssertionError(name + " stopped with " + process.exitValue() + ":\n" + Files.readString(log));
      }
    }

    /** Deploys the resources (a model and the forms it references) as one deployment, as Modeler does. */
    void deploy(String... resources) throws Exception {
      String boundary = "----cluster-it-" + System.nanoTime();
      var body = new ByteArrayOutputStream();
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
          + KEY + "\r\n").getBytes(StandardCharsets.UTF_8));
      for (String resource : resources) {
        byte[] content;
        try (var in = ClusterIT.class.getClassLoader().getResourceAsStream(resource)) {
          assertThat(in).as(resource).isNotNull();
          content = in.readAllBytes();
        }
        String name = Path.of(resource).getFileName().toString();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
            + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      var response = http.send(authorized("/engine-rest/deployment/create")
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("deployment: %s", response.body()).isEqualTo(200);
      assertThat(response.body()).contains(KEY);
    }

    /** Suspends or activates the timer's job definition and its jobs. */
    void suspendTimerJobs(boolean suspended) throws Exception {
      var response = http.send(authorized("/engine-rest/job-definition/suspended")
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString("{\"processDefinitionKey\":\"" + KEY
                  + "\",\"suspended\":" + suspended + ",\"includeJobs\":true}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("suspended=%s: %s", suspended, response.body()).isEqualTo(204);
    }

    String post(String path, String json) throws Exception {
      var response = http.send(authorized(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("%s on %s: %s", path, name, response.body()).isEqualTo(200);
      return response.body();
    }

    long logLinesContaining(String text) throws IOException {
      try (var lines = Files.lines(log)) {
        return lines.filter(line -> line.contains(text)).count();
      }
    }

    /** Graceful stop first (the engine closes and reports its metrics), forcibly after 30 s. */
    void stop() throws InterruptedException {
      if (!process.isAlive()) {
        return;
      }
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }

    private HttpRequest.Builder authorized(String path) {
      return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }

    private static Path jarFile() {
      Path jar = Path.of(System.getProperty("quartierskredit.jar", "target/quartierskredit.jar"));
      assertThat(jar).as("the packaged application (mvn package runs before this IT)").exists();
      return jar.toAbsolutePath();
    }

    private static String java() {
      return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
      try (var socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }
  }
}
