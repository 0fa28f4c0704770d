package de.quartierskredit.system.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The production profile's file as written: no password has a default, and the session cookies of
 * Spring and of Camunda's webapps are Secure, HttpOnly and SameSite. (That the profile refuses to
 * start without its settings: {@link RequiredSettingsTest}.)
 */
class PostgresProfileTest {

  private static Map<String, String> postgresProfile() throws Exception {
    Map<String, String> properties = new HashMap<>();
    for (var source : new YamlPropertySourceLoader().load("postgres", new ClassPathResource("application-postgres.yaml"))) {
      var enumerable = (EnumerablePropertySource<?>) source;
      for (String name : enumerable.getPropertyNames()) {
        properties.put(name, String.valueOf(enumerable.getProperty(name)));
      }
    }
    return properties;
  }

  @Test
  void shouldTakeEveryPasswordFromTheEnvironmentWithoutADefault() throws Exception {
    Map<String, String> profile = postgresProfile();

    assertThat(profile).containsEntry("spring.datasource.password", "${QK_DB_PASSWORD}")
        .containsEntry("camunda.bpm.admin-user.password", "${QK_ADMIN_PASSWORD}");
    profile.forEach((name, value) -> {
      if (name.toLowerCase().contains("password")) {
        assertThat(value).as(name).matches("\\$\\{QK_[A-Z_]+}");
      }
    });
  }

  @Test
  void shouldMakeTheSessionCookiesSecureHttpOnlyAndSameSite() throws Exception {
    assertThat(postgresProfile())
        .containsEntry("server.servlet.session.cookie.secure", "true")
        .containsEntry("server.servlet.session.cookie.http-only", "true")
        .containsEntry("server.servlet.session.cookie.same-site", "strict")
        .containsEntry("camunda.bpm.webapp.session-cookie.enable-secure-cookie", "true")
        .containsEntry("camunda.bpm.webapp.session-cookie.enable-same-site-cookie", "true");
  }
}
