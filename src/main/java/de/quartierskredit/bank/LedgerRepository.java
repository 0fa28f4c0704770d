package de.quartierskredit.bank;

import de.quartierskredit.bank.BankEventDatePolicy.LoanDates;
import de.quartierskredit.bank.RepaymentLedgerPolicy.Line;
import de.quartierskredit.bank.RepaymentLedgerPolicy.LineState;
import de.quartierskredit.loan.LoanState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes what the repayment ledger books: the locked loan row (written by the {@code loan}
 * package) and its current schedule lines.
 */
@Repository
class LedgerRepository {

  private final JdbcClient jdbc;

  LedgerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The loan's ledger facts, as read under its row lock. */
  record LedgerLoan(long id, String reference, LoanState state, BigDecimal outstandingPrincipal,
      boolean disturbed, LocalDate disturbedSince) {}

  /**
   * Locks the loan row until the transaction ends ({@code SELECT ... FOR UPDATE}), so that events for
   * one loan are applied one after the other and none overwrites another's booking.
   */
  Optional<LedgerLoan> lock(String reference) {
    return jdbc.sql("""
            SELECT id, reference, state, outstanding_principal, disturbed, disturbed_since
            FROM loan WHERE reference = :reference FOR UPDATE""")
        .param("reference", reference)
        .query((rs, row) -> new LedgerLoan(
            rs.getLong("id"),
            rs.getString("reference"),
            LoanState.valueOf(rs.getString("state")),
            rs.getBigDecimal("outstanding_principal"),
            rs.getBoolean("disturbed"),
            rs.getObject("disturbed_since", LocalDate.class)))
        .optional();
  }

  /** The lines of the loan's current schedule in instalment order (empty without a schedule). */
  List<Line> currentLines(long loanId) {
    return jdbc.sql("""
            SELECT l.id, l.instalment_no, l.due_on, l.interest, l.principal, l.instalment, l.paid_amount, l.state
            FROM repayment_schedule_line l JOIN repayment_schedule s ON s.id = l.schedule_id
            WHERE s.loan_id = :loan AND s.current = TRUE
            ORDER BY l.instalment_no""")
        .param("loan", loanId)
        .query((rs, row) -> new Line(
            rs.getLong("id"),
            rs.getInt("instalment_no"),
            rs.getObject("due_on", LocalDate.class),
            rs.getBigDecimal("interest"),
            rs.getBigDecimal("principal"),
            rs.getBigDecimal("instalment"),
            rs.getBigDecimal("paid_amount"),
            LineState.valueOf(rs.getString("state"))))
        .list();
  }

  /** The dates of the loan's approval, contract and disbursement (null where not reached). */
  LoanDates dates(long loanId) {
    return jdbc.sql("SELECT approved_on, contracted_on, disbursed_on FROM loan WHERE id = :id")
        .param("id", loanId)
        .query((rs, row) -> new LoanDates(
            rs.getObject("approved_on", LocalDate.class),
            rs.getObject("contracted_on", LocalDate.class),
            rs.getObject("disbursed_on", LocalDate.class)))
        .single();
  }

  void updateLines(List<Line> changed) {
    for (Line line : changed) {
      jdbc.sql("UPDATE repayment_schedule_line SET paid_amount = :paid, state = :state WHERE id = :id")
          .param("paid", line.paid())
          .param("state", line.state().name())
          .param("id", line.id())
          .update();
    }
  }
}
