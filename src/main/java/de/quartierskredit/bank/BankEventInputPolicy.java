package de.quartierskredit.bank;

import de.quartierskredit.shared.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Which bank events are well-formed (else 400 naming the fields); the loan's state is checked later. */
final class BankEventInputPolicy {

  static final int MAX_EVENT_ID = 100;
  static final int MAX_REFERENCE = 40;
  /** Far above any microloan (at most 20,000 EUR); keeps typos and NUMERIC(19,2) overflows out. */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000.00");

  List<FieldError> check(BankEventRequest event, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    if (event.eventId() == null || event.eventId().isBlank()) {
      errors.add(new FieldError("eventId", "Die Ereignis-ID fehlt."));
    } else if (event.eventId().length() > MAX_EVENT_ID) {
      errors.add(new FieldError("eventId", "Die Ereignis-ID ist länger als " + MAX_EVENT_ID + " Zeichen."));
    }
    if (event.loanReference() == null || event.loanReference().isBlank()) {
      errors.add(new FieldError("loanReference", "Das Aktenzeichen des Kredits fehlt."));
    } else if (event.loanReference().length() > MAX_REFERENCE) {
      errors.add(new FieldError("loanReference",
          "Das Aktenzeichen des Kredits ist länger als " + MAX_REFERENCE + " Zeichen."));
    }
    if (event.type() == null) {
      errors.add(new FieldError("type", "Die Art des Ereignisses fehlt."));
    }
    if (event.valueDate() == null) {
      errors.add(new FieldError("valueDate", "Das Valutadatum fehlt (JJJJ-MM-TT)."));
    } else {
      BankEventDatePolicy.notInFuture(event.valueDate(), today).ifPresent(errors::add);
    }
    checkAmount(event, errors);
    boolean signing = event.type() == BankEventType.CONTRACT_SIGNED;
    boolean hasNumber = event.contractNumber() != null && !event.contractNumber().isBlank();
    if (signing && !hasNumber) {
      errors.add(new FieldError("contractNumber", "Die Vertragsnummer fehlt."));
    } else if (!signing && event.contractNumber() != null && event.type() != null) {
      errors.add(new FieldError("contractNumber", "Eine Vertragsnummer gehört nur zum Ereignis „CONTRACT_SIGNED“."));
    }
    return List.copyOf(errors);
  }

  private static void checkAmount(BankEventRequest event, List<FieldError> errors) {
    BigDecimal amount = event.amount();
    if (amount == null) {
      if (event.type() != null && event.type() != BankEventType.INSTALMENT_MISSED
          && event.type() != BankEventType.CONTRACT_SIGNED) {
        errors.add(new FieldError("amount", "Der Betrag fehlt."));
      }
      return;
    }
    if (amount.signum() <= 0) {
      errors.add(new FieldError("amount", "Der Betrag muss größer als 0,00 EUR sein."));
    } else if (amount.stripTrailingZeros().scale() > 2) {
      errors.add(new FieldError("amount", "Der Betrag hat mehr als zwei Nachkommastellen."));
    } else if (amount.compareTo(MAX_AMOUNT) > 0) {
      errors.add(new FieldError("amount", "Der Betrag ist unplausibel hoch."));
    }
  }
}
