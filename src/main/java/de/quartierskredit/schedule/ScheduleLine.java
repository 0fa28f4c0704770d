package de.quartierskredit.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One instalment of a repayment schedule (Tilgungsplan): what is due when, split into interest and principal. */
public record ScheduleLine(
    int instalmentNo,
    LocalDate dueOn,
    BigDecimal interest,
    BigDecimal principal,
    BigDecimal instalment,
    BigDecimal remainingPrincipal) {}
