package de.quartierskredit.fund;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the participating quarters (reference data from the Flyway migrations). */
@Repository
public class QuarterRepository {

  private final JdbcClient jdbc;

  QuarterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Quarter> findAll() {
    return jdbc.sql("SELECT code, name FROM quarter ORDER BY code").query(Quarter.class).list();
  }

  public Optional<Quarter> find(String code) {
    return jdbc.sql("SELECT code, name FROM quarter WHERE code = :code")
        .param("code", code)
        .query(Quarter.class)
        .optional();
  }
}
