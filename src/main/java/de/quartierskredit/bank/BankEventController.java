package de.quartierskredit.bank;

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
class BankEventController {

  /** Set on every answer: true when this is the stored answer of an earlier delivery of the event. */
  static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private final BankEventService service;

  BankEventController(BankEventService service) {
    this.service = service;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> receive(@RequestBody BankEventRequest event) {
    BankEventService.Answer answer = service.receive(event);
    return ResponseEntity.status(answer.status())
        .contentType(MediaType.APPLICATION_JSON)
        .header(REPLAYED_HEADER, String.valueOf(answer.replayed()))
        .body(answer.body());
  }
}
