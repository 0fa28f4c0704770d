package de.quartierskredit.document;

import de.quartierskredit.loan.LoanState;
import de.quartierskredit.shared.LoanVisibility;
import de.quartierskredit.shared.Roles;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Who reads, opens and adds a loan's documents (design choice, issue 17):
 * <ul>
 *   <li>The list follows {@link LoanVisibility}: the microfinancer, managers and process owners see every
 *   loan's list, advisors and committee members their quarter's. The bank sees the contract's documents of
 *   the loans that reached it (approved and after), nothing of the application. Anyone else: a loan they may
 *   not see is answered like an unknown one (404).</li>
 *   <li>Opening a file: everyone who sees the list, except managers: they watch whether the documents are
 *   complete and how long cases take, and never need a person's passport, income or guarantors'
 *   declarations for that (data minimisation, Art. 5 (1) c DSGVO). They see type, date and size, not the
 *   file or its name.</li>
 *   <li>Adding a file: the advisors of the loan's quarter (they collect the documents), the microfinancer
 *   (every loan, and the loans outside the quarters it advises itself), process owners, and the bank for
 *   the contract's documents of loans that reached it. Not the committee: who decides on the documents
 *   does not supply them (the same separation as for the decision template). Not managers.</li>
 * </ul>
 */
final class DocumentAccessPolicy {

  /** Allowed, or refused with a German reason. */
  record Decision(boolean ok, String reason) {
    static final Decision OK = new Decision(true, null);

    static Decision refused(String reason) {
      return new Decision(false, reason);
    }
  }

  /** What of a loan's documents the caller sees. */
  enum Reading { NONE, CONTRACT_ONLY, ALL;

    boolean covers(String stage) {
      return this == ALL || (this == CONTRACT_ONLY && DocumentStage.CONTRACT.name().equals(stage));
    }
  }

  private DocumentAccessPolicy() {}

  static Reading reading(Collection<String> groups, String quarterCode, LoanState state) {
    if (LoanVisibility.of(groups).sees(quarterCode)) {
      return Reading.ALL;
    }
    return bank(groups) && DocumentStage.REACHED_THE_BANK.contains(state) ? Reading.CONTRACT_ONLY : Reading.NONE;
  }

  /** A caller who reads no loan's documents at all is told so (403); that says nothing about a reference. */
  static boolean readsNone(Collection<String> groups) {
    return LoanVisibility.of(groups).none() && !bank(groups);
  }

  static Decision open(Collection<String> groups, String quarterCode, LoanState state, String stage) {
    if (!reading(groups, quarterCode, state).covers(stage)) {
      return Decision.refused("Diese Unterlage dürfen Sie nicht öffnen.");
    }
    if (full(groups) || ofQuarter(groups, quarterCode) || bank(groups)) {
      return Decision.OK;
    }
    return Decision.refused("Das Management sieht, welche Unterlagen vorliegen, öffnet aber keine Dateien: Ausweise, "
        + "Einkommensnachweise und Bürgschaftserklärungen braucht es für seine Aufgaben nicht (Datenminimierung).");
  }

  static Decision add(Collection<String> groups, String quarterCode, LoanState state, String stage) {
    if (full(groups) || (quarterCode != null && advisorsOf(groups).contains(quarterCode))) {
      return Decision.OK;
    }
    if (bank(groups) && DocumentStage.REACHED_THE_BANK.contains(state)) {
      return DocumentStage.CONTRACT.name().equals(stage) ? Decision.OK
          : Decision.refused("Die Bank reicht nur Unterlagen zum Kreditvertrag ein, keine zum Antrag.");
    }
    if (quarterCode != null && groups != null && groups.contains(Roles.committee(quarterCode))) {
      return Decision.refused("Der Vergabeausschuss entscheidet über die Unterlagen und reicht selbst keine ein; "
          + "bitte die Quartiersberatung ansprechen.");
    }
    return Decision.refused("Unterlagen reichen die Quartiersberatung des Quartiers, der Mikrofinanzierer und die "
        + "Prozessverantwortlichen ein, die Bank die zum Kreditvertrag.");
  }

  private static boolean full(Collection<String> groups) {
    return groups != null && (groups.contains(Roles.MICROFINANCER) || groups.contains(Roles.PROCESS_OWNERS)
        || groups.contains("camunda-admin"));
  }

  private static boolean ofQuarter(Collection<String> groups, String quarterCode) {
    return quarterCode != null && Roles.quartersOf(groups).contains(quarterCode);
  }

  private static List<String> advisorsOf(Collection<String> groups) {
    return groups == null ? List.of() : groups.stream().map(Roles::quarterOfAdvisors).filter(Objects::nonNull).toList();
  }

  private static boolean bank(Collection<String> groups) {
    return groups != null && groups.contains(Roles.BANK);
  }
}
