package de.quartierskredit.shared;

import java.util.List;

/**
 * Who may read a loan or application, wherever it is read ({@code GET /api/applications/{reference}},
 * the loan file, its documents and audit trail): one rule, the same line as the rest
 * of the API draws it (design choice): the microfinancer, managers and process owners read every
 * application; an advisor or committee member reads those of her own quarter(s) (she advises and
 * decides them); the bank and machine logins read none (the bank learns of a loan by the
 * microfinancer's recommendation, not by browsing applications). An application outside the quarters
 * belongs to the microfinancer, so only the first group reads it.
 *
 * <p>An application the caller may not read is answered exactly like one that does not exist (404),
 * so that nobody can probe which references exist in other quarters; only a caller who may read no
 * application at all is told so (403), which says nothing about any reference.
 */
public final class LoanVisibilityPolicy {

  /** What the caller may read: everything, some quarters, or nothing. */
  public record Visibility(boolean all, List<String> quarters) {

    public boolean none() {
      return !all && quarters.isEmpty();
    }

    /** Whether an application of this quarter (null: outside the quarters) is visible. */
    public boolean sees(String quarterCode) {
      return all || (quarterCode != null && quarters.contains(quarterCode));
    }
  }

  public Visibility of(List<String> groups) {
    return Roles.seeWholeProgramme(groups) ? new Visibility(true, List.of()) : new Visibility(false, Roles.quartersOf(groups));
  }
}
