package de.quartierskredit.application;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/applications}: records an application from another system (e.g. a partner's
 * intake form). It starts {@code loan-application} exactly as the start form does, so the same
 * server-side validation applies and a refused application leaves nothing behind.
 * {@code GET /api/applications/{reference}} answers what the {@code Location} of a new application
 * promises: its state in German and its figures, for whom {@link de.quartierskredit.shared.LoanVisibilityPolicy} allows;
 * 404 problem for an unknown reference and for one the caller may not see.
 */
@RestController
@RequestMapping("/api/applications")
@Tag(name = "Anträge", description = "Kreditanträge erfassen und ihren Stand lesen (Schritte 2-8).")
class ApplicationController {

  private final RuntimeService runtime;
  private final ApplicationQueries applications;

  ApplicationController(RuntimeService runtime, ApplicationQueries applications) {
    this.runtime = runtime;
    this.applications = applications;
  }

  @Operation(summary = "Kreditantrag erfassen", description = """
      Startet den Antragsprozess genau wie das Startformular in Tasklist, mit derselben Prüfung auf dem       Server; ein abgelehnter Antrag hinterlässt nichts. Quartiersberater erfassen nur für ihr eigenes       Quartier, der Mikrofinanzierer und die Prozessverantwortlichen für alle. Antwort 201 mit der       Referenz; die Kopfzeile `Location` nennt die Adresse, unter der der Antrag zu lesen ist.""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = "application/json", schema = @Schema(implementation = ApplicationRequest.class),
      examples = {
          @ExampleObject(name = "Gründung im Quartier", summary = "Gründerin in Offenbach, 7.500,00 EUR", value = """
              {"applicantFirstName": "Ayşe", "applicantLastName": "Demir",
               "applicantEmail": "ayse.demir@example.org", "applicantPhone": "069 123456",
               "sgb2Recipient": false, "businessName": "Änderungsschneiderei Demir",
               "businessStage": "NEW_FOUNDER", "businessSector": "Handwerk",
               "businessStreet": "Frankfurter Straße 12", "businessPostalCode": "63065",
               "businessCity": "Offenbach am Main", "quarterCode": "offenbach",
               "loanPurpose": "Industrienähmaschine und Ladeneinrichtung", "commercialPurpose": true,
               "loanAmount": 7500.00}"""),
          @ExampleObject(name = "Außerhalb der Quartiere", summary = "Bestehendes Geschäft, SGB II, 3.000,00 EUR",
              value = """
              {"applicantFirstName": "Emre", "applicantLastName": "Yilmaz",
               "applicantEmail": "emre@example.org", "applicantPhone": "069 555",
               "sgb2Recipient": true, "businessName": "Imbiss Yilmaz",
               "businessStage": "EXISTING", "businessSector": "Gastronomie",
               "businessStreet": "Berliner Straße 3", "businessPostalCode": "60311",
               "businessCity": "Frankfurt am Main", "quarterCode": "OUTSIDE",
               "loanPurpose": "Neue Fritteuse", "commercialPurpose": true, "loanAmount": 3000.00}""")}))
  @PostMapping(consumes = "application/json", produces = "application/json")
  ResponseEntity<ApplicationCreated> submit(@RequestBody ApplicationRequest body) {
    ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(LoanApplicationProcess.KEY)
        .setVariables(body.toVariables())
        .executeWithVariablesInReturn();
    String reference = (String) instance.getVariables().get(LoanApplicationProcess.Variables.LOAN_REFERENCE);
    return ResponseEntity.created(URI.create("/api/applications/" + reference))
        .body(new ApplicationCreated(reference, instance.getId()));
  }

  @Operation(summary = "Antrag lesen: Stand und Zahlen", description = """
      Der Stand des Antrags bzw. Kredits auf Deutsch, die offenen Schritte und die Zahlen (Beträge in       EUR, Daten JJJJ-MM-TT), ohne Kontaktdaten der Antragstellerin. Lesen dürfen der Mikrofinanzierer,       das Management und die Prozessverantwortlichen jeden Antrag, Quartiersberatung und Vergabeausschuss       die Anträge ihres Quartiers; die Bank keinen (403). Ein Antrag eines anderen Quartiers wird wie       eine unbekannte Referenz mit 404 beantwortet.""")
  @GetMapping(path = "/{reference}", produces = "application/json")
  ApplicationView read(@Parameter(description = "Referenz aus der Antwort auf die Erfassung", example = "QK-2026-000042")
      @PathVariable String reference) {
    return applications.find(reference).orElseThrow(() -> {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
          "Es gibt keinen Antrag mit dieser Referenz, den Sie einsehen dürfen.");
      problem.setTitle("Antrag unbekannt");
      return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    });
  }

  /** The answer: the loan's reference (its business key) and the process instance. */
  record ApplicationCreated(String reference, String processInstanceId) {}
}
