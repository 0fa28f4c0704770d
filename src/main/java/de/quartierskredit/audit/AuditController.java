package de.quartierskredit.audit;

import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.shared.LoanVisibility;
import de.quartierskredit.shared.LoanVisibility.Visibility;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/loans/{reference}/audit}: the loan's audit trail (who decided what and when) with
 * the check of its hash chain, for whom {@link LoanVisibility} lets read the loan; another
 * quarter's loan is answered like an unknown one (404), a caller who reads no loan at all (the bank)
 * gets 403. Read only: nothing in the API writes an entry.
 */
@RestController
@RequestMapping("/api/loans")
@Tag(name = "Prüfpfad", description = "Wer was wann über einen Kredit entschieden hat, unveränderbar verkettet.")
class AuditController {

  private final AuditTrail audit;
  private final LoanRepository loans;
  private final IdentityService identity;

  AuditController(AuditTrail audit, LoanRepository loans, IdentityService identity) {
    this.audit = audit;
    this.loans = loans;
    this.identity = identity;
  }

  @Operation(summary = "Prüfpfad eines Kredits lesen: Entscheidungen mit Personen und Kettenprüfung", description = """
      Die Einträge des Prüfpfads in der Reihenfolge, in der sie geschrieben wurden: Entscheidungen des       Vergabeausschusses, Abschreibungen mit beiden Personen, Tilgungsplanänderungen, Interventionspläne       und Modellmigrationen, jeweils mit deutscher Bezeichnung, Beschreibung, Personen und Zeitpunkt.       Freitexte wie Begründungen stehen nur als SHA-256 darin, Namen und Telefonnummern nie.       `chainCheck` rechnet die Hash-Kette nach und nennt den ersten veränderten Eintrag. Lesen dürfen der       Mikrofinanzierer, das Management und die Prozessverantwortlichen jeden Kredit, Quartiersberatung       und Vergabeausschuss die Kredite ihres Quartiers; die Bank keinen (403). Ein Kredit eines anderen       Quartiers wird wie eine unbekannte Referenz mit 404 beantwortet.""")
  @GetMapping(path = "/{reference}/audit", produces = "application/json")
  LoanAuditTrail read(@Parameter(description = "Referenz des Kredits", example = "QK-2026-000042")
      @PathVariable String reference) {
    Authentication caller = identity.getCurrentAuthentication();
    Visibility visible = LoanVisibility.of(caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds());
    if (visible.none()) {
      throw new AuthorizationException("Den Prüfpfad lesen der Mikrofinanzierer, das Management, die "
          + "Prozessverantwortlichen und die Quartiersberatung und der Vergabeausschuss ihres Quartiers.");
    }
    if (loans.findByReference(reference).filter(loan -> visible.sees(loan.quarterCode())).isEmpty()) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
          "Es gibt keinen Kredit mit dieser Referenz, den Sie einsehen dürfen.");
      problem.setTitle("Kredit unbekannt");
      throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
    return new LoanAuditTrail(reference, audit.of(reference), audit.verify(reference));
  }

  /** The answer: the loan's entries, oldest first, and the check of their chain. */
  record LoanAuditTrail(String reference, List<AuditEntryView> entries, ChainCheck chainCheck) {}
}
