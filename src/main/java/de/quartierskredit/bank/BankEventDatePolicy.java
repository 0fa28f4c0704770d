package de.quartierskredit.bank;

import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.GermanFormat;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which value dates a bank event may carry (design choices, DOMAIN.md is silent): nothing the bank
 * reports has happened in the future, and nothing happened before the step it follows. A contract is
 * signed on or after the approval, the money is paid out on or after the signing, an instalment is
 * paid or missed on or after the disbursement. The day of the earlier step itself is accepted, and so
 * is today. A date the loan does not know yet (no approval date, say) sets no lower bound: the loan's
 * state decides such an event.
 */
final class BankEventDatePolicy {

  /** The dates of the loan's earlier steps, as the loan row holds them (null: not reached). */
  record LoanDates(LocalDate approvedOn, LocalDate contractedOn, LocalDate disbursedOn) {}

  /** The refusal naming {@code valueDate}, or empty when the date can be true. */
  Optional<FieldError> check(BankEventType type, LocalDate valueDate, LoanDates loan, LocalDate today) {
    Optional<FieldError> future = notInFuture(valueDate, today);
    if (future.isPresent()) {
      return future;
    }
    return switch (type) {
      case CONTRACT_SIGNED -> notBefore(valueDate, loan.approvedOn(), "der Bewilligung");
      case DISBURSED -> notBefore(valueDate, loan.contractedOn(), "der Vertragsunterzeichnung");
      case INSTALMENT_PAID, INSTALMENT_PARTLY_PAID, INSTALMENT_MISSED ->
          notBefore(valueDate, loan.disbursedOn(), "der Auszahlung");
    };
  }

  /** Today is accepted, tomorrow is not: the bank reports what has happened. */
  static Optional<FieldError> notInFuture(LocalDate valueDate, LocalDate today) {
    return valueDate.isAfter(today)
        ? Optional.of(new FieldError("valueDate", "Das Valutadatum " + GermanFormat.date(valueDate)
            + " liegt in der Zukunft."))
        : Optional.empty();
  }

  private static Optional<FieldError> notBefore(LocalDate valueDate, LocalDate earliest, String step) {
    if (earliest == null || !valueDate.isBefore(earliest)) {
      return Optional.empty();
    }
    return Optional.of(new FieldError("valueDate",
        "Das Valutadatum " + GermanFormat.date(valueDate) + " liegt vor " + step + " am "
            + GermanFormat.date(earliest) + "."));
  }
}
