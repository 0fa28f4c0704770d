package de.quartierskredit.system.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses to start the {@code postgres} profile unless every production setting is given in the
 * environment: there is no default database URL, user, password or admin login outside the demo.
 */
public class RequiredSettings implements EnvironmentPostProcessor, Ordered {

  public static final String PRODUCTION_PROFILE = "postgres";

  /** Environment variable, and what it is for (shown to the operator when it is missing). */
  static final Map<String, String> PRODUCTION = Map.of(
      "QK_DB_URL", "JDBC URL of the PostgreSQL database, e.g. jdbc:postgresql://db:5432/quartierskredit",
      "QK_DB_USER", "database user",
      "QK_DB_PASSWORD", "database password",
      "QK_ADMIN_USER", "login of the first administrator (process owner), created on first start",
      "QK_ADMIN_PASSWORD", "password of that administrator");

  static final List<String> ORDER =
      List.of("QK_DB_URL", "QK_DB_USER", "QK_DB_PASSWORD", "QK_ADMIN_USER", "QK_ADMIN_PASSWORD");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.matchesProfiles(PRODUCTION_PROFILE)) {
      check(environment);
    }
  }

  /** Throws {@link MissingSettingsException} naming every production setting that is not set. */
  public static void check(Environment environment) {
    List<String> missing = ORDER.stream()
        .filter(name -> {
          String value = environment.getProperty(name);
          return value == null || value.isBlank();
        })
        .toList();
    if (!missing.isEmpty()) {
      throw new MissingSettingsException(missing, PRODUCTION);
    }
  }

  @Override
  public int getOrder() {
    // after the config data (application-*.yaml) has decided which profiles are active
    return Ordered.LOWEST_PRECEDENCE;
  }
}
