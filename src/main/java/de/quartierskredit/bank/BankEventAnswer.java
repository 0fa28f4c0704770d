package de.quartierskredit.bank;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The answer to an applied bank event: the loan as the event left it (stored and replayed for repeats). */
record BankEventAnswer(
    String eventId,
    String loanReference,
    BankEventType type,
    String loanState,
    BigDecimal outstandingPrincipal,
    BigDecimal arrears,
    boolean disturbed,
    LocalDate disturbedSince,
    boolean fullyRepaid) {}
