package de.quartierskredit.rescheduling;

import de.quartierskredit.schedule.AnnuitySchedule;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores rescheduling requests (Fineract: LoanRescheduleRequest) with their proposal and decision,
 * and reads what the current schedule still has open; each write is guarded so none happens twice.
 */
@Repository
class RescheduleRequestRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  RescheduleRequestRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The loan's current schedule as far as it is not paid: every line not PAID is still owed. */
  record OpenSchedule(int version, BigDecimal principal, BigDecimal annualRate, BigDecimal paidPrincipal,
      List<OpenLine> unpaidLines) {}

  record OpenLine(LocalDate dueOn, BigDecimal interest, BigDecimal principal, BigDecimal instalment) {}

  /** A stored request; {@code scheduleVersion} is set once approval created the new schedule. */
  record StoredRequest(long id, long loanId, ReschedulingKind kind, String reason, String status,
      int basedOnVersion, AnnuitySchedule.Terms terms, Integer scheduleVersion) {}

  Optional<OpenSchedule> openSchedule(long loanId) {
    return jdbc.sql("""
            SELECT s.id, s.version, s.principal, s.annual_rate,
                   COALESCE((SELECT SUM(l.principal) FROM repayment_schedule_line l
                             WHERE l.schedule_id = s.id AND l.state = 'PAID'), 0) AS paid_principal
            FROM repayment_schedule s WHERE s.loan_id = :loan AND s.current = TRUE""")
        .param("loan", loanId)
        .query((rs, row) -> new OpenSchedule(rs.getInt("version"), rs.getBigDecimal("principal"),
            rs.getBigDecimal("annual_rate"), rs.getBigDecimal("paid_principal"), unpaidLines(rs.getLong("id"))))
        .optional();
  }

  /** The loan's annual rate as contracted (null if none was recorded). */
  Optional<BigDecimal> annualRate(long loanId) {
    return jdbc.sql("SELECT interest_rate FROM loan WHERE id = :loan").param("loan", loanId)
        .query((rs, row) -> Optional.ofNullable(rs.getBigDecimal("interest_rate"))).single();
  }

  /** Records a submitted request with its proposal, once per process instance; returns its id. */
  long submit(long loanId, ReschedulingPolicy.Request request, int basedOnVersion, ReschedulingPolicy.Proposal proposal,
      String submittedBy, String processInstanceId) {
    Optional<Long> existing = jdbc.sql("SELECT id FROM loan_reschedule_request WHERE process_instance_id = :pi")
        .param("pi", processInstanceId).query(Long.class).optional();
    if (existing.isPresent()) {
      return existing.get();
    }
    var keys = new GeneratedKeyHolder();
    AnnuitySchedule.Terms terms = proposal.terms();
    jdbc.sql("""
            INSERT INTO loan_reschedule_request
                (loan_id, kind, reason, requested_instalments, target_instalment, pause_months, status,
                 submitted_on, submitted_by, based_on_version, principal, annual_rate, first_due_on,
                 instalments, instalment, process_instance_id, created_at)
            VALUES (:loan, :kind, :reason, :requested, :target, :pause, 'SUBMITTED', :today, :by, :basedOn,
                    :principal, :rate, :firstDue, :instalments, :instalment, :pi, :now)""")
        .param("loan", loanId)
        .param("kind", request.kind().name())
        .param("reason", request.reason().strip())
        .param("requested", request.kind() == ReschedulingKind.LONGER_TERM ? request.newInstalments() : null)
        .param("target", request.kind() == ReschedulingKind.LOWER_INSTALMENT ? request.targetInstalment() : null)
        .param("pause", terms.pauseMonths())
        .param("today", LocalDate.now(clock))
        .param("by", submittedBy)
        .param("basedOn", basedOnVersion)
        .param("principal", terms.principal())
        .param("rate", terms.annualRate())
        .param("firstDue", terms.firstDueOn())
        .param("instalments", terms.instalments())
        .param("instalment", proposal.instalment())
        .param("pi", processInstanceId)
        .param("now", LocalDateTime.now(clock))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<StoredRequest> find(long id) {
    return jdbc.sql("""
            SELECT id, loan_id, kind, reason, status, based_on_version, principal, annual_rate, first_due_on,
                   instalments, pause_months, schedule_version
            FROM loan_reschedule_request WHERE id = :id""")
        .param("id", id)
        .query(RescheduleRequestRepository::map)
        .optional();
  }

  /** Approves or rejects a submitted request; false when it was decided already (nothing changes). */
  boolean decide(long id, boolean approved, String decidedBy, String comment) {
    return jdbc.sql("""
            UPDATE loan_reschedule_request
            SET status = :status, approved_on = :approvedOn, rejected_on = :rejectedOn,
                decided_by = :by, decision_comment = :comment
            WHERE id = :id AND status = 'SUBMITTED'""")
        .param("status", approved ? "APPROVED" : "REJECTED")
        .param("approvedOn", approved ? LocalDate.now(clock) : null)
        .param("rejectedOn", approved ? null : LocalDate.now(clock))
        .param("by", decidedBy)
        .param("comment", comment)
        .param("id", id)
        .update() == 1;
  }

  void recordScheduleVersion(long id, int version) {
    jdbc.sql("UPDATE loan_reschedule_request SET schedule_version = :version WHERE id = :id AND schedule_version IS NULL")
        .param("version", version).param("id", id).update();
  }

  LocalDate disbursedOn(long loanId) {
    return jdbc.sql("SELECT disbursed_on FROM loan WHERE id = :loan").param("loan", loanId)
        .query((rs, row) -> rs.getObject("disbursed_on", LocalDate.class)).single();
  }

  private List<OpenLine> unpaidLines(long scheduleId) {
    return jdbc.sql("""
            SELECT due_on, interest, principal, instalment FROM repayment_schedule_line
            WHERE schedule_id = :schedule AND state <> 'PAID' ORDER BY instalment_no""")
        .param("schedule", scheduleId)
        .query((rs, row) -> new OpenLine(rs.getObject("due_on", LocalDate.class), rs.getBigDecimal("interest"),
            rs.getBigDecimal("principal"), rs.getBigDecimal("instalment")))
        .list();
  }

  private static StoredRequest map(ResultSet rs, int row) throws SQLException {
    var terms = new AnnuitySchedule.Terms(rs.getBigDecimal("principal"), rs.getBigDecimal("annual_rate"),
        rs.getInt("instalments"), rs.getObject("first_due_on", LocalDate.class), rs.getInt("pause_months"));
    int version = rs.getInt("schedule_version");
    Integer scheduleVersion = rs.wasNull() ? null : version;
    return new StoredRequest(
        rs.getLong("id"),
        rs.getLong("loan_id"),
        ReschedulingKind.valueOf(rs.getString("kind")),
        rs.getString("reason"),
        rs.getString("status"),
        rs.getInt("based_on_version"),
        terms,
        scheduleVersion);
  }
}
