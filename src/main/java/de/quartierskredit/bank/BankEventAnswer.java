package de.quartierskredit.bank;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The answer to an applied bank event: the loan as the event left it (stored and replayed for repeats). */
@Schema(description = "Der Kredit, wie das Ereignis ihn hinterlassen hat (Stand, Restschuld, Rückstand, Störung)")
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
