package de.quartierskredit.document;

import de.quartierskredit.document.DocumentAccessPolicy.Decision;
import de.quartierskredit.document.DocumentAccessPolicy.Reading;
import de.quartierskredit.document.DocumentChecklist.Entry;
import de.quartierskredit.document.LoanDocumentRepository.LoanFacts;
import de.quartierskredit.document.LoanDocumentRepository.NewDocument;
import de.quartierskredit.document.LoanDocumentRepository.StoredDocument;
import de.quartierskredit.loan.IllegalLoanStateException;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.shared.InputRefusedException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * The documents' HTTP requests as the logged-in person makes them, under {@link DocumentAccessPolicy}:
 * list, upload, open. A loan the person may not see answers exactly like an unknown reference (404).
 */
@Service
class DocumentRequests {

  /** Cases that ended without a loan take no more documents. */
  static final Set<LoanState> CLOSED_WITHOUT_LOAN = Set.of(LoanState.REJECTED, LoanState.WITHDRAWN,
      LoanState.ENDED_BY_ADVICE, LoanState.FINANCED_PRIVATELY, LoanState.REFERRED);

  /** The logged-in person. */
  record Caller(String user, List<String> groups) {}

  /** What the caller sees of one loan. */
  record Listing(String reference, List<ChecklistItemView> checklist, List<LoanDocumentView> documents,
      List<String> uploadStages, String maxSize) {}

  /** A file to send. */
  record FileToSend(StoredDocument document, byte[] content) {}

  private final LoanDocuments documents;
  private final LoanDocumentRepository repository;
  private final DocumentStore store;
  private final IdentityService identity;
  private final DocumentSettings settings;
  private final Clock clock;

