package de.quartierskredit.loan;

import java.util.Set;

/** For tests: moves a registered application along the lifecycle without running its processes. */
public final class LoanTestStates {

  private LoanTestStates() {}

  /** APPLIED, then APPROVED, CONTRACTED and ACTIVE, each an allowed step of {@link LoanLifecycle}. */
  public static void activate(LoanRepository loans, String reference) {
    loans.transition(reference, Set.of(LoanState.APPLIED), LoanState.APPROVED, null);
    loans.transition(reference, Set.of(LoanState.APPROVED), LoanState.CONTRACTED, null);
    loans.transition(reference, Set.of(LoanState.CONTRACTED), LoanState.ACTIVE, null);
  }
}
