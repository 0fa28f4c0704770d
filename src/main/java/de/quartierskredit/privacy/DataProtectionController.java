package de.quartierskredit.privacy;

import de.quartierskredit.shared.Dates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/data-protection}: for process owners only (everyone else 403, ApiRoleRules): find a person,
 * export everything stored about them (Art. 15 DSGVO), and erase a case whose retention has ended now
 * instead of at night. Every call is logged in {@code data_protection_log} without the data itself.
 */
@RestController
@RequestMapping("/api/data-protection")
@Tag(name = "Datenschutz", description = "Auskunft nach Art. 15 DSGVO und Löschung nach Ablauf der Aufbewahrungsfrist "
    + "(nur Prozessverantwortliche).")
class DataProtectionController {

  private final PersonalDataExport export;
  private final CaseErasure erasure;
  private final DataProtectionLog log;
  private final IdentityService identity;

  DataProtectionController(PersonalDataExport export, CaseErasure erasure, DataProtectionLog log,
      IdentityService identity) {
    this.export = export;
    this.erasure = erasure;
    this.log = log;
    this.identity = identity;
  }

  /** One entry of the data protection log as the data protection officer reads it. */
  record LogEntry(String zeitpunkt, String wer, String aktion, String person, String aktenzeichen, String angaben) {}

  @Operation(summary = "Protokoll der Suchen, Auskünfte und Löschungen (neueste zuerst)",
      description = "Wer wann welche Person gesucht oder beauskunftet und welchen Fall gelöscht hat, ohne die Daten "
          + "selbst; höchstens 500 Einträge, mit `reference` nur die eines Falls.")
  @GetMapping("/log")
  List<LogEntry> log(@RequestParam(required = false) String reference) {
    String ref = blankToNull(reference);
    if (ref != null && ref.length() > 40) {
      throw new Refused(HttpStatus.BAD_REQUEST, "Ungültige Eingabe", "„Aktenzeichen“ ist zu lang.");
    }
    return log.newest(ref, 500).stream().map(entry -> new LogEntry(
        entry.occurredAt().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")),
        entry.actor() == null ? "System (nächtliche Löschung)" : entry.actor(),
        switch (entry.action()) {
          case SEARCH -> "Suche";
          case EXPORT -> "Auskunft";
          case ERASURE -> "Löschung";
          case ERASURE_REFUSED -> "Löschung abgelehnt (Frist läuft)";
        },
        entry.subjectId(), entry.loanReference(), entry.details())).toList();
  }

  @Operation(summary = "Person suchen (Kreditnehmer/in, Bürge/Bürgin, Kontaktperson) nach Aktenzeichen und/oder Name",
      description = "Mindestens eines von `reference` (Aktenzeichen) und `name` (Teil des Namens, mindestens 2 Zeichen). "
          + "Antwortet mit den gefundenen Personen und ihrer `subjectId` für die Auskunft; 404, wenn keine gefunden wurde. "
          + "Die Suche wird protokolliert (wer, wann, welche Personen gefunden wurden; nie der Suchbegriff).")
  @GetMapping("/subjects")
  List<PersonalDataExport.Subject> search(@RequestParam(required = false) String reference,
      @RequestParam(required = false) String name) {
    String ref = blankToNull(reference);
    String term = blankToNull(name);
    if (ref == null && term == null) {
      throw new Refused(HttpStatus.BAD_REQUEST, "Ungültige Eingabe", "Bitte ein Aktenzeichen oder einen Namen angeben.");
    }
    if (term != null && (term.length() < 2 || term.length() > 200)) {
      throw new Refused(HttpStatus.BAD_REQUEST, "Ungültige Eingabe",
          "„Name“: bitte 2 bis 200 Zeichen angeben.");
    }
    if (ref != null && ref.length() > 40) {
      throw new Refused(HttpStatus.BAD_REQUEST, "Ungültige Eingabe", "„Aktenzeichen“ ist zu lang.");
    }
    List<PersonalDataExport.Subject> found = export.search(ref, term, actor());
    if (found.isEmpty()) {
      throw new Refused(HttpStatus.NOT_FOUND, "Person unbekannt", "Zu dieser Suche ist keine Person gespeichert.");
    }
    return found;
  }

