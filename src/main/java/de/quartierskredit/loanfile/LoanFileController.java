package de.quartierskredit.loanfile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/loans/{reference}/file} (the loan file as JSON) and
 * {@code GET /api/loans/{reference}/kreditakte} (the same as a printable German page, linked from
 * every task form of a loan and from Cockpit). Who reads it: {@link LoanFiles}; unknown or another
 * quarter's reference: 404 problem; the bank: 403; anonymous: 401 (API login or the webapp session).
 */
@RestController
@RequestMapping("/api/loans")
@Tag(name = "Kreditakte", description = "Die ganze Geschichte eines Kredits auf einer Seite.")
class LoanFileController {

  private final LoanFiles files;

  LoanFileController(LoanFiles files) {
    this.files = files;
  }

  @Operation(summary = "Kreditakte lesen (JSON)", description = """
      Antragsteller und Betrieb, Antrag, Beratung, Bürgen und Deckung, Entscheidungen des \
      Vergabeausschusses mit Stimmen, Fonds, Vertrag, Tilgungsplan, Zahlungen mit Rückstand, Kontakte, \
      Frühwarnungen, Interventionen, Tilgungsplanänderungen, Abschreibung und eine Zeitleiste mit Datum \
      und Person. Alle Werte als deutscher Anzeigetext. Lesen dürfen der Mikrofinanzierer, das Management \
      und die Prozessverantwortlichen jede Akte, Quartiersberatung und Vergabeausschuss die ihres Quartiers; \
      die Bank keine (403). Ein Kredit eines anderen Quartiers wird wie eine unbekannte Referenz mit 404 \
      beantwortet.""")
  @GetMapping(path = "/{reference}/file", produces = "application/json")
  LoanFile file(@Parameter(description = "Referenz des Kredits", example = "QK-2026-000042")
      @PathVariable String reference) {
    return files.find(reference).orElseThrow(LoanFileController::unknown);
  }

  @Operation(summary = "Kreditakte als Seite zum Drucken", description = """
      Dieselbe Kreditakte als deutsche HTML-Seite mit Druckansicht (Kopfzeile mit Referenz und \
      Druckdatum, jeder Abschnitt auf neuer Seite). Dieselben Leserechte wie die JSON-Fassung.""")
  @GetMapping(path = "/{reference}/kreditakte", produces = "text/html")
  ResponseEntity<String> page(@Parameter(description = "Referenz des Kredits", example = "QK-2026-000042")
      @PathVariable String reference) {
    LoanFile file = files.find(reference).orElseThrow(LoanFileController::unknown);
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", LoanFilePage.CONTENT_SECURITY_POLICY)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(LoanFilePage.render(file));
  }

  private static ErrorResponseException unknown() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        "Es gibt keinen Kredit mit dieser Referenz, dessen Akte Sie einsehen dürfen.");
    problem.setTitle("Kredit unbekannt");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }
}
