package de.quartierskredit.shared;

import java.util.Collection;
import java.util.List;

/**
 * Who may read a loan (its application, its documents, its file), the line the whole API draws it
 * (design choice): the microfinancer, managers and process owners read every loan; an advisor or
 * committee member reads those of her own quarter(s) (she advises and decides them); the bank and
 * machine logins read none through this rule (the bank learns of a loan by the microfinancer's
 * recommendation, not by browsing applications; a feature that serves the bank says so itself). A
 * loan outside the quarters belongs to the microfinancer, so only the first group reads it.
 *
 * <p>A loan the caller may not read is answered exactly like one that does not exist (404), so that
 * nobody can probe which references exist in other quarters; only a caller who may read no loan at
 * all is told so (403), which says nothing about any reference. Moved here from the application
 * package (issue 17) so that applications, documents and the loan file share the one rule.
 */
public final class LoanVisibility {

  private LoanVisibility() {}

  /** What the caller may read: everything, some quarters, or nothing. */
  public record Visibility(boolean all, List<String> quarters) {

    public boolean none() {
      return !all && quarters.isEmpty();
    }

    /** Whether a loan of this quarter (null: outside the quarters) is visible. */
    public boolean sees(String quarterCode) {
      return all || (quarterCode != null && quarters.contains(quarterCode));
    }
  }

  public static Visibility of(Collection<String> groups) {
    return Roles.seeWholeProgramme(groups) ? new Visibility(true, List.of()) : new Visibility(false, Roles.quartersOf(groups));
  }
}
