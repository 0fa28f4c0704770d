package de.quartierskredit.system.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.quartierskredit.QuartierskreditApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

class RequiredSettingsTest {

  private static final Map<String, Object> COMPLETE = Map.of(
      "QK_DB_URL", "jdbc:postgresql://localhost:5432/qk",
      "QK_DB_USER", "qk",
      "QK_DB_PASSWORD", "secret",
      "QK_ADMIN_USER", "owner",
      "QK_ADMIN_PASSWORD", "Long-enough-1!");

  @Test
  void shouldAcceptAProductionEnvironmentWithEverySetting() {
    var environment = new MockEnvironment();
    COMPLETE.forEach((k, v) -> environment.setProperty(k, v.toString()));

    RequiredSettings.check(environment);
  }

  @Test
  void shouldNameEveryMissingSetting() {
    var environment = new MockEnvironment()
        .withProperty("QK_DB_URL", "jdbc:postgresql://localhost:5432/qk")
        .withProperty("QK_DB_USER", "qk")
        .withProperty("QK_DB_PASSWORD", "  ");

    var failure = catchThrowableOfType(MissingSettingsException.class, () -> RequiredSettings.check(environment));

    assertThat(failure.missing()).containsExactly("QK_DB_PASSWORD", "QK_ADMIN_USER", "QK_ADMIN_PASSWORD");
    FailureAnalysis analysis = new MissingSettingsFailureAnalyzer().analyze(failure);
    assertThat(analysis.getDescription())
        .contains("QK_DB_PASSWORD: database password")
        .contains("QK_ADMIN_PASSWORD")
        .doesNotContain("QK_DB_URL");
    assertThat(analysis.getAction()).contains("Set QK_DB_PASSWORD, QK_ADMIN_USER, QK_ADMIN_PASSWORD");
  }

  @Test
  void shouldRefuseToStartThePostgresProfileWithoutSettings() {
    var application = new SpringApplication(QuartierskreditApplication.class);
    application.setEnvironment(environmentWithoutProcessVariables());
    application.setAdditionalProfiles(RequiredSettings.PRODUCTION_PROFILE);

    assertThatThrownBy(() -> application.run("--server.port=0"))
        .isInstanceOf(MissingSettingsException.class)
        .hasMessageContaining("QK_DB_URL");
  }

  /** The process environment left out, in case the machine running the test has QK_ settings. */
  private static StandardEnvironment environmentWithoutProcessVariables() {
    var environment = new StandardEnvironment();
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    return environment;
  }
}
