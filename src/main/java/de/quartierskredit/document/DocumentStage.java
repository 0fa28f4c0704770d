package de.quartierskredit.document;

import de.quartierskredit.loan.LoanState;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stages of a loan that ask for documents (the {@code stage} input of the checklist table): the
 * application, decided by the committee, and the contract, from the approval on when the bank has the
 * microfinancer's recommendation.
 */
enum DocumentStage {
  APPLICATION("Antrag"),
  CONTRACT("Kreditvertrag");

  /** From the approval on the bank has the case: the contract's documents are asked for. */
  static final Set<LoanState> REACHED_THE_BANK = EnumSet.of(LoanState.APPROVED, LoanState.CONTRACTED,
      LoanState.ACTIVE, LoanState.REPAID, LoanState.DEFAULTED, LoanState.WRITTEN_OFF);

  private final String label;

  DocumentStage(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The stages a loan in this state has reached, in order. */
  static List<DocumentStage> reachedIn(LoanState state) {
    return REACHED_THE_BANK.contains(state) ? List.of(APPLICATION, CONTRACT) : List.of(APPLICATION);
  }

  static Optional<DocumentStage> of(String code) {
    return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
  }

  static String labelOf(String code) {
    return of(code).map(DocumentStage::label).orElse("sonstige Unterlagen");
  }
}
