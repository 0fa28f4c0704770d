package de.quartierskredit.servicing;

import java.time.LocalDate;
import java.time.Period;

/**
 * Steps 10-12, when a disturbed loan defaults: the default period ({@code defaultAfter}, 90 days unless
 * configured) counts from the day the disturbance became <em>known</em>, not from its value date.
 *
 * <p>DOMAIN.md step 10 asks for an intervention on every missed or partial instalment (intensive
 * contact, a plan, the advisor's support), step 11 lets the microfinancer change the repayment plan,
 * and step 12 writes the loan off only when that fails. The period is the time the intervention has
 * to work; nobody can work on a disturbance before the bank has reported it. So a miss reported late
 * (value date three months back) opens the intervention like any other and gets the whole period,
 * counted from the day the report was booked (the engine clock of the booking, kept as
 * {@code loan_disturbance_period.known_on}); a miss reported on time is known on its value date, and
 * its deadline is the value date plus the period, as before. The value date stays what the
 * disturbance history and the portfolio figures read ({@code disturbed_since}, the period's start):
 * the loan <em>was</em> disturbed since then, and the 15th's rate as of a past date says so.
 *
 * <p>Nothing the bank sends moves the deadline: the day known is our clock's, a future value date is
 * refused before booking ({@code BankEventDatePolicy}), an older value date only moves
 * {@code disturbed_since}, and an open intervention keeps the deadline it was opened with.
 * (Design choice; the brochure names no period.)
 */
final class DefaultDeadlinePolicy {

  /** The intervention's dates: disturbed since (value date), known on, and the day the loan defaults. */
  record Deadline(LocalDate disturbedSince, LocalDate knownOn, LocalDate defaultDueOn) {}

  /**
   * @param disturbedSince the value date the disturbance started on (the loan row's), or null if unknown
   * @param knownOn the day the disturbance was booked, or null if not recorded (then today counts)
   * @param today the engine clock's day now, when the intervention opens
   */
  Deadline of(LocalDate disturbedSince, LocalDate knownOn, LocalDate today, Period defaultAfter) {
    LocalDate known = knownOn != null ? knownOn : today;
    LocalDate since = disturbedSince != null ? disturbedSince : known;
    if (known.isBefore(since)) {
      known = since; // nothing is known before it happened
    }
    return new Deadline(since, known, known.plus(defaultAfter));
  }
}
