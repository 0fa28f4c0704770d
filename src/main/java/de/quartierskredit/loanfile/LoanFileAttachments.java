package de.quartierskredit.loanfile;

import de.quartierskredit.audit.AuditEntryView;
import de.quartierskredit.audit.AuditTrail;
import de.quartierskredit.audit.ChainCheck;
import de.quartierskredit.document.LoanDocumentView;
import de.quartierskredit.document.LoanDocuments;
import de.quartierskredit.loanfile.LoanFile.Audit;
import de.quartierskredit.loanfile.LoanFile.AuditEntry;
import de.quartierskredit.loanfile.LoanFile.ChecklistItem;
import de.quartierskredit.loanfile.LoanFile.Document;
import de.quartierskredit.loanfile.LoanFile.Documents;
import de.quartierskredit.shared.GermanFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The two sections of the loan file that other features own: the documents ({@link LoanDocuments}:
 * checklist and files, with download links for whoever may open files) and the audit trail
 * ({@link AuditTrail}: entries and the check of their hash chain). Written as display text like the rest.
 */
@Component
class LoanFileAttachments {

  private final LoanDocuments documents;
  private final AuditTrail audit;
  private final IdentityService identity;

  LoanFileAttachments(LoanDocuments documents, AuditTrail audit, IdentityService identity) {
    this.documents = documents;
    this.audit = audit;
    this.identity = identity;
  }

  /**
   * The checklist and the files as this reader may see them ({@link LoanDocuments#of(String, java.util.Collection)}
   * applies the documents' own access rule: managers see that a file exists, not its name or address).
   */
  Documents documents(String reference, List<String> groups) {
    People people = new People(identity);
    List<ChecklistItem> checklist = documents.checklist(reference).stream()
        .map(item -> new ChecklistItem(item.stageLabel(), item.label(), item.required() ? "erforderlich" : "freiwillig",
            item.status()))
        .toList();
    List<Document> files = documents.of(reference, groups).stream().map(d -> new Document(d.stageLabel(), d.typeLabel(),
        d.erased() ? LoanFile.ERASED : d.fileName() == null ? "(nur für Berechtigte)" : LoanFileReader.text(d.fileName()),
        people.name(d.uploadedBy()), d.uploadedAt() == null ? "–" : GermanFormat.date(d.uploadedAt().toLocalDate()),
        status(d, people), d.erased() ? null : d.downloadUrl())).toList();
    return new Documents(checklist, files);
  }

  private static String status(LoanDocumentView d, People people) {
    if (d.erased()) {
      return "gelöscht (Aufbewahrungsfrist abgelaufen)";
    }
    if (d.withdrawn()) {
      return "ersetzt" + (d.withdrawnAt() == null ? "" : " am " + GermanFormat.date(d.withdrawnAt().toLocalDate()))
          + (d.withdrawnBy() == null ? "" : " von " + people.name(d.withdrawnBy()));
    }
    return "gültig";
  }

  /** The German name of each checklist code the loan's checklist and files know. */
  Map<String, String> documentLabels(String reference) {
    Map<String, String> labels = new HashMap<>();
    documents.of(reference).forEach(d -> labels.putIfAbsent(d.type(), d.typeLabel()));
    documents.checklist(reference).forEach(item -> labels.put(item.type(), item.label()));
    return labels;
  }

  Audit audit(String reference) {
    People people = new People(identity);
    ChainCheck check = audit.verify(reference);
    List<AuditEntry> entries = audit.of(reference).stream().map((AuditEntryView e) -> new AuditEntry(e.sequenceNo(),
        e.occurredOn(), e.actionLabel(), person(people, e.actor(), e.actorRole()),
        e.secondActor() == null ? "–" : person(people, e.secondActor(), e.secondActorRole()),
        LoanFileReader.text(e.description()))).toList();
    return new Audit(check.intact(), check.message(), entries);
  }

  private static String person(People people, String userId, String role) {
    String name = people.name(userId);
    return role == null || role.isBlank() ? name : role + " " + name; // "genehmigt von Mia Yilmaz (mia)"
  }
}
