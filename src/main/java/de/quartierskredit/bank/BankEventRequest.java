package de.quartierskredit.bank;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One event posted by the bank to {@code POST /api/bank/events}; checked by {@link BankEventInputPolicy}. */
@Schema(description = "Ein Ereignis der Partnerbank zu einem Kredit")
record BankEventRequest(
    @Schema(description = "Eindeutige ID des Ereignisses bei der Bank; eine Wiederholung wird nur einmal angewandt",
        requiredMode = Schema.RequiredMode.REQUIRED, example = "GLS-2026-000103")
    String eventId,
    @Schema(description = "Referenz des Kredits", requiredMode = Schema.RequiredMode.REQUIRED, example = "QK-2026-000042")
    String loanReference,
    @Schema(description = "Art des Ereignisses", requiredMode = Schema.RequiredMode.REQUIRED)
    BankEventType type,
    @Schema(description = "Betrag in EUR (höchstens zwei Nachkommastellen): bei DISBURSED, INSTALMENT_PAID und "
        + "INSTALMENT_PARTLY_PAID", example = "273.56")
    BigDecimal amount,
    @Schema(description = "Valutadatum (JJJJ-MM-TT): nicht in der Zukunft, nicht vor dem vorigen Schritt",
        requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-12-05")
    LocalDate valueDate,
    @Schema(description = "Vertragsnummer der Bank: nur bei CONTRACT_SIGNED", example = "GLS-KV-778812")
    String contractNumber) {}