  DocumentRequests(LoanDocuments documents, LoanDocumentRepository repository, DocumentStore store,
      IdentityService identity, DocumentSettings settings, Clock clock) {
    this.documents = documents;
    this.repository = repository;
    this.store = store;
    this.identity = identity;
    this.settings = settings;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  Listing list(String reference) {
    Caller caller = caller();
    LoanFacts loan = visible(caller, reference);
    Reading reading = DocumentAccessPolicy.reading(caller.groups(), loan.quarterCode(), loan.state());
    List<StoredDocument> stored = repository.ofLoan(loan.id());
    List<ChecklistItemView> checklist = documents.checklist(loan, stored).stream()
        .filter(item -> reading.covers(item.stage())).toList();
    List<LoanDocumentView> files = documents.visibleViews(loan, stored, caller.groups());
    List<String> uploadStages = CLOSED_WITHOUT_LOAN.contains(loan.state()) ? List.of()
        : DocumentStage.reachedIn(loan.state()).stream().map(DocumentStage::name)
            .filter(stage -> DocumentAccessPolicy.add(caller.groups(), loan.quarterCode(), loan.state(), stage).ok())
            .toList();
    return new Listing(loan.reference(), checklist, files, uploadStages, settings.maxSizeText());
  }

  /**
   * Stores a new file for one checklist item; a current file of the same item is marked withdrawn (it stays
   * listed). The type is read from the bytes; the name is kept only as a label.
   */
  @Transactional
  LoanDocumentView upload(String reference, String stage, String type, String originalName, long size,
      ByteSource bytes) {
    Caller caller = caller();
    LoanFacts loan = visible(caller, reference);
    if (stage == null || !LoanDocuments.knownStage(stage)) {
      throw new InputRefusedException("stage", "Bitte den Abschnitt angeben: "
          + String.join(" oder ", Arrays.stream(DocumentStage.values()).map(Enum::name).toList()) + ".");
    }
    Decision may = DocumentAccessPolicy.add(caller.groups(), loan.quarterCode(), loan.state(), stage);
    if (!may.ok()) {
      throw new AuthorizationException(may.reason());
    }
    if (CLOSED_WITHOUT_LOAN.contains(loan.state())) {
      throw IllegalLoanStateException.german("Der Fall ist beendet (" + loan.state().label()
          + "); es werden keine Unterlagen mehr angenommen.");
    }
    DocumentStage documentStage = DocumentStage.valueOf(stage);
    if (!DocumentStage.reachedIn(loan.state()).contains(documentStage)) {
      throw new InputRefusedException("stage", "Unterlagen zum " + documentStage.label()
          + " gibt es erst, wenn der Ausschuss den Kredit bewilligt hat.");
    }
    List<Entry> items = documents.entries(loan).stream().filter(e -> e.stage() == documentStage).toList();
    Entry item = items.stream().filter(e -> e.type().equals(type)).findFirst()
        .orElseThrow(() -> new InputRefusedException("type", "Diese Unterlage steht nicht auf der Checkliste des "
            + "Abschnitts " + documentStage.label() + ". Möglich sind: "
            + String.join(", ", items.stream().map(e -> e.type() + " (" + e.label() + ")").toList()) + "."));
    if (size <= 0) {
      throw new InputRefusedException("file", "Die Datei ist leer.");
    }
    if (size > settings.maxSize().toBytes()) {
      throw new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, UploadRefusals.tooLarge(settings), null);
    }
    byte[] content = bytes.read();
    String contentType = FileContentPolicy.detect(content).orElseThrow(() -> {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, FileContentPolicy.REFUSAL);
      problem.setTitle("Dateiart nicht erlaubt");
      return new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, null);
    });
    LocalDateTime now = LocalDateTime.now(clock);
    repository.lock(loan.id());
    repository.withdrawCurrent(loan.id(), stage, item.type(), caller.user(), now);
    long id = repository.insert(new NewDocument(loan.id(), stage, item.type(), FileNames.safe(originalName, contentType),
        contentType, content.length, sha256(content), store.kind(), caller.user(), now));
    String key = store.put(id, content);
    if (key != null) {
      repository.storageKey(id, key);
    }
    return documents.views(loan, repository.ofLoan(loan.id())).stream().filter(v -> v.id() == id).findFirst()
        .orElseThrow();
  }

  @Transactional(readOnly = true)
  FileToSend file(String reference, long documentId) {
    Caller caller = caller();
    LoanFacts loan = visible(caller, reference);
    Reading reading = DocumentAccessPolicy.reading(caller.groups(), loan.quarterCode(), loan.state());
    StoredDocument document = repository.find(loan.id(), documentId).filter(d -> reading.covers(d.stage()))
        .orElseThrow(() -> notFound("Unterlage unbekannt", "Dieser Kredit hat keine Unterlage mit dieser Nummer, "
            + "die Sie einsehen dürfen."));
    Decision may = DocumentAccessPolicy.open(caller.groups(), loan.quarterCode(), loan.state(), document.stage());
    if (!may.ok()) {
      throw new AuthorizationException(may.reason());
    }
    if (document.erasedAt() != null) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, "Die Datei wurde nach dem Ende ihrer "
          + "Aufbewahrungsfrist gelöscht (Datenschutz); die Liste zeigt noch, dass es sie gab.");
      problem.setTitle("Datei gelöscht");
      throw new ErrorResponseException(HttpStatus.GONE, problem, null);
    }
    return new FileToSend(document, documents.storeOf(document).get(document.id(), document.storageKey()));
  }

  /** The loan, if the caller may see it; otherwise the same 404 as for an unknown reference. */
  private LoanFacts visible(Caller caller, String reference) {
    if (DocumentAccessPolicy.readsNone(caller.groups())) {
      throw new AuthorizationException("Unterlagen sehen der Mikrofinanzierer, das Management, die "
          + "Prozessverantwortlichen, die Quartiersberatung und der Vergabeausschuss ihres Quartiers und die Bank "
          + "die zum Kreditvertrag.");
    }
    return documents.find(reference)
        .filter(loan -> DocumentAccessPolicy.reading(caller.groups(), loan.quarterCode(), loan.state()) != Reading.NONE)
        .orElseThrow(() -> notFound("Kredit unbekannt",
            "Es gibt keinen Kredit mit dieser Referenz, dessen Unterlagen Sie einsehen dürfen."));
  }

  private Caller caller() {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null) {
      throw new AuthorizationException("Bitte anmelden.");
    }
    return new Caller(authentication.getUserId(),
        authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
  }

  private static ErrorResponseException notFound(String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
    problem.setTitle(title);
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The bytes of the upload, read only after the cheap checks passed. */
  @FunctionalInterface
  interface ByteSource {
    byte[] read();
  }
}
