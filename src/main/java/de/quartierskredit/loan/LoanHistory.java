package de.quartierskredit.loan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dated history of a loan that reports as of any date need: every principal movement with its
 * value date, and the periods in which the loan was disturbed. Written in the same transaction as
 * the change itself; each movement once per source, so a retried job or a repeated event counts once.
 */
@Repository
public class LoanHistory {

  /** Why the principal moved. */
  public enum Movement { DISBURSEMENT, REPAYMENT, WRITE_OFF, CORRECTION }

  private final JdbcClient jdbc;
  private final Clock clock;

  LoanHistory(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Adds {@code amount} (negative for repayments and write-offs) unless this source has been recorded. */
  public void principalMoved(long loanId, LocalDate valueDate, BigDecimal amount, Movement kind, String source) {
    if (amount.signum() == 0) {
      return;
    }
    int recorded = jdbc.sql("""
            SELECT COUNT(*) FROM loan_principal_movement WHERE loan_id = :id AND kind = :kind AND source = :source""")
        .param("id", loanId).param("kind", kind.name()).param("source", source)
        .query(Integer.class).single();
    if (recorded > 0) {
      return;
    }
    jdbc.sql("""
            INSERT INTO loan_principal_movement (loan_id, value_date, amount, kind, source, created_at)
            VALUES (:id, :on, :amount, :kind, :source, :now)""")
        .param("id", loanId).param("on", valueDate).param("amount", amount).param("kind", kind.name())
        .param("source", source).param("now", LocalDateTime.now(clock))
        .update();
  }

  /**
   * From {@code from} on, the loan's oldest unpaid instalment is due on {@code dueOn} (null: nothing is
   * left unpaid). Nothing is written when that is already so. A change dated on or before the start of
   * the open row (a late report with an old value date) changes the open row from its start; closed
   * rows are never rewritten. At most one update and one insert, and only when the value changes.
   */
  public void oldestUnpaidInstalment(long loanId, LocalDate from, LocalDate dueOn) {
    var open = jdbc.sql("""
            SELECT id, oldest_unpaid_due_on, valid_from FROM loan_oldest_unpaid
            WHERE loan_id = :id AND valid_to IS NULL""")
        .param("id", loanId)
        .query((rs, row) -> new Object[] {rs.getLong("id"), rs.getObject("oldest_unpaid_due_on", LocalDate.class),
            rs.getObject("valid_from", LocalDate.class)})
        .optional();
    if (open.isPresent() && java.util.Objects.equals(open.get()[1], dueOn)) {
      return;
    }
    if (open.isPresent() && !from.isAfter((LocalDate) open.get()[2])) {
      jdbc.sql("UPDATE loan_oldest_unpaid SET oldest_unpaid_due_on = :due WHERE id = :row")
          .param("due", dueOn).param("row", open.get()[0]).update();
      return;
    }
    if (open.isPresent()) {
      jdbc.sql("UPDATE loan_oldest_unpaid SET valid_to = :from WHERE id = :row")
          .param("from", from).param("row", open.get()[0]).update();
    }
    jdbc.sql("INSERT INTO loan_oldest_unpaid (loan_id, oldest_unpaid_due_on, valid_from) VALUES (:id, :due, :from)")
        .param("id", loanId).param("due", dueOn).param("from", from).update();
  }

  /** The loan became disturbed on the date (no second open period is started). */
  public void disturbanceStarted(long loanId, LocalDate since) {
    int open = jdbc.sql("SELECT COUNT(*) FROM loan_disturbance_period WHERE loan_id = :id AND ended_on IS NULL")
        .param("id", loanId).query(Integer.class).single();
    if (open == 0) {
      jdbc.sql("INSERT INTO loan_disturbance_period (loan_id, started_on) VALUES (:id, :since)")
          .param("id", loanId).param("since", since).update();
    }
  }

  /** The loan's arrears were cleared on the date: its open disturbance period ends. */
  public void disturbanceEnded(long loanId, LocalDate on) {
    jdbc.sql("""
            UPDATE loan_disturbance_period SET ended_on = CASE WHEN started_on > :on THEN started_on ELSE :on END
            WHERE loan_id = :id AND ended_on IS NULL""")
        .param("id", loanId).param("on", on).update();
  }
}
