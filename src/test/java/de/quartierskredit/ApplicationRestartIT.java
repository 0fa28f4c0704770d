package de.quartierskredit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default as an operator meets it: an H2 file database that survives restarts, one
 * deployment per model however often and however (spring-boot:run style from target/classes, or
 * the packaged jar) the application starts, and a production start without settings refused with
 * a message that names them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplicationRestartIT {

  private static Path dataDir;
  private static Map<String, Integer> versionsAfterFirstStart;
  private static long deploymentsAfterFirstStart;

  @BeforeAll
  static void freshDatabase() throws IOException {
    Files.createDirectories(Path.of("target"));
    dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-h2-");
  }

  @Test
  @Order(1)
  void shouldDeployTheModelsOnFirstStart() {
    try (var app = startFromClasses()) {
      var repository = app.getBean(RepositoryService.class);
      versionsAfterFirstStart = latestVersions(repository);
      deploymentsAfterFirstStart = repository.createDeploymentQuery().count();
    }
    assertThat(versionsAfterFirstStart).isNotEmpty().containsKey("guarantor-check");
    assertThat(versionsAfterFirstStart.values()).allMatch(version -> version == 1);
    assertThat(deploymentsAfterFirstStart).isEqualTo(1);
    assertThat(dataDir.resolve("quartierskredit.mv.db")).exists();
  }

  @Test
  @Order(2)
  void shouldNotCreateANewVersionWhenRestartedWithoutChange() {
    try (var app = startFromClasses()) {
      var repository = app.getBean(RepositoryService.class);
      assertThat(latestVersions(repository)).isEqualTo(versionsAfterFirstStart);
      assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsAfterFirstStart);
    }
  }

  @Test
  @Order(3)
  void shouldNotCreateANewVersionWhenTheSameDatabaseIsStartedFromTheJar() throws Exception {
    int port = freePort();
    Path log = dataDir.resolve("jar.log");
    Instant started = Instant.now();
    Process jar = new ProcessBuilder(java(), "-Xmx512m", "-jar", jarFile().toString(),
        "--server.port=" + port, "--quartierskredit.data-dir=" + dataDir)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      waitUntilUp(port, jar, log);
      System.out.printf("packaged jar answered after %d ms%n", Duration.between(started, Instant.now()).toMillis());
      String count = get(port, "/engine-rest/deployment/count", "admin", "demo");
      assertThat(count).isEqualTo("{\"count\":" + deploymentsAfterFirstStart + "}");
      String definitions = get(port, "/engine-rest/process-definition?latestVersion=true", "admin", "demo");
      versionsAfterFirstStart.forEach((key, version) ->
          assertThat(definitions).contains("\"key\":\"" + key + "\"").contains("\"version\":" + version));
      assertThat(Files.readString(log)).contains("Demo logins").contains("anna");
    } finally {
      jar.destroy();
      if (!jar.waitFor(30, TimeUnit.SECONDS)) {
        jar.destroyForcibly();
      }
    }
  }

  @Test
  @Order(4)
  void shouldRefuseToStartThePostgresProfileWithoutSettings() throws Exception {
    var builder = new ProcessBuilder(java(), "-jar", jarFile().toString(),
        "--spring.profiles.active=postgres", "--server.port=0").redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("QK_"));
    Process jar = builder.start();
    String output = new String(jar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(jar.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(jar.exitValue()).isNotZero();
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("QK_DB_URL").contains("QK_DB_PASSWORD").contains("QK_ADMIN_PASSWORD")
        .doesNotContain("\tat ");
  }

  private static ConfigurableApplicationContext startFromClasses() {
    // command-line arguments, as an operator would give them: they override application.yaml
    return new SpringApplicationBuilder(QuartierskreditApplication.class)
        .profiles("demo")
        .run("--server.port=0", "--quartierskredit.data-dir=" + dataDir, "--camunda.bpm.job-execution.enabled=false");
  }

  private static Map<String, Integer> latestVersions(RepositoryService repository) {
    Map<String, Integer> versions = new TreeMap<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      versions.put(definition.getKey(), definition.getVersion());
    }
    return versions;
  }

  private static Path jarFile() {
    Path jar = Path.of(System.getProperty("quartierskredit.jar", "target/quartierskredit.jar"));
    assertThat(jar).as("the packaged application (mvn package runs before this IT)").exists();
    return jar;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void waitUntilUp(int port, Process jar, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (!jar.isAlive()) {
        throw new AssertionError("the jar stopped with " + jar.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        if (get(port, "/actuator/health", null, null).contains("UP")) {
          return;
        }
      } catch (IOException notYetListening) {
        // the port opens once Tomcat has started
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the jar did not come up within 120 s:\n" + Files.readString(log));
  }

  private static String get(int port, String path, String user, String password) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString());
    return response.body();
  }
}
