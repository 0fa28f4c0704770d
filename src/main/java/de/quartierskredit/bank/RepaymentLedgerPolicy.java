package de.quartierskredit.bank;

import de.quartierskredit.shared.GermanFormat;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps 9-10, the repayment ledger: how the bank's instalment reports fill the current repayment
 * schedule, what is in arrears and how much principal is repaid. The only place that books money.
 *
 * <p>Rules (design choices where DOMAIN.md is silent):
 * <ul>
 *   <li>A payment fills the open lines in due order, oldest unpaid first (OPEN, MISSED and
 *       PARTLY_PAID lines), each up to its instalment; a line is PAID when fully paid, PARTLY_PAID
 *       otherwise. The result depends only on the sum paid, never on the order payments arrive in.
 *       INSTALMENT_PAID and INSTALMENT_PARTLY_PAID are booked alike: the bank's label does not
 *       override the schedule.</li>
 *   <li>Within a line, interest is paid first, then principal: the principal repaid by a line is
 *       {@code max(0, paid - interest)}.</li>
 *   <li>A payment beyond everything the schedule still asks for is refused (no credit balance is
 *       kept): the bank books the excess back or the microfinancer reschedules.</li>
 *   <li>A missed instalment marks the OPEN lines due on or before its value date MISSED and books no
 *       money; lines already (partly) paid stay as they are, so a miss reported after the payment
 *       changes nothing.</li>
 *   <li>Arrears at a date = sum over lines due on or before it of (instalment - paid).</li>
 *   <li>Amounts are euros with at most two decimals; a sub-cent amount is refused, never rounded.</li>
 * </ul>
 */
final class RepaymentLedgerPolicy {

  /** The state of a schedule line, as in {@code repayment_schedule_line.state}. */
  enum LineState { OPEN, PAID, PARTLY_PAID, MISSED, SUPERSEDED }

  /** One line of the current schedule and what has been paid on it. */
  record Line(long id, int instalmentNo, LocalDate dueOn, BigDecimal interest, BigDecimal principal,
      BigDecimal instalment, BigDecimal paid, LineState state) {

    /** What is still owed on this line. */
    BigDecimal owed() {
      return instalment.subtract(paid).max(Money.ZERO);
    }

    /** The principal part of what is paid: interest first, then principal. */
    BigDecimal principalPaid() {
      return paid.subtract(interest).max(Money.ZERO).min(principal);
    }

    boolean counts() {
      return state != LineState.SUPERSEDED;
    }

    Line withPaid(BigDecimal newPaid) {
      LineState newState = newPaid.compareTo(instalment) >= 0 ? LineState.PAID
          : newPaid.signum() > 0 ? LineState.PARTLY_PAID : state;
      return new Line(id, instalmentNo, dueOn, interest, principal, instalment, Money.euros(newPaid), newState);
    }

    Line missed() {
      return new Line(id, instalmentNo, dueOn, interest, principal, instalment, paid, LineState.MISSED);
    }
  }

  /** A booking: refused with a reason, or the lines after it, those it changed and the principal it repaid. */
  record Booking(boolean ok, String reason, List<Line> lines, List<Line> changed, BigDecimal principalRepaid) {

    static Booking refused(String reason) {
      return new Booking(false, reason, List.of(), List.of(), Money.ZERO);
    }
  }

  /** Books a payment of {@code amount} onto the lines (in instalment order). */
  Booking pay(List<Line> lines, BigDecimal amount) {
    if (amount == null || amount.signum() <= 0) {
      return Booking.refused("Der Betrag muss größer als 0,00 EUR sein.");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      return Booking.refused("Der Betrag hat mehr als zwei Nachkommastellen.");
    }
    BigDecimal rest = Money.euros(amount);
    BigDecimal owed = totalOwed(lines);
    if (rest.compareTo(owed) > 0) {
      return Booking.refused("Die Zahlung von " + Money.format(rest) + " übersteigt die Restschuld laut Tilgungsplan ("
          + Money.format(owed) + ").");
    }
    List<Line> after = new ArrayList<>(lines.size());
    List<Line> changed = new ArrayList<>();
    BigDecimal principal = Money.ZERO;
    for (Line line : lines) {
      if (!line.counts() || rest.signum() == 0 || line.owed().signum() == 0) {
        after.add(line);
        continue;
      }
      BigDecimal share = rest.min(line.owed());
      Line paid = line.withPaid(line.paid().add(share));
      rest = rest.subtract(share);
      principal = principal.add(paid.principalPaid().subtract(line.principalPaid()));
      after.add(paid);
      changed.add(paid);
    }
    return new Booking(true, null, List.copyOf(after), List.copyOf(changed), Money.euros(principal));
  }

  /** Books a missed instalment reported for {@code valueDate}: OPEN lines due by then become MISSED. */
  Booking miss(List<Line> lines, LocalDate valueDate) {
    if (lines.stream().filter(Line::counts).noneMatch(line -> !line.dueOn().isAfter(valueDate))) {
      return Booking.refused("Laut Tilgungsplan ist bis zum " + GermanFormat.date(valueDate) + " keine Rate fällig.");
    }
    List<Line> after = new ArrayList<>(lines.size());
    List<Line> changed = new ArrayList<>();
    for (Line line : lines) {
      if (line.state() == LineState.OPEN && !line.dueOn().isAfter(valueDate) && line.owed().signum() > 0) {
        Line missed = line.missed();
        after.add(missed);
        changed.add(missed);
      } else {
        after.add(line);
      }
    }
    return new Booking(true, null, List.copyOf(after), List.copyOf(changed), Money.ZERO);
  }

  /** Sum over the lines due on or before {@code asOf} of what is still owed on them. */
  BigDecimal arrears(List<Line> lines, LocalDate asOf) {
    return Money.euros(lines.stream()
        .filter(Line::counts)
        .filter(line -> !line.dueOn().isAfter(asOf))
        .map(Line::owed)
        .reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  /**
   * The due date of the oldest line not paid in full (due or not yet due), or null when nothing is left:
   * payments fill lines oldest first, so this moves only when a payment completes a line. Days overdue
   * as of a date count from it (portfolio indicators, PAR and aging).
   */
  LocalDate oldestUnpaidDueOn(List<Line> lines) {
    return lines.stream().filter(Line::counts).filter(line -> line.owed().signum() > 0)
        .map(Line::dueOn).min(LocalDate::compareTo).orElse(null);
  }

  /** Everything the schedule asks for, due or not, minus what is paid. */
  BigDecimal totalOwed(List<Line> lines) {
    return Money.euros(lines.stream().filter(Line::counts).map(Line::owed).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  /** Fully repaid: the schedule asks for nothing more and no principal is outstanding. */
  boolean repaid(List<Line> lines, BigDecimal outstandingPrincipal) {
    return !lines.isEmpty() && totalOwed(lines).signum() == 0 && outstandingPrincipal.signum() == 0;
  }
}
