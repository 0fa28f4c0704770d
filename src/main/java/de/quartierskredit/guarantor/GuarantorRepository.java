package de.quartierskredit.guarantor;

import de.quartierskredit.shared.Money;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the accepted guarantors (Bürgen) of a loan in table {@code guarantor}. */
@Repository
class GuarantorRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  GuarantorRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Replaces all guarantors of the loan, so that a repeated check never duplicates rows. A loan
   * that does not exist is a technical failure (the caller created it before starting the check).
   */
  @Transactional
  public void replaceAll(String loanReference, List<Guarantor> guarantors) {
    long loanId = jdbc.sql("SELECT id FROM loan WHERE reference = :reference")
        .param("reference", loanReference)
        .query(Long.class)
        .optional()
        .orElseThrow(() -> new IllegalStateException("no loan with reference " + loanReference));
    jdbc.sql("DELETE FROM guarantor WHERE loan_id = :loan").param("loan", loanId).update();
    LocalDateTime now = LocalDateTime.now(clock);
    for (Guarantor guarantor : guarantors) {
      jdbc.sql("""
              INSERT INTO guarantor (loan_id, name, contact, guaranteed_amount, created_at)
              VALUES (:loan, :name, :contact, :amount, :now)""")
          .param("loan", loanId)
          .param("name", guarantor.name().strip())
          .param("contact", guarantor.contact().strip())
          .param("amount", Money.euros(guarantor.amount()))
          .param("now", now)
          .update();
    }
  }
}
