package de.quartierskredit.schedule;

import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes an annuity repayment schedule (Tilgungsplan): equal monthly instalments of interest plus
 * principal, each rounded to the cent, the last one absorbing the rounding rest so that the loan ends
 * at exactly 0.00.
 *
 * <p>Rules, all amounts half-up to the cent: monthly interest = remaining principal x annual rate / 12;
 * instalment = P x r / (1 - (1 + r)^-n) with r = annual rate / 12 (rate 0: P / n); principal part =
 * instalment - interest. Due dates are monthly from the first due date; a due day beyond a month's end
 * falls on its last day (31 Jan, 28/29 Feb, 31 Mar).
 *
 * <p>A payment pause (for a rescheduling) puts {@code pauseMonths} <em>interest-only</em> lines before
 * the {@code instalments} repaying ones: the borrower pays the interest of the month, the principal
 * stays. Design choice: interest-only rather than zero payments, so that no interest is capitalised
 * and the remaining principal never grows during a pause.
 */
public final class AnnuitySchedule {

  private static final MathContext PRECISION = MathContext.DECIMAL128;
  private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

  private AnnuitySchedule() {}

  /** What a schedule is computed from; {@code instalments} counts the repaying lines after the pause. */
  public record Terms(
      BigDecimal principal, BigDecimal annualRate, int instalments, LocalDate firstDueOn, int pauseMonths) {

    public Terms {
      if (principal == null || principal.signum() <= 0) {
        throw new IllegalArgumentException("principal must be positive: " + principal);
      }
      if (annualRate == null || annualRate.signum() < 0) {
        throw new IllegalArgumentException("annual rate must not be negative: " + annualRate);
      }
      if (instalments < 1) {
        throw new IllegalArgumentException("at least one instalment is needed: " + instalments);
      }
      if (pauseMonths < 0) {
        throw new IllegalArgumentException("pause must not be negative: " + pauseMonths);
      }
      if (firstDueOn == null) {
        throw new IllegalArgumentException("first due date is missing");
      }
      principal = Money.euros(principal);
    }

    public Terms(BigDecimal principal, BigDecimal annualRate, int instalments, LocalDate firstDueOn) {
      this(principal, annualRate, instalments, firstDueOn, 0);
    }
  }

  /** The schedule's lines (pause lines first), numbered from 1. */
  public static List<ScheduleLine> calculate(Terms terms) {
    BigDecimal remaining = terms.principal();
    BigDecimal annuity = annuity(terms.principal(), terms.annualRate(), terms.instalments());
    int total = terms.pauseMonths() + terms.instalments();
    List<ScheduleLine> lines = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      BigDecimal interest = monthlyInterest(remaining, terms.annualRate());
      BigDecimal principal;
      if (i < terms.pauseMonths()) {
        principal = Money.ZERO;
      } else if (i == total - 1) {
        principal = remaining;
      } else {
        principal = annuity.subtract(interest).max(Money.ZERO).min(remaining);
      }
      remaining = remaining.subtract(principal);
      lines.add(new ScheduleLine(i + 1, terms.firstDueOn().plusMonths(i), interest, principal,
          interest.add(principal), remaining));
    }
    return List.copyOf(lines);
  }

  /** The regular instalment, rounded half-up to the cent (the last line may differ by the rounding rest). */
  public static BigDecimal annuity(BigDecimal principal, BigDecimal annualRate, int instalments) {
    if (annualRate.signum() == 0) {
      return principal.divide(BigDecimal.valueOf(instalments), 2, RoundingMode.HALF_UP);
    }
    BigDecimal monthlyRate = annualRate.divide(MONTHS_PER_YEAR, PRECISION);
    BigDecimal growth = BigDecimal.ONE.add(monthlyRate).pow(instalments, PRECISION);
    return principal.multiply(monthlyRate).multiply(growth)
        .divide(growth.subtract(BigDecimal.ONE), PRECISION)
        .setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal monthlyInterest(BigDecimal remaining, BigDecimal annualRate) {
    return remaining.multiply(annualRate).divide(MONTHS_PER_YEAR, 2, RoundingMode.HALF_UP);
  }
}
