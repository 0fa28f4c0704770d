package de.quartierskredit.servicing;

import de.quartierskredit.bank.InstalmentBooked;
import de.quartierskredit.servicing.EarlyWarningPolicy.Change;
import de.quartierskredit.servicing.EarlyWarningPolicy.Decision;
import de.quartierskredit.servicing.EarlyWarningPolicy.Reason;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import de.quartierskredit.shared.Dates;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Step 9, early warning: raises, changes and clears a loan's warning ({@link EarlyWarningPolicy}) in the same
 * transaction as the contact, the missed contact or the bank event that causes it, and keeps the priority of
 * the loan's open monthly contact task in step, so that the advisor sees her flagged loans first. The only
 * writer of {@code loan_warning}.
 *
 * <p>Cost on the hot path: one indexed read per bank instalment event and per recorded contact (plus the loan
 * row's lock for a contact, which the bank event holds already); writes and task updates only when the
 * warning changes.
 */
@Service
class EarlyWarnings {

  /** Camunda's default task priority, and the one of a flagged loan's contact task (higher comes first). */
  static final int NORMAL_PRIORITY = Task.PRIORITY_NORMAL;
  static final int WARNED_PRIORITY = 80;

  private final EarlyWarningPolicy policy = new EarlyWarningPolicy();
  private final JdbcClient jdbc;
  private final TaskService tasks;
  private final Clock clock;

  EarlyWarnings(JdbcClient jdbc, TaskService tasks, Clock clock) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** The loan's open warning, if any: since when and the current reasons. */
  record Warning(LocalDate raisedOn, Set<Reason> reasons) {}

  /**
   * A contact is about to be recorded for the loan (called before it is stored, so that the previous contact
   * is still the latest).
   */
  void contactRecorded(long loanId, String reference, boolean disturbed, BorrowerContact contact) {
    lockLoan(loanId);
    Current current = current(loanId);
    apply(loanId, reference, current.reasons(), policy.afterContact(current.reasons(), disturbed, contact.outcome(),
        contact.businessSituation(), current.previousSituation()), false);
  }

  /** The month ended without the monthly contact (the model's overdue escalation). */
  void contactMissed(long loanId, String reference, boolean disturbed) {
    lockLoan(loanId);
    Set<Reason> current = current(loanId).reasons();
    apply(loanId, reference, current, policy.afterMissedContact(current, disturbed), true);
  }

  /** The bank's instalment event, in its transaction (the bank holds the loan row locked). */
  @EventListener
  public void instalmentBooked(InstalmentBooked booked) {
    Set<Reason> current = openReasons(booked.loanId());
    Decision decision = booked.repaid() ? policy.afterLoanEnded(current)
        : policy.afterInstalment(current, booked.disturbed(), booked.partlyPaidAhead(), booked.paidLate());
    apply(booked.loanId(), booked.reference(), current, decision, true);
  }

  /** The loan's open warning (none for a loan in good standing without signals, or a disturbed one). */
  Optional<Warning> open(long loanId) {
    return jdbc.sql("SELECT raised_on, reasons FROM loan_warning WHERE open_loan_id = :loan")
        .param("loan", loanId)
        .query((rs, row) -> new Warning(rs.getObject("raised_on", LocalDate.class),
            EarlyWarningPolicy.parse(rs.getString("reasons"))))
        .optional();
  }

  private void apply(long loanId, String reference, Set<Reason> before, Decision decision, boolean openTasks) {
    if (decision.change() == Change.NONE) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    switch (decision.change()) {
      case RAISED -> jdbc.sql("""
              INSERT INTO loan_warning (loan_id, open_loan_id, raised_on, reasons, reasons_seen, changed_on, created_at)
              VALUES (:loan, :loan, :today, :reasons, :reasons, :today, :now)""")
          .param("loan", loanId).param("today", today).param("reasons", EarlyWarningPolicy.codes(decision.reasons()))
          .param("now", LocalDateTime.now(clock)).update();
      case CHANGED -> jdbc.sql("""
              UPDATE loan_warning SET reasons = :reasons, reasons_seen = :seen, changed_on = :today
              WHERE open_loan_id = :loan""")
          .param("reasons", EarlyWarningPolicy.codes(decision.reasons()))
          .param("seen", EarlyWarningPolicy.codes(seen(loanId, decision.reasons())))
          .param("today", today).param("loan", loanId).update();
      case CLEARED -> jdbc.sql("""
              UPDATE loan_warning SET open_loan_id = NULL, cleared_on = :today, cleared_because = :because,
                     changed_on = :today
              WHERE open_loan_id = :loan""")
          .param("today", today).param("because", decision.clearing().name()).param("loan", loanId).update();
      default -> { }
    }
    boolean wasWarned = !before.isEmpty();
    if (openTasks && wasWarned != decision.warned()) {
      prioritiseOpenContacts(reference, decision.warned());
    }
  }

  /**
   * The open monthly contact task of the loan comes first (or no longer) in the advisor's lists, and its
   * display copy {@code caseWarning} says why (or is removed).
   */
  private void prioritiseOpenContacts(String reference, boolean warned) {
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(LoanServicingProcess.Activities.MONTHLY_CONTACT).list();
    if (open.isEmpty()) {
      return;
    }
    Optional<Warning> warning = warned ? jdbc.sql("SELECT id FROM loan WHERE reference = :reference")
        .param("reference", reference).query(Long.class).optional().flatMap(this::open) : Optional.empty();
    for (Task task : open) {
      tasks.setPriority(task.getId(), warning.isPresent() ? WARNED_PRIORITY : NORMAL_PRIORITY);
      if (warning.isPresent()) {
        tasks.setVariableLocal(task.getId(), LoanServicingProcess.Variables.CASE_WARNING, display(warning.get()));
      } else {
        tasks.removeVariableLocal(task.getId(), LoanServicingProcess.Variables.CASE_WARNING);
      }
    }
  }

  /** The warning as the task list shows it: since when, and why, in German. */
  static String display(Warning warning) {
    return "seit " + Dates.format(warning.raisedOn()) + ": "
        + String.join("; ", EarlyWarningPolicy.labels(warning.reasons()));
  }

  private Set<Reason> seen(long loanId, Set<Reason> now) {
    EnumSet<Reason> all = EnumSet.noneOf(Reason.class);
    all.addAll(now);
    all.addAll(EarlyWarningPolicy.parse(jdbc.sql("SELECT reasons_seen FROM loan_warning WHERE open_loan_id = :loan")
        .param("loan", loanId).query(String.class).optional().orElse("")));
    return all;
  }

  private Set<Reason> openReasons(long loanId) {
    return EarlyWarningPolicy.parse(jdbc.sql("SELECT reasons FROM loan_warning WHERE open_loan_id = :loan")
        .param("loan", loanId).query(String.class).optional().orElse(""));
  }

  /** Serialises the loan's warning with the bank's events for it, which lock the same row. */
  private void lockLoan(long loanId) {
    jdbc.sql("SELECT id FROM loan WHERE id = :loan FOR UPDATE").param("loan", loanId).query(Long.class).single();
  }

  private record Current(Set<Reason> reasons, String previousSituation) {}

  /** The open warning's reasons and the business situation of the latest contact, in one read. */
  private Current current(long loanId) {
    return jdbc.sql("""
            SELECT (SELECT reasons FROM loan_warning WHERE open_loan_id = :loan) AS reasons,
                   (SELECT business_situation FROM borrower_contact WHERE loan_id = :loan
                    ORDER BY contacted_on DESC, id DESC FETCH FIRST 1 ROWS ONLY) AS situation""")
        .param("loan", loanId)
        .query((rs, row) -> new Current(EarlyWarningPolicy.parse(rs.getString("reasons")), rs.getString("situation")))
        .single();
  }
}
