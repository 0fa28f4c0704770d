package de.quartierskredit.committee;

import de.quartierskredit.audit.AuditAction;
import de.quartierskredit.audit.AuditDetails;
import de.quartierskredit.audit.AuditTrail;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Step 7 in the audit trail: the committee decision just stored, as the table holds it (decision,
 * votes, amount, who entered it, whether a missing document was overridden), with the reason and the
 * reason for missing documents by their SHA-256 only, so the entry holds no personal data.
 */
@Component
class CommitteeDecisionAudit {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  CommitteeDecisionAudit(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Records the loan's latest committee decision; call in the transaction that stored it. */
  void recordLatest(String loanReference) {
    record Row(String decision, String reason, BigDecimal amount, int votesFor, int votesAgainst, int abstentions,
        String decidedBy, String missingDocuments, String missingDocumentsReason) {}
    Row row = jdbc.sql("""
            SELECT d.decision, d.reason, d.amount, d.votes_for, d.votes_against, d.abstentions, d.decided_by,
                   d.missing_documents, d.missing_documents_reason
            FROM committee_decision d JOIN loan l ON l.id = d.loan_id
            WHERE l.reference = :reference ORDER BY d.id DESC FETCH FIRST 1 ROWS ONLY""")
        .param("reference", loanReference)
        .query((rs, n) -> new Row(rs.getString("decision"), rs.getString("reason"), rs.getBigDecimal("amount"),
            rs.getInt("votes_for"), rs.getInt("votes_against"), rs.getInt("abstentions"), rs.getString("decided_by"),
            rs.getString("missing_documents"), rs.getString("missing_documents_reason")))
        .single();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(AuditDetails.DECISION, row.decision());
    details.put(AuditDetails.AMOUNT, row.amount());
    details.put(AuditDetails.VOTES_FOR, row.votesFor());
    details.put(AuditDetails.VOTES_AGAINST, row.votesAgainst());
    details.put(AuditDetails.ABSTENTIONS, row.abstentions());
    details.put(AuditDetails.REASON_SHA256, AuditTrail.sha256(row.reason()));
    boolean overridden = row.missingDocuments() != null && !row.missingDocuments().isBlank();
    details.put(AuditDetails.MISSING_DOCUMENTS_OVERRIDDEN, overridden);
    if (row.missingDocumentsReason() != null && !row.missingDocumentsReason().isBlank()) {
      details.put(AuditDetails.MISSING_DOCUMENTS_REASON_SHA256, AuditTrail.sha256(row.missingDocumentsReason()));
    }
    audit.record(loanReference, AuditAction.COMMITTEE_DECISION, row.decidedBy(), null, details);
  }
}
