package de.quartierskredit.simulation;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The memory (RSS) of the packaged application as it would run beside the benchmark's portfolio: a
 * separate JVM from {@code target/quartierskredit.jar} on the same database (postgres profile, job
 * executor on), asked for the portfolio report, the Prometheus figures and the engine's counts
 * several times; the highest RSS seen is the answer.
 */
final class ApplicationMemory {

  /** The JVM settings the README recommends for one node (docs/benchmarks.md shows why). */
  static final List<String> RECOMMENDED = List.of("-Xms128m", "-Xmx256m", "-Xss512k", "-XX:MaxMetaspaceSize=160m",
      "-XX:ReservedCodeCacheSize=48m", "-XX:MaxDirectMemorySize=32m", "-XX:+UseSerialGC");

  private ApplicationMemory() {}

  /** Starts the jar, exercises it, and returns its highest RSS in kB. */
  static long measure(String jdbcUrl, List<String> jvmOptions) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path log = Files.createTempFile(Path.of("target"), "application-memory-", ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", System.getProperty("quartierskredit.jar", "target/quartierskredit.jar"),
        "--spring.profiles.active=postgres", "--server.port=" + port,
        // the database's history level is fixed when its schema is created; the application must agree
        "--camunda.bpm.history-level=" + System.getProperty("camunda.bpm.history-level", "full")));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(variable -> variable.startsWith("QK_"));
    builder.environment().putAll(Map.of("QK_DB_URL", jdbcUrl, "QK_DB_USER", "postgres", "QK_DB_PASSWORD", "postgres",
        "QK_ADMIN_USER", "petra", "QK_ADMIN_PASSWORD", "Quartier-Kredit-2026!", "MALLOC_ARENA_MAX", "2"));
    Process application = builder.start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String auth = "Basic " + Base64.getEncoder().encodeToString("petra:Quartier-Kredit-2026!"
          .getBytes(StandardCharsets.UTF_8));
      Instant deadline = Instant.now().plusSeconds(180);
      while (!Files.readString(log).contains("Started QuartierskreditApplication")) {
        if (!application.isAlive() || Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("the application did not start:\n" + Files.readString(log));
        }
        Thread.sleep(200);
      }
      // /actuator/prometheus admits only the metrics group: the administrator joins it first
      HttpResponse<String> joined = http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/engine-rest/group/metrics/members/petra"))
          .header("Authorization", auth).PUT(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      if (joined.statusCode() != 204) {
        // the second measurement on the same database: petra is a member already
        HttpResponse<String> member = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/engine-rest/user/count?id=petra&memberOfGroup=metrics"))
            .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (!member.body().contains("\"count\":1")) {
          throw new IllegalStateException("petra could not join the metrics group: " + joined.statusCode());
        }
      }
      long highest = 0;
      for (int round = 0; round < 5; round++) {
        for (String path : List.of("/api/portfolio/report", "/actuator/prometheus", "/engine-rest/process-instance/count",
            "/engine-rest/task/count", "/engine-rest/history/process-instance/count")) {
          HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .header("Authorization", auth).timeout(Duration.ofSeconds(120)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
          }
          highest = Math.max(highest, PortfolioBenchmark.rssKb(application.pid()));
        }
        Thread.sleep(1000);
        highest = Math.max(highest, PortfolioBenchmark.rssKb(application.pid()));
      }
      return highest;
    } finally {
      application.destroy();
      if (!application.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        application.destroyForcibly();
      }
    }
  }
}
