package de.quartierskredit.document;

import de.quartierskredit.document.DocumentRequests.FileToSend;
import de.quartierskredit.document.DocumentRequests.Listing;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.InputRefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * A loan's documents over HTTP: the checklist with the files ({@code GET .../documents}), an upload
 * ({@code POST .../documents}, multipart with {@code file}, {@code stage}, {@code type}), one file
 * ({@code GET .../documents/{id}}) and the page for caseworkers ({@code GET .../unterlagen}). Who may do what:
 * {@link DocumentAccessPolicy}. From a Cockpit or Tasklist page the login session works too; an upload then
 * needs the session's CSRF token (ApiAuthenticationFilter).
 */
@RestController
@RequestMapping("/api/loans/{reference}")
@Tag(name = "Unterlagen", description = "Unterlagen eines Kredits: Checkliste, Hochladen, Herunterladen (Schritte 2, 7, 8).")
class LoanDocumentController {

  private static final Set<String> FORM_FIELDS = Set.of("stage", "type");
  private static final String FILE_FIELD = "file";
  /** A file from us is never run or shown in our origin: no scripts, no plugins, no framing. */
  static final String FILE_SECURITY_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

  private final DocumentRequests requests;
  private final LoanRepository loans;

  LoanDocumentController(DocumentRequests requests, LoanRepository loans) {
    this.requests = requests;
    this.loans = loans;
  }

  @Operation(summary = "Unterlagen eines Kredits: Checkliste und Dateien", description = """
      Die Checkliste der Abschnitte, die der Kredit erreicht hat (Antrag; ab der Bewilligung auch       Kreditvertrag), jeder Punkt mit Status (vorhanden, fehlt, nicht erforderlich), und alle Dateien,       ersetzte und gelöschte eingeschlossen, die neueste zuerst. Das Management sieht die Liste ohne       Dateinamen und Download-Adressen (Datenminimierung); die Bank nur den Abschnitt Kreditvertrag.       Ein Kredit eines anderen Quartiers wird wie eine unbekannte Referenz mit 404 beantwortet.""")
  @GetMapping(path = "/documents", produces = "application/json")
  Listing list(@Parameter(description = "Referenz des Kredits", example = "QK-2026-000042") @PathVariable String reference) {
    return requests.list(reference);
  }

