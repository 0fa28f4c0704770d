package de.quartierskredit.privacy;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The log of the data protection functions (who searched, exported or erased what and when), in the
 * transaction of what it records. It never holds the data itself: no name, phone, note or search term,
 * only subject ids ({@code applicant-17}), loan references, the rule applied and counts.
 */
@Repository
class DataProtectionLog {

  enum Action { SEARCH, EXPORT, ERASURE, ERASURE_REFUSED }

  /** One entry as read back (for tests and the data protection officer). */
  record Entry(LocalDateTime occurredAt, String actor, Action action, String subjectId, String loanReference,
      String details) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  DataProtectionLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void record(String actor, Action action, String subjectId, String loanReference, String details) {
    jdbc.sql("""
            INSERT INTO data_protection_log (occurred_at, actor, action, subject_id, loan_reference, details)
            VALUES (:at, :actor, :action, :subject, :reference, :details)""")
        .param("at", LocalDateTime.now(clock))
        .param("actor", actor)
        .param("action", action.name())
        .param("subject", subjectId)
        .param("reference", loanReference)
        .param("details", details == null || details.length() <= 2000 ? details : details.substring(0, 2000))
        .update();
  }

  List<Entry> of(String loanReference) {
    return jdbc.sql("""
            SELECT occurred_at, actor, action, subject_id, loan_reference, details FROM data_protection_log
            WHERE loan_reference = :reference ORDER BY id""")
        .param("reference", loanReference)
        .query((rs, row) -> new Entry(rs.getObject("occurred_at", LocalDateTime.class), rs.getString("actor"),
            Action.valueOf(rs.getString("action")), rs.getString("subject_id"), rs.getString("loan_reference"),
            rs.getString("details")))
        .list();
  }

  /** The newest entries (at most {@code limit}), of one loan if {@code loanReference} is given, newest first. */
  List<Entry> newest(String loanReference, int limit) {
    return jdbc.sql("""
            SELECT occurred_at, actor, action, subject_id, loan_reference, details FROM data_protection_log
            WHERE CAST(:reference AS VARCHAR(40)) IS NULL OR loan_reference = :reference
            ORDER BY id DESC LIMIT :limit""")
        .param("reference", loanReference)
        .param("limit", limit)
        .query((rs, row) -> new Entry(rs.getObject("occurred_at", LocalDateTime.class), rs.getString("actor"),
            Action.valueOf(rs.getString("action")), rs.getString("subject_id"), rs.getString("loan_reference"),
            rs.getString("details")))
        .list();
  }

  List<Entry> since(long afterId) {
    return jdbc.sql("""
            SELECT occurred_at, actor, action, subject_id, loan_reference, details FROM data_protection_log
            WHERE id > :after ORDER BY id""")
        .param("after", afterId)
        .query((rs, row) -> new Entry(rs.getObject("occurred_at", LocalDateTime.class), rs.getString("actor"),
            Action.valueOf(rs.getString("action")), rs.getString("subject_id"), rs.getString("loan_reference"),
            rs.getString("details")))
        .list();
  }

  long lastId() {
    return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM data_protection_log").query(Long.class).single();
  }
}
