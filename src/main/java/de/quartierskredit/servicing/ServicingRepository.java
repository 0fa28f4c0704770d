package de.quartierskredit.servicing;

import de.quartierskredit.servicing.DefaultDeadlinePolicy.Deadline;
import de.quartierskredit.servicing.LoanServicingProcess.ContactKind;
import de.quartierskredit.servicing.LoanServicingProcess.InterventionOutcome;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keeps what servicing records about a loan: contact obligations, contacts and interventions. */
@Repository
class ServicingRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  ServicingRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The loan's servicing figures as the ledger keeps them in {@code loan}. */
  Standing standing(String reference) {
    return jdbc.sql("""
            SELECT l.id, l.state, l.quarter_code, l.liable_party, l.outstanding_principal, l.disturbed,
                   l.disturbed_since,
                   (SELECT MAX(p.known_on) FROM loan_disturbance_period p
                    WHERE p.loan_id = l.id AND p.ended_on IS NULL AND l.disturbed) AS known_on
            FROM loan l WHERE l.reference = :reference""")
        .param("reference", reference)
        .query((rs, row) -> new Standing(rs.getLong("id"), reference, rs.getString("state"),
            rs.getString("quarter_code"), rs.getString("liable_party"), rs.getBigDecimal("outstanding_principal"),
            rs.getBoolean("disturbed"), rs.getObject("disturbed_since", LocalDate.class),
            rs.getObject("known_on", LocalDate.class)))
        .optional()
        .orElseThrow(() -> new IllegalStateException("no loan " + reference));
  }

  /**
   * Opens the month's contact obligation unless one exists: true if it was opened now. The unique key
   * (loan_id, contact_month) stops a concurrent second insert; its job then retries and finds the row.
   */
  boolean openObligation(long loanId, YearMonth month, LocalDate dueOn, String processInstanceId) {
    return jdbc.sql("""
            INSERT INTO contact_obligation (loan_id, contact_month, due_on, process_instance_id, created_at)
            SELECT :loan, :month, :due, :pi, :now
            WHERE NOT EXISTS (SELECT 1 FROM contact_obligation WHERE loan_id = :loan AND contact_month = :month)""")
        .param("loan", loanId).param("month", month.toString()).param("due", dueOn)
        .param("pi", processInstanceId).param("now", LocalDateTime.now(clock))
        .update() == 1;
  }

  int obligations(long loanId) {
    return jdbc.sql("SELECT count(*) FROM contact_obligation WHERE loan_id = :loan")
        .param("loan", loanId).query(Integer.class).single();
  }

  void recordContact(long loanId, ContactKind kind, BorrowerContact contact, String recordedBy, String taskId,
      String obligationMonth) {
    jdbc.sql("""
            INSERT INTO borrower_contact (loan_id, contact_month, kind, channel, outcome, business_situation, notes,
                                          contacted_on, recorded_by, task_id, created_at)
            VALUES (:loan, :month, :kind, :channel, :outcome, :situation, :notes, :on, :by, :task, :now)""")
        .param("loan", loanId)
        .param("month", obligationMonth != null ? obligationMonth : YearMonth.from(contact.contactedOn()).toString())
        .param("kind", kind.name()).param("channel", contact.channel()).param("outcome", contact.outcome())
        .param("situation", contact.businessSituation()).param("notes", contact.notes())
        .param("on", contact.contactedOn()).param("by", recordedBy).param("task", taskId)
        .param("now", LocalDateTime.now(clock))
        .update();
    if (kind == ContactKind.MONTHLY && obligationMonth != null) {
      jdbc.sql("""
              UPDATE contact_obligation SET fulfilled_on = :on
              WHERE loan_id = :loan AND contact_month = :month AND fulfilled_on IS NULL""")
          .param("on", contact.contactedOn()).param("loan", loanId).param("month", obligationMonth).update();
    }
  }

  void clarifyOverdue(long loanId, String month, String reason, String action, String by) {
    jdbc.sql("""
            UPDATE contact_obligation SET overdue_reason = :reason, overdue_action = :action, overdue_clarified_by = :by
            WHERE loan_id = :loan AND contact_month = :month""")
        .param("reason", reason).param("action", action).param("by", by)
        .param("loan", loanId).param("month", month).update();
  }

  /**
   * Opens an intervention with the deadline's dates unless one is open; returns the dates of the open
   * one, so that a second disturbance message (or a retried job) never moves a deadline.
   */
  Deadline openIntervention(long loanId, Deadline deadline, BigDecimal arrears, String processInstanceId) {
    Optional<Deadline> open = jdbc.sql("""
            SELECT disturbed_since, known_on, default_due_on FROM intervention WHERE loan_id = :loan AND closed_on IS NULL""")
        .param("loan", loanId)
        .query((rs, row) -> new Deadline(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
            rs.getObject(3, LocalDate.class)))
        .optional();
    if (open.isPresent()) {
      return open.get();
    }
    jdbc.sql("""
            INSERT INTO intervention (loan_id, opened_on, disturbed_since, known_on, arrears, default_due_on,
                                      process_instance_id, created_at)
            VALUES (:loan, :today, :since, :known, :arrears, :due, :pi, :now)""")
        .param("loan", loanId).param("today", LocalDate.now(clock)).param("since", deadline.disturbedSince())
        .param("known", deadline.knownOn())
        .param("arrears", arrears == null ? null : Money.euros(arrears)).param("due", deadline.defaultDueOn())
        .param("pi", processInstanceId).param("now", LocalDateTime.now(clock))
        .update();
    return deadline;
  }

  void recordPlan(long loanId, String measures, String softTopics, String nextStep, String agreedBy) {
    jdbc.sql("""
            UPDATE intervention SET measures = :measures, soft_topics = :soft, next_step = :next,
                   plan_agreed_by = :by, plan_agreed_on = :today
            WHERE loan_id = :loan AND closed_on IS NULL""")
        .param("measures", measures).param("soft", softTopics).param("next", nextStep).param("by", agreedBy)
        .param("today", LocalDate.now(clock)).param("loan", loanId).update();
  }

  void recordRescheduling(long loanId, String outcome) {
    jdbc.sql("UPDATE intervention SET rescheduling_outcome = :outcome WHERE loan_id = :loan AND closed_on IS NULL")
        .param("outcome", outcome).param("loan", loanId).update();
  }

  void closeIntervention(long loanId, InterventionOutcome outcome) {
    jdbc.sql("UPDATE intervention SET outcome = :outcome, closed_on = :today WHERE loan_id = :loan AND closed_on IS NULL")
        .param("outcome", outcome.name()).param("today", LocalDate.now(clock)).param("loan", loanId).update();
  }

  /** The latest day the loan is known to have been disturbed, or null if it never was. */
  LocalDate lastDisturbance(Standing loan) {
    LocalDate fromInterventions = jdbc.sql("""
            SELECT max(COALESCE(closed_on, opened_on)) FROM intervention WHERE loan_id = :loan""")
        .param("loan", loan.id()).query(LocalDate.class).optional().orElse(null);
    LocalDate fromLedger = loan.disturbed() ? LocalDate.now(clock) : loan.disturbedSince();
    if (fromInterventions == null) {
      return fromLedger;
    }
    return fromLedger == null || fromInterventions.isAfter(fromLedger) ? fromInterventions : fromLedger;
  }

  /**
   * A loan row as servicing reads it, with the day its current disturbance became known (null when
   * the loan is not disturbed or the day was not recorded).
   */
  record Standing(long id, String reference, String state, String quarterCode, String liableParty,
      BigDecimal outstanding, boolean disturbed, LocalDate disturbedSince, LocalDate disturbanceKnownOn) {

    boolean active() {
      return "ACTIVE".equals(state);
    }
  }
}
