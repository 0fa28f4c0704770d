package de.quartierskredit.document;

import de.quartierskredit.document.DocumentChecklist.Entry;
import de.quartierskredit.document.LoanDocumentRepository.LoanFacts;
import de.quartierskredit.document.LoanDocumentRepository.StoredDocument;
import de.quartierskredit.loan.UnknownLoanException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A loan's documents for other features (the loan file, the committee dossier, erasure): the stored
 * files and the checklist of the stages the loan has reached (bpmn/document-checklist.dmn). It does
 * not check who is asking: a caller that serves a person applies its own visibility rule first (the
 * HTTP endpoints use {@link DocumentAccessPolicy}). An unknown reference: {@link UnknownLoanException}.
 */
@Service
public class LoanDocuments {

  /** The checklist stage of the application: the documents the committee decides on. */
  public static final String APPLICATION_STAGE = DocumentStage.APPLICATION.name();

  private final LoanDocumentRepository documents;
  private final DocumentChecklist checklist;
  private final DocumentStore store;
  private final Clock clock;

  LoanDocuments(LoanDocumentRepository documents, DocumentChecklist checklist, DocumentStore store, Clock clock) {
    this.documents = documents;
    this.checklist = checklist;
    this.store = store;
    this.clock = clock;
  }

  /** All files of the loan, withdrawn and erased ones included (flagged), newest first. */
  @Transactional(readOnly = true)
  public List<LoanDocumentView> of(String reference) {
    LoanFacts loan = facts(reference);
    return views(loan, documents.ofLoan(loan.id()));
  }

  /**
   * The files as a person of these groups may see them ({@link DocumentAccessPolicy}): the bank only the
   * contract's, a manager without file name and download address; empty for someone who may not see the loan's
   * documents at all. For the loan file and other pages that already decided the person may see the loan.
   */
  @Transactional(readOnly = true)
  public List<LoanDocumentView> of(String reference, Collection<String> groups) {
    LoanFacts loan = facts(reference);
    return visibleViews(loan, documents.ofLoan(loan.id()), groups);
  }

  List<LoanDocumentView> visibleViews(LoanFacts loan, List<StoredDocument> stored, Collection<String> groups) {
    var reading = DocumentAccessPolicy.reading(groups, loan.quarterCode(), loan.state());
    return views(loan, stored).stream().filter(view -> reading.covers(view.stage()))
        .map(view -> DocumentAccessPolicy.open(groups, loan.quarterCode(), loan.state(), view.stage()).ok()
            ? view : view.withoutFile())
        .toList();
  }

  /** The checklist of every stage the loan has reached, in stage and rule order, each item with its status. */
  @Transactional(readOnly = true)
  public List<ChecklistItemView> checklist(String reference) {
    LoanFacts loan = facts(reference);
    return checklist(loan, documents.ofLoan(loan.id()));
  }

  /** The required items of one stage (APPLICATION, CONTRACT) without a current file. */
  @Transactional(readOnly = true)
  public List<ChecklistItemView> missingRequired(String reference, String stage) {
    return checklist(reference).stream()
        .filter(item -> item.stage().equals(stage) && item.required() && !item.satisfied()).toList();
  }

  /**
   * Erases every file of the loan (bytes and name; the row stays with its type, size, checksum and dates
   * as the trace that a file existed): for the end of the retention (data protection). Answers how many
   * files were erased now.
   */
  @Transactional
  public int eraseAll(String reference) {
    LoanFacts loan = facts(reference);
    documents.lock(loan.id());
    LocalDateTime now = LocalDateTime.now(clock);
    int erased = 0;
    for (StoredDocument d : documents.ofLoan(loan.id())) {
      if (d.erasedAt() == null) {
        storeOf(d).erase(d.id(), d.storageKey());
        documents.markErased(d.id(), now);
        erased++;
      }
    }
    return erased;
  }

  LoanFacts facts(String reference) {
    return documents.facts(reference).orElseThrow(() -> new UnknownLoanException(reference));
  }

  Optional<LoanFacts> find(String reference) {
    return documents.facts(reference);
  }

  List<StoredDocument> stored(LoanFacts loan) {
    return documents.ofLoan(loan.id());
  }

  /** The checklist items of the stages the loan has reached. */
  List<Entry> entries(LoanFacts loan) {
    List<Entry> entries = new ArrayList<>();
    for (DocumentStage stage : DocumentStage.reachedIn(loan.state())) {
      entries.addAll(checklist.items(stage, loan.businessStage(), loan.sgb2Recipient()));
    }
    return entries;
  }

  List<ChecklistItemView> checklist(LoanFacts loan, List<StoredDocument> stored) {
    return entries(loan).stream().map(entry -> {
      Optional<StoredDocument> current = stored.stream().filter(StoredDocument::current)
          .filter(d -> d.stage().equals(entry.stage().name()) && d.type().equals(entry.type())).findFirst();
      String status = current.isPresent() ? ChecklistItemView.PRESENT
          : entry.required() ? ChecklistItemView.MISSING : ChecklistItemView.NOT_REQUIRED;
      return new ChecklistItemView(entry.stage().name(), entry.stage().label(), entry.type(), entry.label(),
          entry.hint(), entry.required(), current.isPresent(), status, current.map(StoredDocument::id).orElse(null));
    }).toList();
  }

  List<LoanDocumentView> views(LoanFacts loan, List<StoredDocument> stored) {
    List<Entry> labels = new ArrayList<>();
    for (DocumentStage stage : DocumentStage.values()) {
      labels.addAll(checklist.items(stage, loan.businessStage(), loan.sgb2Recipient()));
    }
    return stored.stream().map(d -> new LoanDocumentView(d.id(), d.stage(), DocumentStage.labelOf(d.stage()), d.type(),
        labels.stream().filter(e -> e.stage().name().equals(d.stage()) && e.type().equals(d.type()))
            .map(Entry::label).findFirst().orElse("Unterlage (nicht mehr in der Checkliste)"),
        d.erasedAt() == null ? d.fileName() : null, d.contentType(), d.sizeBytes(), d.sha256(), d.uploadedBy(),
        d.uploadedAt(), d.withdrawnAt() != null, d.withdrawnBy(), d.withdrawnAt(), d.erasedAt() != null,
        d.erasedAt() == null ? LoanDocumentView.downloadUrl(loan.reference(), d.id()) : null)).toList();
  }

  DocumentStore storeOf(StoredDocument d) {
    if (!store.kind().equals(d.storage())) {
      throw new IllegalStateException("document " + d.id() + " is kept in " + d.storage() + ", configured is "
          + store.kind());
    }
    return store;
  }

  static boolean knownStage(String code) {
    return Arrays.stream(DocumentStage.values()).anyMatch(s -> s.name().equals(code));
  }
}
