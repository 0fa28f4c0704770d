package de.quartierskredit.loan;

/** A change that the loan's current state does not allow (or that already happened). */
public class IllegalLoanStateException extends IllegalStateException {
  public IllegalLoanStateException(String message) {
    super(message);
  }
}
