package de.quartierskredit.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The bank events of {@code POST /api/bank/events} without HTTP, for the portfolio simulator: the
 * same checks, bookkeeping, idempotency and process messages.
 */
@Component
public class BankEventsInProcess {

  private final BankEventService service;

  BankEventsInProcess(BankEventService service) {
    this.service = service;
  }

  /** Applies the event and returns the HTTP status the API would have answered. */
  public int report(String eventId, String loanReference, String type, BigDecimal amount, LocalDate valueDate) {
    return service.receive(new BankEventRequest(eventId, loanReference, BankEventType.valueOf(type), amount,
        valueDate, null)).status();
  }
}
