package de.quartierskredit.bank;

import de.quartierskredit.bank.RepaymentLedgerPolicy.Booking;
import de.quartierskredit.bank.RepaymentLedgerPolicy.Line;
import de.quartierskredit.bank.RepaymentLedgerPolicy.LineState;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ledger booked an instalment event (paid, partly paid or missed), published inside the bank event's
 * transaction so that a listener (the early warning, {@code servicing.EarlyWarnings}) acts in the same
 * transaction, with the loan row still locked. Facts of the ledger only; what they mean is the listener's rule.
 *
 * @param disturbed       the loan is disturbed after the event (arrears on instalments due)
 * @param repaid          the event made the loan fully repaid
 * @param partlyPaidAhead after the event an instalment not yet due is partly paid (the ledger counts no arrears for it)
 * @param paidLate        a payment paid an instalment after its due date that the bank had not reported missed
 */
public record InstalmentBooked(long loanId, String reference, LocalDate valueDate, boolean disturbed, boolean repaid,
    boolean partlyPaidAhead, boolean paidLate) {

  static InstalmentBooked of(long loanId, String reference, BankEventType type, LocalDate valueDate, LocalDate asOf,
      List<Line> before, Booking booking, boolean disturbed, boolean repaid) {
    boolean partlyPaidAhead = booking.lines().stream()
        .anyMatch(line -> line.state() == LineState.PARTLY_PAID && line.dueOn().isAfter(asOf));
    Map<Long, Line> previous = before.stream().collect(Collectors.toMap(Line::id, Function.identity()));
    boolean paidLate = type != BankEventType.INSTALMENT_MISSED && booking.changed().stream()
        .filter(line -> line.dueOn().isBefore(valueDate))
        .anyMatch(line -> previous.containsKey(line.id()) && previous.get(line.id()).state() == LineState.OPEN);
    return new InstalmentBooked(loanId, reference, valueDate, disturbed, repaid, partlyPaidAhead, paidLate);
  }
}
