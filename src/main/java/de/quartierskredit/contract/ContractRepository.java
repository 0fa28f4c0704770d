package de.quartierskredit.contract;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the contract facts of a loan row (the {@code loan} package writes them). */
@Repository
class ContractRepository {

  private final JdbcClient jdbc;

  ContractRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<LocalDate> contractedOn(String reference) {
    return jdbc.sql("SELECT contracted_on FROM loan WHERE reference = :reference")
        .param("reference", reference)
        .query((rs, row) -> Optional.ofNullable(rs.getObject("contracted_on", LocalDate.class)))
        .optional()
        .flatMap(date -> date);
  }
}
