package de.quartierskredit.loan;

/**
 * A change that the loan's current state does not allow (or that already happened). The message is
 * for logs; {@link #reason()} is what a person reads (German, the state in words).
 */
public class IllegalLoanStateException extends IllegalStateException {

  private final String reason;

  /** A refusal for the log; a person reads that the step is not possible in the loan's state. */
  public IllegalLoanStateException(String message) {
    this(message, "Dieser Schritt ist im aktuellen Zustand des Kredits nicht möglich.");
  }

  public IllegalLoanStateException(String message, String reason) {
    super(message);
    this.reason = reason;
  }

  /** A refusal whose message already is the German reason (the bank events API answers it as it is). */
  public static IllegalLoanStateException german(String reason) {
    return new IllegalLoanStateException(reason, reason);
  }

  /** The German sentence for the person: "Der Kredit QK-2026-000042 ist abgelehnt; ...". */
  public String reason() {
    return reason;
  }
}
