package de.quartierskredit.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A loan as stored in {@code loan}: the business key {@code reference} ties it to its processes. */
public record Loan(
    long id,
    String reference,
    long applicantId,
    long businessId,
    String quarterCode,
    String purpose,
    BigDecimal amount,
    LoanState state,
    LiableParty liableParty,
    BigDecimal reservedPrincipal,
    BigDecimal outstandingPrincipal,
    LocalDate appliedOn,
    boolean disturbed,
    int version) {

  /** A loan outside the participating quarters is a general microloan carried by the microfinancer. */
  public boolean isQuarterLoan() {
    return quarterCode != null;
  }
}
