package de.quartierskredit.loan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dated history of a loan that reports as of any date need: every principal movement with its
 * value date, the periods in which the loan was disturbed, and the due date of its oldest unpaid
 * instalment over time (days overdue as of any date). Written in the same transaction as
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
    Optional<OpenRow> open = jdbc.sql("""
            SELECT id, oldest_unpaid_due_on, valid_from FROM loan_oldest_unpaid
            WHERE loan_id = :id AND valid_to IS NULL""")
        .param("id", loanId)
        .query((rs, row) -> new OpenRow(rs.getLong("id"), rs.getObject("oldest_unpaid_due_on", LocalDate.class),
            rs.getObject("valid_from", LocalDate.class)))
        .optional();
    if (open.isPresent() && Objects.equals(open.get().dueOn(), dueOn)) {
      return;
    }
    if (open.isPresent() && !from.isAfter(open.get().validFrom())) {
      jdbc.sql("UPDATE loan_oldest_unpaid SET oldest_unpaid_due_on = :due WHERE id = :row")
          .param("due", dueOn).param("row", open.get().id()).update();
      return;
    }
    if (open.isPresent()) {
      jdbc.sql("UPDATE loan_oldest_unpaid SET valid_to = :from WHERE id = :row")
          .param("from", from).param("row", open.get().id()).update();
    }
    jdbc.sql("INSERT INTO loan_oldest_unpaid (loan_id, oldest_unpaid_due_on, valid_from) VALUES (:id, :due, :from)")
        .param("id", loanId).param("due", dueOn).param("from", from).update();
  }

  /** The loan's open row of the oldest-unpaid history. */
  private record OpenRow(long id, LocalDate dueOn, LocalDate validFrom) {}

  /**
   * The loan became disturbed on the date (no second open period is started). The period also keeps
   * the day it became known: today by the engine clock, when the report is booked, whatever value date
   * the report carries (a late report of a missed instalment starts the period months back, but nobody
   * could act before today; the servicing's default period counts from this day).
   */
  public void disturbanceStarted(long loanId, LocalDate since) {
    int open = jdbc.sql("SELECT COUNT(*) FROM loan_disturbance_period WHERE loan_id = :id AND ended_on IS NULL")
        .param("id", loanId).query(Integer.class).single();
    if (open == 0) {
      LocalDate today = LocalDate.now(clock);
      jdbc.sql("INSERT INTO loan_disturbance_period (loan_id, started_on, known_on) VALUES (:id, :since, :known)")
          .param("id", loanId).param("since", since).param("known", today.isBefore(since) ? since : today).update();
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
