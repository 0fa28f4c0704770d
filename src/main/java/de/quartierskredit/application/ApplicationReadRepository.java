package de.quartierskredit.application;

import de.quartierskredit.loan.LoanState;
import de.quartierskredit.shared.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads an application with its loan, business and quarter in one select by reference (unique index); writes nothing. */
@Repository
class ApplicationReadRepository {

  private final JdbcClient jdbc;

  ApplicationReadRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The application, with open steps still to be filled in by the caller. */
  Optional<ApplicationView> find(String reference) {
    return jdbc.sql("""
            SELECT l.reference, l.state, l.quarter_code, q.name AS quarter_name, b.name AS business_name, l.purpose,
                   l.requested_amount, l.amount, l.outstanding_principal, l.applied_on, l.approved_on,
                   l.contracted_on, l.disbursed_on, l.closed_on, l.disturbed, l.disturbed_since, l.ended_reason
            FROM loan l
            JOIN business b ON b.id = l.business_id
            LEFT JOIN quarter q ON q.code = l.quarter_code
            WHERE l.reference = :reference""")
        .param("reference", reference)
        .query((rs, row) -> {
          LoanState state = LoanState.valueOf(rs.getString("state"));
          return new ApplicationView(rs.getString("reference"), state.name(), state.label(),
              "Der Kredit ist " + state.label() + ".", List.of(), rs.getString("quarter_code"),
              rs.getString("quarter_code") == null ? "außerhalb der Quartiere" : rs.getString("quarter_name"),
              rs.getString("business_name"), rs.getString("purpose"),
              rs.getBigDecimal("requested_amount") == null ? null : Money.euros(rs.getBigDecimal("requested_amount")),
              Money.euros(rs.getBigDecimal("amount")), Money.euros(rs.getBigDecimal("outstanding_principal")),
              rs.getObject("applied_on", LocalDate.class), rs.getObject("approved_on", LocalDate.class),
              rs.getObject("contracted_on", LocalDate.class), rs.getObject("disbursed_on", LocalDate.class),
              rs.getObject("closed_on", LocalDate.class), rs.getBoolean("disturbed"),
              rs.getObject("disturbed_since", LocalDate.class), rs.getString("ended_reason"));
        })
        .optional();
  }
}
