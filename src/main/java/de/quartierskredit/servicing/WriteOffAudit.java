package de.quartierskredit.servicing;

import de.quartierskredit.audit.AuditAction;
import de.quartierskredit.audit.AuditDetails;
import de.quartierskredit.audit.AuditTrail;
import de.quartierskredit.duties.LoanParticipants;
import de.quartierskredit.duties.Participation;
import de.quartierskredit.duties.Step;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Step 12 in the audit trail, four eyes: who asked for the write-off and who approved or turned it
 * down, both from {@code loan_participant} (recorded from the logged-in users), and on approval the
 * amount written off and who bears the loss ({@code loss_allocation}).
 */
@Component
class WriteOffAudit {

  private final LoanParticipants participants;
  private final AuditTrail audit;
  private final JdbcClient jdbc;

  WriteOffAudit(LoanParticipants participants, AuditTrail audit, JdbcClient jdbc) {
    this.participants = participants;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  /** The write-off booked: call in the approval's transaction, after the loss was allocated. */
  void writtenOff(long loanId, String reference, BigDecimal writtenOff) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(AuditDetails.WRITTEN_OFF_AMOUNT, writtenOff);
    jdbc.sql("SELECT bearer, amount FROM loss_allocation WHERE loan_id = :loan")
        .param("loan", loanId)
        .query((rs, row) -> Map.entry(rs.getString("bearer"), rs.getBigDecimal("amount")))
        .list()
        .forEach(share -> details.put(switch (share.getKey()) {
          case "LOCAL_FUND" -> AuditDetails.LOSS_LOCAL_FUND;
          case "MICROFINANCER" -> AuditDetails.LOSS_MICROFINANCER;
          default -> AuditDetails.LOSS_NATIONAL_FUND;
        }, share.getValue()));
    List<Participation> steps = participants.of(reference);
    audit.record(reference, AuditAction.WRITE_OFF, latest(steps, Step.WRITE_OFF_REQUESTED),
        latest(steps, Step.WRITE_OFF_APPROVED), details);
  }

  /** The write-off turned down: call in the transaction that recorded the rejection. */
  void rejected(String reference, String reason) {
    List<Participation> steps = participants.of(reference);
    audit.record(reference, AuditAction.WRITE_OFF_REJECTED, latest(steps, Step.WRITE_OFF_REQUESTED),
        latest(steps, Step.WRITE_OFF_REJECTED),
        Map.of(AuditDetails.REJECTION_REASON_SHA256, AuditTrail.sha256(reason == null ? "" : reason.strip())));
  }

  private static String latest(List<Participation> steps, Step step) {
    String user = null;
    for (Participation participation : steps) {
      if (participation.step() == step) {
        user = participation.userId();
      }
    }
    return user;
  }
}
