package de.quartierskredit.servicing;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Step 9, early warning (Frühwarnung): which signals flag a loan in good standing <em>before</em> an
 * instalment is missed, and when the flag goes away. A loan carries at most one warning with its current
 * reasons; each kind of event re-decides only the reasons it is the source of.
 *
 * <p>Rules (design choices where DOMAIN.md is silent):
 * <ul>
 *   <li><b>A disturbed loan is not warned</b>: it already is what the warning announces (step 10). When the
 *       ledger disturbs a warned loan, the warning ends as {@link Clearing#DISTURBED}: that is the warning
 *       that came true. While the loan stays disturbed no warning is raised; contacts then are intensive.</li>
 *   <li><b>Contact</b> (monthly or intensive, the advisor's form): the outcome DIFFICULTIES, PAYMENT_PROBLEM or
 *       NOT_REACHED, the business situation STRAINED, CRITICAL or GIVEN_UP, or a situation worse than at the
 *       previous contact (e.g. GROWING to STABLE) is a reason. Each recorded contact replaces the contact
 *       reasons: a later contact that finds the borrower reached, on track and the business not worse clears
 *       them. A recorded contact also ends {@link Reason#CONTACT_MISSED}.</li>
 *   <li><b>Missed contact</b>: the month's contact obligation passed its month end without a contact (the
 *       model's "Monatsende überschritten" escalation). Cleared by the next contact recorded.</li>
 *   <li><b>Payments</b>: the ledger ({@code bank.RepaymentLedgerPolicy}) counts arrears only for instalments
 *       already due, and DOMAIN step 10 makes a partial payment of a due instalment a disturbance at once.
 *       So the payment signals that come <em>before</em> a disturbance are the two the ledger does not count:
 *       {@link Reason#PARTIAL_PAYMENT}, a payment that leaves an instalment not yet due only partly paid (the
 *       borrower pays in parts ahead of the due date), and {@link Reason#LATE_PAYMENT}, a payment with a value
 *       date after the due date of an instalment it pays that the bank had not reported missed. Each
 *       instalment event replaces the payment reasons: the next payment that is in full and on time clears
 *       them; a miss disturbs the loan.</li>
 *   <li><b>End</b>: a loan repaid, defaulted or written off has no warning ({@link Clearing#LOAN_ENDED}).</li>
 * </ul>
 */
final class EarlyWarningPolicy {

  /** Where a reason comes from: each event re-decides the reasons of its own source. */
  enum Source { CONTACT, MISSED_CONTACT, PAYMENT }

  /** Why a loan is flagged, with the German text the advisor reads. */
  enum Reason {
    PAYMENT_PROBLEM(Source.CONTACT, "Beim letzten Kontakt ein Zahlungsproblem angekündigt"),
    DIFFICULTIES(Source.CONTACT, "Beim letzten Kontakt Schwierigkeiten berichtet"),
    NOT_REACHED(Source.CONTACT, "Beim letzten Kontakt nicht erreicht"),
    BUSINESS_GIVEN_UP(Source.CONTACT, "Betrieb aufgegeben"),
    BUSINESS_CRITICAL(Source.CONTACT, "Lage des Betriebs kritisch"),
    BUSINESS_STRAINED(Source.CONTACT, "Lage des Betriebs angespannt"),
    BUSINESS_WORSENED(Source.CONTACT, "Lage des Betriebs schlechter als beim vorigen Kontakt"),
    CONTACT_MISSED(Source.MISSED_CONTACT, "Monatskontakt bis Monatsende nicht geführt"),
    PARTIAL_PAYMENT(Source.PAYMENT, "Rate vor Fälligkeit nur teilweise gezahlt"),
    LATE_PAYMENT(Source.PAYMENT, "Rate verspätet gezahlt (ohne Meldung eines Ausfalls)");

    final Source source;
    final String label;

    Reason(Source source, String label) {
      this.source = source;
      this.label = label;
    }
  }

  /** Why a warning ended (loan_warning.cleared_because). */
  enum Clearing { DISTURBED, REASONS_GONE, LOAN_ENDED }

  /** What happened to the loan's warning. */
  enum Change { NONE, RAISED, CHANGED, CLEARED }

  /** The reasons after the event (empty: no warning), what changed, and why it ended if it did. */
  record Decision(Set<Reason> reasons, Change change, Clearing clearing) {

    boolean warned() {
      return !reasons.isEmpty();
    }
  }

  /** The business situations of the contact form, best first. */
  static final List<String> SITUATIONS = List.of("GROWING", "STABLE", "STRAINED", "CRITICAL", "GIVEN_UP");

  /**
   * A contact was recorded with this outcome and business situation; {@code previousSituation} is the one
   * of the contact before it (null for the first).
   */
  Decision afterContact(Set<Reason> current, boolean disturbed, String outcome, String situation,
      String previousSituation) {
    EnumSet<Reason> found = EnumSet.noneOf(Reason.class);
    switch (outcome == null ? "" : outcome) {
      case "PAYMENT_PROBLEM" -> found.add(Reason.PAYMENT_PROBLEM);
      case "DIFFICULTIES" -> found.add(Reason.DIFFICULTIES);
      case "NOT_REACHED" -> found.add(Reason.NOT_REACHED);
      default -> { }
    }
    switch (situation == null ? "" : situation) {
      case "GIVEN_UP" -> found.add(Reason.BUSINESS_GIVEN_UP);
      case "CRITICAL" -> found.add(Reason.BUSINESS_CRITICAL);
      case "STRAINED" -> found.add(Reason.BUSINESS_STRAINED);
      default -> {
        if (worse(situation, previousSituation)) {
          found.add(Reason.BUSINESS_WORSENED);
        }
      }
    }
    return decide(current, disturbed, EnumSet.of(Source.CONTACT, Source.MISSED_CONTACT), found);
  }

  /** The month ended without the monthly contact. */
  Decision afterMissedContact(Set<Reason> current, boolean disturbed) {
    return decide(current, disturbed, EnumSet.of(Source.MISSED_CONTACT), EnumSet.of(Reason.CONTACT_MISSED));
  }

  /**
   * The bank reported an instalment event: is the loan disturbed after it, did a payment leave an instalment
   * not yet due partly paid, did a payment pay an instalment after its due date that was never reported missed.
   */
  Decision afterInstalment(Set<Reason> current, boolean disturbed, boolean partlyPaidAhead, boolean paidLate) {
    EnumSet<Reason> found = EnumSet.noneOf(Reason.class);
    if (partlyPaidAhead) {
      found.add(Reason.PARTIAL_PAYMENT);
    }
    if (paidLate) {
      found.add(Reason.LATE_PAYMENT);
    }
    return decide(current, disturbed, EnumSet.of(Source.PAYMENT), found);
  }

  /** The loan is repaid, defaulted or written off. */
  Decision afterLoanEnded(Set<Reason> current) {
    return current.isEmpty() ? new Decision(Set.of(), Change.NONE, null)
        : new Decision(Set.of(), Change.CLEARED, Clearing.LOAN_ENDED);
  }

  private static Decision decide(Set<Reason> current, boolean disturbed, Set<Source> replaced, Set<Reason> found) {
    if (disturbed) {
      return current.isEmpty() ? new Decision(Set.of(), Change.NONE, null)
          : new Decision(Set.of(), Change.CLEARED, Clearing.DISTURBED);
    }
    EnumSet<Reason> after = EnumSet.noneOf(Reason.class);
    current.stream().filter(reason -> !replaced.contains(reason.source)).forEach(after::add);
    after.addAll(found);
    Set<Reason> reasons = Set.copyOf(after);
    if (reasons.equals(Set.copyOf(current))) {
      return new Decision(reasons, Change.NONE, null);
    }
    if (current.isEmpty()) {
      return new Decision(reasons, Change.RAISED, null);
    }
    return reasons.isEmpty() ? new Decision(reasons, Change.CLEARED, Clearing.REASONS_GONE)
        : new Decision(reasons, Change.CHANGED, null);
  }

  /** Whether {@code situation} is worse than {@code previous}; unknown values never are. */
  static boolean worse(String situation, String previous) {
    if (situation == null || previous == null) {
      return false;
    }
    int now = SITUATIONS.indexOf(situation);
    int before = SITUATIONS.indexOf(previous);
    return now >= 0 && before >= 0 && now > before;
  }

  /** The reasons as stored: codes in the enum's order, comma-separated. */
  static String codes(Collection<Reason> reasons) {
    return reasons.stream().sorted().map(Reason::name).collect(Collectors.joining(","));
  }

  /** The stored codes read back; unknown codes (from a newer version) are skipped. */
  static Set<Reason> parse(String codes) {
    if (codes == null || codes.isBlank()) {
      return Set.of();
    }
    EnumSet<Reason> reasons = EnumSet.noneOf(Reason.class);
    for (String code : codes.split(",")) {
      for (Reason reason : Reason.values()) {
        if (reason.name().equals(code.strip())) {
          reasons.add(reason);
        }
      }
    }
    return Set.copyOf(reasons);
  }

  /** The reasons in German, most serious first, for the advisor's briefing. */
  static List<String> labels(Collection<Reason> reasons) {
    return reasons.stream().sorted().map(reason -> reason.label).toList();
  }
}