  @Operation(summary = "Unterlage hochladen", description = """
      Multipart-Formular mit den Feldern `file` (die Datei), `stage` (APPLICATION oder CONTRACT) und `type`       (Code des Checklistenpunkts, z. B. ID_DOCUMENT). Angenommen werden PDF, JPEG und PNG, erkannt am Inhalt,       nicht am Namen (sonst 415); größer als die eingestellte Grenze: 413. Weitere Felder werden abgelehnt (400).       Eine neue Datei ersetzt die bisherige desselben Punkts, die als ersetzt gelistet bleibt. Antwort 201,       `Location` nennt die Adresse der Datei.""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = "multipart/form-data", schema = @Schema(implementation = UploadForm.class)))
  @PostMapping(path = "/documents", produces = "application/json")
  ResponseEntity<LoanDocumentView> upload(@PathVariable String reference, HttpServletRequest request) {
    if (!(request instanceof MultipartHttpServletRequest multipart)) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Bitte die Datei als Formular senden (multipart/form-data mit den Feldern file, stage und type).");
      problem.setTitle("Nicht unterstütztes Format");
      throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, null);
    }
    MultipartFile file = onlyFields(multipart);
    LoanDocumentView created = requests.upload(reference, multipart.getParameter("stage"),
        multipart.getParameter("type"), file.getOriginalFilename(), file.getSize(), () -> {
          try {
            return file.getBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    return ResponseEntity.created(URI.create(created.downloadUrl())).body(created);
  }

  @Operation(summary = "Unterlage herunterladen", description = """
      Die Datei mit dem beim Hochladen erkannten Typ, als Anhang (`Content-Disposition: attachment` mit       dem Dateinamen nach RFC 5987). Das Management öffnet keine Dateien (403); eine nach Ablauf der       Aufbewahrungsfrist gelöschte Datei: 410.""")
  @GetMapping(path = "/documents/{id}")
  ResponseEntity<byte[]> download(@PathVariable String reference,
      @Parameter(description = "Nummer der Unterlage aus der Liste") @PathVariable long id) {
    FileToSend file = requests.file(reference, id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.document().contentType()))
        .contentLength(file.content().length)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(file.document().fileName()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", FILE_SECURITY_POLICY)
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(file.content());
  }

  @Operation(summary = "Seite Unterlagen: Checkliste, Hochladen, Herunterladen", description = """
      Eine Seite für die Sachbearbeitung, verlinkt aus den Formularen in Tasklist und dem Dossier des       Vergabeausschusses: die Checkliste mit Status, je Punkt ein Hochladen und alle Dateien zum       Herunterladen. Dieselben Rechte wie die Liste.""")
  @GetMapping(path = "/unterlagen", produces = "text/html")
  ResponseEntity<String> page(@PathVariable String reference, HttpServletRequest request) {
    Listing listing = requests.list(reference);
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", UnterlagenPage.CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(UnterlagenPage.render(listing, loans.summary(listing.reference()).orElse(null), csrfToken(request)));
  }

  /**
   * {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266 / RFC 5987): every
   * browser today reads {@code filename*}; the plain {@code filename} is an ASCII stand-in for old clients.
   */
  static String attachment(String fileName) {
    String ascii = fileName.codePoints().mapToObj(c -> c < 0x20 || c > 0x7E || c == '"' || c == '\\' || c == '%'
        ? "_" : String.valueOf((char) c)).collect(java.util.stream.Collectors.joining());
    String encoded = ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    return "attachment; filename=\"" + ascii + "\"; " + encoded.substring(encoded.indexOf("filename*="));
  }

  /** The token Camunda's webapps keep in the login session; a page of ours sends it back with each upload. */
  private static String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return token instanceof String text ? text : "";
  }

  /** Exactly one file in {@code file}, each of {@code stage} and {@code type} once, nothing else. */
  private static MultipartFile onlyFields(MultipartHttpServletRequest multipart) {
    List<FieldError> errors = new ArrayList<>();
    for (Map.Entry<String, String[]> field : multipart.getParameterMap().entrySet()) {
      if (!FORM_FIELDS.contains(field.getKey())) {
        errors.add(new FieldError(field.getKey(), "Unbekanntes Feld; erwartet werden nur file, stage und type."));
      } else if (field.getValue().length > 1) {
        errors.add(new FieldError(field.getKey(), "Das Feld darf nur einmal vorkommen."));
      }
    }
    multipart.getMultiFileMap().forEach((name, files) -> {
      if (!FILE_FIELD.equals(name)) {
        errors.add(new FieldError(name, "Unbekanntes Feld; erwartet werden nur file, stage und type."));
      } else if (files.size() > 1) {
        errors.add(new FieldError(name, "Bitte genau eine Datei senden."));
      }
    });
    List<MultipartFile> files = multipart.getMultiFileMap().get(FILE_FIELD);
    if (files == null || files.isEmpty()) {
      errors.add(new FieldError(FILE_FIELD, "Bitte eine Datei wählen."));
    }
    InputRefusedException.refuseIfAny(errors);
    return files.get(0);
  }

  /** The upload form as the OpenAPI description shows it (the controller reads the parts itself). */
  @Schema(description = "Formular zum Hochladen einer Unterlage")
  record UploadForm(
      @Schema(description = "die Datei: PDF, JPEG oder PNG", type = "string", format = "binary",
          requiredMode = Schema.RequiredMode.REQUIRED) String file,
      @Schema(description = "Abschnitt der Checkliste", example = "APPLICATION", allowableValues = {"APPLICATION", "CONTRACT"},
          requiredMode = Schema.RequiredMode.REQUIRED) String stage,
      @Schema(description = "Code des Checklistenpunkts", example = "ID_DOCUMENT",
          requiredMode = Schema.RequiredMode.REQUIRED) String type) {}
}
