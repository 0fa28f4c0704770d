package de.quartierskredit.bank;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/bank/events}: the partner bank (group {@code bank}) reports contract signing,
 * disbursement and instalments (ApiRoleRules admits only the bank); answered 200 with the loan's ledger, or a problem (400, 403, 404, 409).
 */
@RestController
@RequestMapping("/api/bank/events")
@Tag(name = "Bankereignisse", description = "Was die Partnerbank über einen Kredit meldet (Schritte 8-10).")
class BankEventController {

  /** Set on every answer: true when this is the stored answer of an earlier delivery of the event. */
  static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private final BankEventService service;

  BankEventController(BankEventService service) {
    this.service = service;
  }

  @Operation(summary = "Bankereignis melden (nur Partnerbank)", description = """
      Die Partnerbank (Gruppe `bank`) meldet Vertragsunterzeichnung, Auszahlung und jede Rate. Jedes       Ereignis wird genau einmal angewandt: eine Wiederholung derselben `eventId` mit gleichem Inhalt       erhält die gespeicherte erste Antwort (Kopfzeile `Idempotent-Replayed: true`), mit anderem Inhalt       409. Das Valutadatum darf nicht in der Zukunft und nicht vor dem vorigen Schritt liegen. Eine       verspätet gemeldete ausgefallene Rate zählt als gestört ab ihrem Valutadatum; die Ausfallfrist       der Intervention läuft ab dem Tag der Meldung.""",
      responses = @ApiResponse(responseCode = "200", description = "Angewandt: der Kredit nach dem Ereignis",
          content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = BankEventAnswer.class))))
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = BankEventRequest.class),
      examples = {
          @ExampleObject(name = "CONTRACT_SIGNED", summary = "Kreditvertrag unterschrieben", value = """
              {"eventId": "GLS-2026-000101", "loanReference": "QK-2026-000042", "type": "CONTRACT_SIGNED",
               "valueDate": "2026-11-02", "contractNumber": "GLS-KV-778812"}"""),
          @ExampleObject(name = "DISBURSED", summary = "Kredit ausgezahlt", value = """
              {"eventId": "GLS-2026-000102", "loanReference": "QK-2026-000042", "type": "DISBURSED",
               "amount": 6000.00, "valueDate": "2026-11-05"}"""),
          @ExampleObject(name = "INSTALMENT_PAID", summary = "Rate bezahlt", value = """
              {"eventId": "GLS-2026-000103", "loanReference": "QK-2026-000042", "type": "INSTALMENT_PAID",
               "amount": 273.56, "valueDate": "2026-12-05"}"""),
          @ExampleObject(name = "INSTALMENT_PARTLY_PAID", summary = "Rate teilweise bezahlt", value = """
              {"eventId": "GLS-2027-000001", "loanReference": "QK-2026-000042", "type": "INSTALMENT_PARTLY_PAID",
               "amount": 100.00, "valueDate": "2027-01-05"}"""),
          @ExampleObject(name = "INSTALMENT_MISSED", summary = "Rate ausgefallen", value = """
              {"eventId": "GLS-2027-000002", "loanReference": "QK-2026-000042", "type": "INSTALMENT_MISSED",
               "valueDate": "2027-02-05"}""")}))
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> receive(@RequestBody BankEventRequest event) {
    BankEventService.Answer answer = service.receive(event);
    return ResponseEntity.status(answer.status())
        .contentType(MediaType.APPLICATION_JSON)
        .header(REPLAYED_HEADER, String.valueOf(answer.replayed()))
        .body(answer.body());
  }
}