  @Operation(summary = "Auskunft nach Art. 15 DSGVO: alles zu einer Person als JSON",
      description = "Alle gespeicherten Daten der Person (`subjectId` aus der Suche, z. B. `applicant-17`) mit deutschen "
          + "Feldnamen: Stammdaten, Kredite, Bürgschaften, Kontakte, Unterlagen (nur Angaben), gespeicherte Prozessdaten. "
          + "404, wenn keine solche Person gespeichert ist. Die Auskunft wird protokolliert (wer, wann, welche Person).")
  @GetMapping("/subjects/{subjectId}")
  ResponseEntity<Map<String, Object>> export(@PathVariable String subjectId) {
    if (!PersonalDataExport.isSubjectId(subjectId)) {
      throw unknownPerson();
    }
    Map<String, Object> content = export.export(subjectId, actor()).orElseThrow(DataProtectionController::unknownPerson);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"auskunft-" + subjectId + ".json\"")
        .body(content);
  }

  @Operation(summary = "Fall nach Ablauf der Aufbewahrungsfrist sofort löschen (sonst nachts)",
      description = "Löscht die personenbezogenen Daten des Falls mit dem Aktenzeichen `reference`, wenn seine Aufbewahrungsfrist "
          + "abgelaufen ist (200); vorher nie (409 mit dem Tag, ab dem gelöscht werden darf). Ein schon gelöschter Fall "
          + "bleibt unverändert (200). 404 für ein unbekanntes Aktenzeichen.")
  @PostMapping("/erasures")
  Map<String, Object> erase(@RequestBody ErasureRequest request) {
    String reference = request == null ? null : blankToNull(request.reference());
    if (reference == null) {
      throw new Refused(HttpStatus.BAD_REQUEST, "Ungültige Eingabe", "„Aktenzeichen“ (reference) fehlt.");
    }
    if (reference.length() > 40) {
      throw new Refused(HttpStatus.NOT_FOUND, "Kredit unbekannt", "Kein Kredit mit diesem Aktenzeichen.");
    }
    CaseErasure.Result result = erasure.eraseLoan(reference, actor());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("aktenzeichen", reference);
    switch (result.outcome()) {
      case UNKNOWN -> throw new Refused(HttpStatus.NOT_FOUND, "Kredit unbekannt", "Kein Kredit mit diesem Aktenzeichen.");
      case NOT_DUE -> throw new Refused(HttpStatus.CONFLICT, "Aufbewahrungsfrist läuft noch",
          result.erasableFrom().map(from -> "Die Aufbewahrungsfrist dieses Falls läuft noch; gelöscht werden darf er "
              + "ab dem " + Dates.format(from) + ".").orElse("Der Fall läuft noch und wird nicht gelöscht."));
      case STILL_RUNNING -> throw new Refused(HttpStatus.CONFLICT, "Fall läuft noch",
          "Zu diesem Fall läuft noch ein Prozess; er wird gelöscht, wenn dieser beendet ist.");
      case ALREADY_ERASED -> answer.put("ergebnis", "Die personenbezogenen Daten waren bereits gelöscht.");
      case ERASED -> answer.put("ergebnis", "Die personenbezogenen Daten wurden gelöscht.");
    }
    return answer;
  }

  /** The case to erase now: its loan reference (Aktenzeichen). */
  record ErasureRequest(String reference) {}

  @ExceptionHandler(Refused.class)
  ResponseEntity<ProblemDetail> refused(Refused refused) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.status, refused.getMessage());
    problem.setTitle(refused.title);
    return ResponseEntity.status(refused.status).body(problem);
  }

  private String actor() {
    Authentication caller = identity.getCurrentAuthentication();
    return caller == null ? null : caller.getUserId();
  }

  private static Refused unknownPerson() {
    return new Refused(HttpStatus.NOT_FOUND, "Person unbekannt", "Zu dieser Angabe ist keine Person gespeichert.");
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  /** A refusal answered as problem details (German title and detail). */
  static final class Refused extends RuntimeException {
    private final HttpStatus status;
    private final String title;

    Refused(HttpStatus status, String title, String detail) {
      super(detail);
      this.status = status;
      this.title = title;
    }
  }
}
