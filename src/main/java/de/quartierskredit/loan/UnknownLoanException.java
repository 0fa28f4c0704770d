package de.quartierskredit.loan;

/** A loan reference that names no loan (the API answers 404). */
public class UnknownLoanException extends RuntimeException {
  public UnknownLoanException(String reference) {
    super("Kein Kredit mit der Referenz " + reference);
  }
}
