package de.quartierskredit.rescheduling;

import de.quartierskredit.audit.AuditAction;
import de.quartierskredit.audit.AuditDetails;
import de.quartierskredit.audit.AuditTrail;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Step 11 in the audit trail: a repayment plan change approved (once its new schedule version is in
 * force) or rejected, with who requested and who decided it and the schedule versions, all read
 * from {@code loan_reschedule_request} (whose persons are the logged-in users), the decision comment
 * by its SHA-256 only.
 */
@Component
class ReschedulingAudit {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  ReschedulingAudit(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Records the decided request; call in the transaction that approved (activated) or rejected it. */
  void decided(long requestId) {
    record Row(String reference, String kind, String status, String submittedBy, String decidedBy,
        String comment, int basedOn, Integer version, int instalments, BigDecimal instalment) {}
    Row row = jdbc.sql("""
            SELECT l.reference, r.kind, r.status, r.submitted_by, r.decided_by, r.decision_comment,
                   r.based_on_version, r.schedule_version, r.instalments, r.instalment
            FROM loan_reschedule_request r JOIN loan l ON l.id = r.loan_id WHERE r.id = :id""")
        .param("id", requestId)
        .query((rs, n) -> new Row(rs.getString("reference"), rs.getString("kind"), rs.getString("status"),
            rs.getString("submitted_by"), rs.getString("decided_by"), rs.getString("decision_comment"),
            rs.getInt("based_on_version"), (Integer) rs.getObject("schedule_version", Integer.class),
            rs.getInt("instalments"), rs.getBigDecimal("instalment")))
        .single();
    boolean approved = "APPROVED".equals(row.status());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(AuditDetails.RESCHEDULING_KIND, row.kind());
    details.put(AuditDetails.SCHEDULE_VERSION_BEFORE, row.basedOn());
    if (approved && row.version() != null) {
      details.put(AuditDetails.SCHEDULE_VERSION_AFTER, row.version());
      details.put(AuditDetails.INSTALMENTS, row.instalments());
      details.put(AuditDetails.INSTALMENT, row.instalment());
    }
    if (row.comment() != null && !row.comment().isBlank()) {
      details.put(AuditDetails.DECISION_COMMENT_SHA256, AuditTrail.sha256(row.comment()));
    }
    audit.record(row.reference(), approved ? AuditAction.RESCHEDULING_APPROVED : AuditAction.RESCHEDULING_REJECTED,
        row.submittedBy(), row.decidedBy(), details);
  }
}
