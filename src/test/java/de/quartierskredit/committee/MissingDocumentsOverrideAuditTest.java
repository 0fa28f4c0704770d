package de.quartierskredit.committee;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.audit.AuditAction;
import de.quartierskredit.audit.AuditDetails;
import de.quartierskredit.audit.AuditEntryView;
import de.quartierskredit.audit.AuditTrail;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The committee's entry in the audit trail says whether it approved although a required document was
 * missing (committee_decision.missing_documents, V15) and keeps the reason it gave by its hash only.
 */
@QuartierskreditTest
class MissingDocumentsOverrideAuditTest {

  @Autowired CommitteeDecisionAudit decisionAudit;
  @Autowired AuditTrail audit;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void shouldRecordThatAMissingDocumentWasOverriddenAndWhyByHash() {
    String reference = loans.register(new NewApplication("Aylin", "Demir", null, null, false, "Schneiderei",
        BusinessStage.EXISTING, "Handwerk", "Marktplatz 3", "63065", "Offenbach", "offenbach", "Nähmaschine",
        new BigDecimal("2000.00"))).reference();
    transactions.executeWithoutResult(step -> {
      jdbc.sql("""
              INSERT INTO committee_decision (loan_id, decision, reason, amount, votes_for, votes_against, abstentions,
                                              decided_by, decided_at, missing_documents, missing_documents_reason)
              SELECT id, 'APPROVE', 'Tragfähig.', amount, 2, 0, 1, 'ines', :at, 'PROOF_OF_INCOME',
                     'Einkommensnachweis von Frau Demir folgt nach Rückkehr aus dem Urlaub.'
              FROM loan WHERE reference = :r""")
          .param("at", LocalDateTime.now()).param("r", reference).update();
      decisionAudit.recordLatest(reference);
    });

    AuditEntryView entry = audit.of(reference).get(0);
    assertThat(entry.action()).isEqualTo(AuditAction.COMMITTEE_DECISION);
    assertThat(entry.actor()).isEqualTo("ines");
    assertThat(entry.details()).containsEntry(AuditDetails.MISSING_DOCUMENTS_OVERRIDDEN, true)
        .containsEntry(AuditDetails.MISSING_DOCUMENTS_REASON_SHA256,
            AuditTrail.sha256("Einkommensnachweis von Frau Demir folgt nach Rückkehr aus dem Urlaub."))
        .containsEntry(AuditDetails.VOTES_FOR, 2).containsEntry(AuditDetails.ABSTENTIONS, 1);
    assertThat(entry.description()).contains("trotz fehlender Unterlagen: ja")
        .contains("Begründung zu fehlenden Unterlagen (SHA-256): ");
    assertThat(entry.toString()).doesNotContain("Demir", "Urlaub");
  }
}
