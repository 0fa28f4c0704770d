package de.quartierskredit.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An application as {@code GET /api/applications/{reference}} answers it: where it stands in German,
 * its figures (amounts in EUR with two decimals, dates ISO, as the rest of the API) and the steps
 * open for it. No contact data of the applicant (data minimisation): whoever works on the case finds
 * them in Tasklist.
 */
record ApplicationView(
    String reference,
    String state,
    String stateLabel,
    String summary,
    List<String> openSteps,
    String quarterCode,
    String quarterName,
    String businessName,
    String purpose,
    BigDecimal requestedAmount,
    BigDecimal amount,
    BigDecimal outstandingPrincipal,
    LocalDate appliedOn,
    LocalDate approvedOn,
    LocalDate contractedOn,
    LocalDate disbursedOn,
    LocalDate closedOn,
    boolean disturbed,
    LocalDate disturbedSince,
    String endedReason) {

  ApplicationView withOpenSteps(List<String> steps) {
    return new ApplicationView(reference, state, stateLabel, summary, List.copyOf(steps), quarterCode, quarterName,
        businessName, purpose, requestedAmount, amount, outstandingPrincipal, appliedOn, approvedOn, contractedOn,
        disbursedOn, closedOn, disturbed, disturbedSince, endedReason);
  }
}
