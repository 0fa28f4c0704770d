package de.quartierskredit.loan;

import java.math.BigDecimal;

/**
 * Who and what a loan is about, as a caseworker names a case: reference, borrower, business, quarter
 * (null outside the quarters) and the loan's current amount. For display only; decisions read {@link Loan}.
 */
public record LoanSummary(String reference, String borrowerName, String businessName, String quarterName,
    BigDecimal amount) {}
