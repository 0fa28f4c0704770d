package de.quartierskredit.committee;

import de.quartierskredit.application.EligibilityPolicy;
import de.quartierskredit.shared.GermanFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DOMAIN.md steps 5 and 7: what a complete decision template, a valid committee decision and a valid
 * reduced amount are. The forms check the same in the browser; this is the server's own check.
 */
final class CommitteeInputPolicy {

  static final int MAX_TEXT = 4000;
  static final int MAX_VOTES = 99;
  static final BigDecimal MINIMUM_LOAN = EligibilityPolicy.MIN_AMOUNT;
  static final Set<String> RECOMMENDATIONS = Set.of("APPROVE", "REJECT");
  static final Set<String> DECISIONS = Set.of(
      CommitteeDecisionProcess.Decisions.APPROVE, CommitteeDecisionProcess.Decisions.REJECT,
      CommitteeDecisionProcess.Decisions.RETURN);
  static final Set<String> CAPACITY_ACTIONS = Set.of(
      CommitteeDecisionProcess.CapacityActions.RETRY, CommitteeDecisionProcess.CapacityActions.REDUCE,
      CommitteeDecisionProcess.CapacityActions.WITHDRAW);

  private CommitteeInputPolicy() {}

  /** Both guiding questions answered and a recommendation given. */
  static Check template(String improvesSituation, String canRepay, String recommendation, String notes) {
    List<String> problems = new ArrayList<>();
    requireText(problems, improvesSituation, "Die Frage, ob der Kredit die Lage der Person verbessert,");
    requireText(problems, canRepay, "Die Frage, ob die Person zurückzahlen kann und will,");
    if (recommendation == null || !RECOMMENDATIONS.contains(recommendation)) { // Set.of refuses null
      problems.add("Bitte eine Empfehlung wählen (Bewilligung oder Ablehnung).");
    }
    if (notes != null && notes.length() > MAX_TEXT) {
      problems.add("Die Anmerkungen sind länger als " + GermanFormat.number(MAX_TEXT) + " Zeichen.");
    }
    return Check.of(problems);
  }

  /**
   * A decision with a reason and a plausible vote: an approval needs more votes for than against, a
   * rejection may not have more votes for than against; a question back needs no vote.
   */
  static Check decision(String decision, String reason, Integer votesFor, Integer votesAgainst,
      Integer abstentions) {
    List<String> problems = new ArrayList<>();
    if (decision == null || !DECISIONS.contains(decision)) { // Set.of refuses null
      problems.add("Bitte eine Entscheidung wählen: bewilligen, ablehnen oder Rückfrage.");
    }
    requireText(problems, reason, "Die Begründung");
    for (Integer votes : new Integer[] {votesFor, votesAgainst, abstentions}) {
      if (votes == null || votes < 0 || votes > MAX_VOTES) {
        problems.add("Die Stimmen (dafür, dagegen, Enthaltungen) müssen ganze Zahlen von 0 bis " + MAX_VOTES + " sein.");
        return Check.of(problems);
      }
    }
    if (CommitteeDecisionProcess.Decisions.APPROVE.equals(decision) && votesFor <= votesAgainst) {
      problems.add("Eine Bewilligung braucht mehr Stimmen dafür als dagegen.");
    }
    if (CommitteeDecisionProcess.Decisions.REJECT.equals(decision) && votesFor > votesAgainst) {
      problems.add("Eine Ablehnung widerspricht einer Mehrheit von Stimmen dafür.");
    }
    return Check.of(problems);
  }

  static final int MAX_MISSING_DOCUMENTS_REASON = 2000;

  /**
   * Issue 17: the committee approves only on a complete file, or records why it approves although required
   * documents are missing ({@code missingLabels}, the German names of the missing checklist items). A
   * rejection or a question back needs no such reason.
   */
  static Check missingDocuments(String decision, List<String> missingLabels, String missingDocumentsReason) {
    if (missingDocumentsReason != null && missingDocumentsReason.length() > MAX_MISSING_DOCUMENTS_REASON) {
      return Check.of(List.of("Die Begründung für fehlende Unterlagen ist länger als "
          + GermanFormat.number(MAX_MISSING_DOCUMENTS_REASON) + " Zeichen."));
    }
    if (!CommitteeDecisionProcess.Decisions.APPROVE.equals(decision) || missingLabels.isEmpty()
        || (missingDocumentsReason != null && !missingDocumentsReason.isBlank())) {
      return Check.of(List.of());
    }
    return Check.of(List.of("Es fehlen erforderliche Unterlagen: " + String.join(", ", missingLabels) + ". Bitte "
        + "nachreichen lassen oder im Feld „Bewilligung trotz fehlender Unterlagen: warum?“ festhalten, warum der "
        + "Ausschuss dennoch bewilligt."));
  }

  /** What to do when the fund has no room; a reduced amount lies between 500 EUR and the current amount. */
  static Check capacityAction(String action, BigDecimal reducedAmount, BigDecimal currentAmount) {
    if (action == null || !CAPACITY_ACTIONS.contains(action)) { // Set.of refuses null
      return Check.of(List.of("Bitte wählen: erneut prüfen, Betrag verringern oder Antrag zurückziehen."));
    }
    if (!CommitteeDecisionProcess.CapacityActions.REDUCE.equals(action)) {
      return Check.of(List.of());
    }
    if (reducedAmount == null || reducedAmount.stripTrailingZeros().scale() > 2
        || reducedAmount.compareTo(MINIMUM_LOAN) < 0 || reducedAmount.compareTo(currentAmount) > 0) {
      return Check.of(List.of("Der neue Betrag muss zwischen 500,00 EUR und dem bisherigen Betrag liegen (in Cent genau)."));
    }
    return Check.of(List.of());
  }

  private static void requireText(List<String> problems, String text, String what) {
    if (text == null || text.isBlank()) {
      problems.add(what + " fehlt.");
    } else if (text.length() > MAX_TEXT) {
      problems.add(what + " ist länger als " + GermanFormat.number(MAX_TEXT) + " Zeichen.");
    }
  }

  /** ok, or the problems in German, one sentence each. */
  record Check(boolean ok, String reason) {
    static Check of(List<String> problems) {
      return new Check(problems.isEmpty(), String.join(" ", problems));
    }
  }
}
