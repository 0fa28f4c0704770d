package de.quartierskredit.committee;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keeps every committee decision with its reason and votes (table {@code committee_decision}). */
@Repository
class CommitteeDecisionRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  CommitteeDecisionRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void record(String loanReference, CommitteeDecision decision, MissingDocuments missing, String decidedBy,
      String processInstanceId) {
    jdbc.sql("""
            INSERT INTO committee_decision (loan_id, decision, reason, amount, votes_for, votes_against,
                                            abstentions, decided_by, decided_at, process_instance_id,
                                            missing_documents, missing_documents_reason)
            SELECT id, :decision, :reason, amount, :for, :against, :abstentions, :by, :at, :pi, :missing,
                   :missingReason
            FROM loan WHERE reference = :reference""")
        .param("missing", missing.types().isEmpty() ? null : String.join(",", missing.types()))
        .param("missingReason", missing.reason())
        .param("decision", decision.decision())
        .param("reason", decision.reason())
        .param("for", decision.votesFor())
        .param("against", decision.votesAgainst())
        .param("abstentions", decision.abstentions())
        .param("by", decidedBy)
        .param("at", LocalDateTime.now(clock))
        .param("pi", processInstanceId)
        .param("reference", loanReference)
        .update();
  }

  List<RecordedDecision> findByLoan(String loanReference) {
    return jdbc.sql("""
            SELECT d.decision, d.reason, d.amount, d.votes_for, d.votes_against, d.abstentions, d.decided_by,
                   d.decided_at, d.missing_documents, d.missing_documents_reason
            FROM committee_decision d JOIN loan l ON l.id = d.loan_id
            WHERE l.reference = :reference ORDER BY d.id""")
        .param("reference", loanReference)
        .query((rs, row) -> new RecordedDecision(
            new CommitteeDecision(rs.getString("decision"), rs.getString("reason"), rs.getInt("votes_for"),
                rs.getInt("votes_against"), rs.getInt("abstentions")),
            rs.getBigDecimal("amount"), rs.getString("decided_by"),
            rs.getObject("decided_at", LocalDateTime.class),
            new MissingDocuments(rs.getString("missing_documents") == null ? List.of()
                : List.of(rs.getString("missing_documents").split(",")), rs.getString("missing_documents_reason"))))
        .list();
  }

  /** What the committee decided and how it voted. */
  record CommitteeDecision(String decision, String reason, int votesFor, int votesAgainst, int abstentions) {}

  /** The required documents (checklist codes) missing when the committee decided, and why it approved anyway. */
  record MissingDocuments(List<String> types, String reason) {}

  /** A stored decision: the decision, the amount it was about, who entered it and when, what was missing. */
  record RecordedDecision(CommitteeDecision decision, BigDecimal amount, String decidedBy,
      LocalDateTime decidedAt, MissingDocuments missingDocuments) {}
}
