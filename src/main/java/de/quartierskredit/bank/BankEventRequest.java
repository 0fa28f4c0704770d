package de.quartierskredit.bank;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One event posted by the bank to {@code POST /api/bank/events}; checked by {@link BankEventInputPolicy}. */
record BankEventRequest(
    String eventId,
    String loanReference,
    BankEventType type,
    BigDecimal amount,
    LocalDate valueDate,
    String contractNumber) {}
