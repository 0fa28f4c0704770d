package de.quartierskredit.rescheduling;

import de.quartierskredit.schedule.AnnuitySchedule;
import de.quartierskredit.schedule.ScheduleLine;
import de.quartierskredit.shared.GermanFormat;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * DOMAIN.md step 11 (Tilgungsplanänderung): checks a rescheduling request against the loan's
 * current situation and computes the new annuity schedule over the remaining principal.
 *
 * <ul>
 *   <li>{@code LONGER_TERM}: the remaining principal over more instalments than remain today.
 *   <li>{@code LOWER_INSTALMENT}: a target instalment below today's; the term becomes the fewest
 *       instalments whose annuity does not exceed the target (a lower instalment is a longer term).
 *   <li>{@code PAYMENT_PAUSE}: 1 to 6 interest-only months, then the remaining number of instalments.
 * </ul>
 * The new schedule starts at the next due date, at the loan's annual rate; all amounts are rounded
 * to the cent and the last instalment absorbs the rounding rest (see {@link AnnuitySchedule}).
 * Design choices, not from the brochure: at most {@value #MAX_INSTALMENTS} instalments after the
 * change, at most {@value #MAX_PAUSE_MONTHS} months of pause.
 */
final class ReschedulingPolicy {

  static final int MAX_INSTALMENTS = 120;
  static final int MAX_PAUSE_MONTHS = 6;
  static final int MAX_REASON_LENGTH = 2000;

  /** The loan as the current schedule stands: what is left to repay, and from when. */
  record Situation(BigDecimal remainingPrincipal, BigDecimal annualRate, int remainingInstalments,
      BigDecimal currentInstalment, BigDecimal remainingInterest, LocalDate nextDueOn) {}

  /** What the caseworker asks for; only the parameter of the chosen kind is read. */
  record Request(ReschedulingKind kind, String reason, Integer newInstalments, BigDecimal targetInstalment,
      Integer pauseMonths) {}

  /** The check's answer: ok, or the form field at fault and why (German, for the caseworker). */
  record Decision(boolean ok, String field, String reason) {
    static final Decision OK = new Decision(true, null, null);

    static Decision refuse(String field, String reason) {
      return new Decision(false, field, reason);
    }
  }

  /** The proposed schedule and the terms it is computed from (stored, so approval activates exactly this). */
  record Proposal(AnnuitySchedule.Terms terms, List<ScheduleLine> lines) {

    BigDecimal instalment() {
      return lines.get(terms.pauseMonths()).instalment();
    }

    BigDecimal totalInterest() {
      return lines.stream().map(ScheduleLine::interest).reduce(Money.ZERO, BigDecimal::add);
    }

    LocalDate lastDueOn() {
      return lines.get(lines.size() - 1).dueOn();
    }
  }

  Decision check(Request request, Situation situation) {
    if (request.kind() == null) {
      return Decision.refuse("reschedulingKind", "Bitte die Art der Änderung wählen.");
    }
    if (request.reason() == null || request.reason().isBlank()) {
      return Decision.refuse("reschedulingReason", "Bitte den Grund der Tilgungsplanänderung angeben.");
    }
    if (request.reason().strip().length() > MAX_REASON_LENGTH) {
      return Decision.refuse("reschedulingReason", "Der Grund darf höchstens " + GermanFormat.number(MAX_REASON_LENGTH)
          + " Zeichen lang sein.");
    }
    return switch (request.kind()) {
      case LONGER_TERM -> checkLongerTerm(request.newInstalments(), situation);
      case LOWER_INSTALMENT -> checkLowerInstalment(request.targetInstalment(), situation);
      case PAYMENT_PAUSE -> checkPause(request.pauseMonths());
    };
  }

  /** The new schedule; the request must have passed {@link #check}. */
  Proposal propose(Request request, Situation situation) {
    Decision decision = check(request, situation);
    if (!decision.ok()) {
      throw new IllegalArgumentException(decision.reason());
    }
    int instalments = switch (request.kind()) {
      case LONGER_TERM -> request.newInstalments();
      case LOWER_INSTALMENT -> instalmentsFor(situation, request.targetInstalment());
      case PAYMENT_PAUSE -> situation.remainingInstalments();
    };
    int pause = request.kind() == ReschedulingKind.PAYMENT_PAUSE ? request.pauseMonths() : 0;
    return of(new AnnuitySchedule.Terms(situation.remainingPrincipal(), situation.annualRate(), instalments,
        situation.nextDueOn(), pause));
  }

  /** The schedule of stored terms: the same terms always give the same lines. */
  static Proposal of(AnnuitySchedule.Terms terms) {
    return new Proposal(terms, AnnuitySchedule.calculate(terms));
  }

  /**
   * Where the new schedule starts: the due date of the first unpaid instalment, or, if that has
   * passed (a missed instalment), the first date on the same monthly rhythm that is not in the past.
   */
  static LocalDate nextDueOn(LocalDate firstUnpaidDueOn, LocalDate today) {
    LocalDate due = firstUnpaidDueOn;
    for (int months = 1; due.isBefore(today); months++) {
      due = firstUnpaidDueOn.plusMonths(months);
    }
    return due;
  }

  private Decision checkLongerTerm(Integer newInstalments, Situation situation) {
    if (newInstalments == null) {
      return Decision.refuse("newInstalments", "Bitte die neue Zahl der Raten angeben.");
    }
    if (newInstalments <= situation.remainingInstalments()) {
      return Decision.refuse("newInstalments", "Die neue Zahl der Raten muss größer sein als die "
          + situation.remainingInstalments() + " verbleibenden Raten.");
    }
    if (newInstalments > MAX_INSTALMENTS) {
      return Decision.refuse("newInstalments", "Höchstens " + MAX_INSTALMENTS + " Raten sind möglich.");
    }
    return Decision.OK;
  }

  private Decision checkLowerInstalment(BigDecimal target, Situation situation) {
    if (target == null || target.signum() <= 0) {
      return Decision.refuse("targetInstalment", "Bitte die neue, niedrigere Monatsrate angeben.");
    }
    if (target.compareTo(situation.currentInstalment()) >= 0) {
      return Decision.refuse("targetInstalment", "Die neue Rate muss unter der bisherigen Rate von "
          + Money.format(situation.currentInstalment()) + " liegen.");
    }
    BigDecimal lowest = AnnuitySchedule.annuity(situation.remainingPrincipal(), situation.annualRate(), MAX_INSTALMENTS);
    if (target.compareTo(lowest) < 0) {
      return Decision.refuse("targetInstalment", "Die Rate ist zu niedrig: mit höchstens " + MAX_INSTALMENTS
          + " Raten beträgt sie mindestens " + Money.format(lowest) + ".");
    }
    return Decision.OK;
  }

  private Decision checkPause(Integer pauseMonths) {
    if (pauseMonths == null || pauseMonths < 1 || pauseMonths > MAX_PAUSE_MONTHS) {
      return Decision.refuse("pauseMonths", "Die Zahlungspause dauert 1 bis " + MAX_PAUSE_MONTHS + " Monate.");
    }
    return Decision.OK;
  }

  /** The fewest instalments whose annuity is at most the target (checked to exist within the maximum). */
  private static int instalmentsFor(Situation situation, BigDecimal target) {
    BigDecimal wanted = target.setScale(2, RoundingMode.HALF_UP);
    for (int n = 1; n < MAX_INSTALMENTS; n++) {
      if (AnnuitySchedule.annuity(situation.remainingPrincipal(), situation.annualRate(), n).compareTo(wanted) <= 0) {
        return n;
      }
    }
    return MAX_INSTALMENTS;
  }
}
