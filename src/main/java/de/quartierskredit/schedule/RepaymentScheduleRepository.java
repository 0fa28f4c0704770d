package de.quartierskredit.schedule;

import de.quartierskredit.loan.LoanHistory;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores repayment schedules as versions: version 1 at disbursement, each rescheduling adds the next
 * version and makes the previous one non-current (its open lines become SUPERSEDED); old versions stay.
 */
@Repository
public class RepaymentScheduleRepository {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final LoanHistory history;

  RepaymentScheduleRepository(JdbcClient jdbc, Clock clock, LoanHistory history) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.history = history;
  }

  /** Stores {@code lines} as the loan's next, current schedule version and returns it. */
  @Transactional
  public RepaymentSchedule storeNewVersion(
      long loanId, BigDecimal principal, BigDecimal annualRate, String reason, List<ScheduleLine> lines) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a schedule needs at least one line");
    }
    // lock the loan row so that two versions cannot be numbered at once
    jdbc.sql("SELECT id FROM loan WHERE id = :loan FOR UPDATE").param("loan", loanId).query(Long.class).single();
    int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM repayment_schedule WHERE loan_id = :loan")
        .param("loan", loanId).query(Integer.class).single();
    jdbc.sql("""
            UPDATE repayment_schedule_line SET state = 'SUPERSEDED'
            WHERE state = 'OPEN' AND schedule_id IN
                  (SELECT id FROM repayment_schedule WHERE loan_id = :loan AND current = TRUE)""")
        .param("loan", loanId).update();
    jdbc.sql("UPDATE repayment_schedule SET current = FALSE WHERE loan_id = :loan AND current = TRUE")
        .param("loan", loanId).update();
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO repayment_schedule (loan_id, version, reason, principal, annual_rate, current, created_at)
            VALUES (:loan, :version, :reason, :principal, :rate, TRUE, :now)""")
        .param("loan", loanId)
        .param("version", version)
        .param("reason", reason)
        .param("principal", Money.euros(principal))
        .param("rate", annualRate)
        .param("now", LocalDateTime.now(clock))
        .update(keys, "id");
    long scheduleId = keys.getKey().longValue();
    for (ScheduleLine line : lines) {
      jdbc.sql("""
              INSERT INTO repayment_schedule_line
                  (schedule_id, instalment_no, due_on, principal, interest, instalment, remaining_principal)
              VALUES (:schedule, :no, :due, :principal, :interest, :instalment, :remaining)""")
          .param("schedule", scheduleId)
          .param("no", line.instalmentNo())
          .param("due", line.dueOn())
          .param("principal", line.principal())
          .param("interest", line.interest())
          .param("instalment", line.instalment())
          .param("remaining", line.remainingPrincipal())
          .update();
    }
    // the new version's first line is its oldest unpaid one from today on; a first version may start
    // at its first due date when that is earlier (before it, nothing can be overdue anyway)
    LocalDate today = LocalDate.now(clock);
    LocalDate firstDue = lines.get(0).dueOn();
    history.oldestUnpaidInstalment(loanId, version == 1 && firstDue.isBefore(today) ? firstDue : today, firstDue);
    return findCurrent(loanId).orElseThrow();
  }

  /** The loan's current schedule with its lines in instalment order, if it has one. */
  public Optional<RepaymentSchedule> findCurrent(long loanId) {
    return jdbc.sql("""
            SELECT id, loan_id, version, reason, principal, annual_rate, current, created_at
            FROM repayment_schedule WHERE loan_id = :loan AND current = TRUE""")
        .param("loan", loanId)
        .query((rs, row) -> new RepaymentSchedule(
            rs.getLong("id"),
            rs.getLong("loan_id"),
            rs.getInt("version"),
            rs.getString("reason"),
            rs.getBigDecimal("principal"),
            rs.getBigDecimal("annual_rate"),
            rs.getBoolean("current"),
            rs.getObject("created_at", LocalDateTime.class),
            List.of()))
        .optional()
        .map(schedule -> new RepaymentSchedule(schedule.id(), schedule.loanId(), schedule.version(),
            schedule.reason(), schedule.principal(), schedule.annualRate(), schedule.current(),
            schedule.createdAt(), lines(schedule.id())));
  }

  /** How many schedule versions the loan has (current or not). */
  public int countVersions(long loanId) {
    return jdbc.sql("SELECT count(*) FROM repayment_schedule WHERE loan_id = :loan")
        .param("loan", loanId).query(Integer.class).single();
  }

  private List<ScheduleLine> lines(long scheduleId) {
    return jdbc.sql("""
            SELECT instalment_no, due_on, interest, principal, instalment, remaining_principal
            FROM repayment_schedule_line WHERE schedule_id = :schedule ORDER BY instalment_no""")
        .param("schedule", scheduleId)
        .query((rs, row) -> new ScheduleLine(
            rs.getInt("instalment_no"),
            rs.getObject("due_on", LocalDate.class),
            rs.getBigDecimal("interest"),
            rs.getBigDecimal("principal"),
            rs.getBigDecimal("instalment"),
            rs.getBigDecimal("remaining_principal")))
        .list();
  }
}
