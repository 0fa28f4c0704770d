package de.quartierskredit.guarantor;

import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * DOMAIN.md rule 4, Bürgenprüfung: at least two guarantors, each with name, contact and a positive
 * amount, who together guarantee at least half of the loan amount.
 *
 * <p>Rounding: the rule is {@code covered * 2 >= loan amount}, never rounded in the applicant's
 * favour. For a loan of 999.99 EUR half is 499.995 EUR, so 499.99 EUR is not enough and 500.00 EUR
 * is; the required figure shown to caseworkers is therefore half the loan rounded up to the cent.
 */
public final class GuarantorPolicy {

  public static final int MINIMUM_GUARANTORS = 2;

  /** The outcome with a reason a caseworker understands; amounts in EUR, scale 2. */
  public record Decision(boolean sufficient, String reason, BigDecimal covered, BigDecimal required) {}

  /** Half of the loan amount, rounded up to the cent: the least the guarantors must cover together. */
  public BigDecimal requiredCoverage(BigDecimal loanAmount) {
    if (loanAmount == null || loanAmount.signum() <= 0) {
      throw new IllegalArgumentException("loan amount must be positive: " + loanAmount);
    }
    return Money.euros(loanAmount).divide(BigDecimal.valueOf(2), 2, RoundingMode.CEILING);
  }

  public Decision decide(BigDecimal loanAmount, List<Guarantor> guarantors) {
    BigDecimal required = requiredCoverage(loanAmount);
    BigDecimal covered = Money.euros(guarantors.stream()
        .map(Guarantor::amount)
        .filter(Objects::nonNull)
        .map(Money::euros)
        .filter(amount -> amount.signum() > 0)
        .reduce(BigDecimal.ZERO, BigDecimal::add));

    List<String> problems = new ArrayList<>();
    for (Guarantor guarantor : guarantors) {
      problems.addAll(problemsOf(guarantor));
    }
    if (!problems.isEmpty()) {
      return new Decision(false, String.join(" ", problems), covered, required);
    }
    if (guarantors.size() < MINIMUM_GUARANTORS) {
      return new Decision(false, "Es sind mindestens " + MINIMUM_GUARANTORS + " Bürgen nötig; erfasst: "
          + guarantors.size() + ".", covered, required);
    }
    String coverage = "Die Bürgschaften decken " + Money.format(covered)
        + "; nötig ist mindestens die Hälfte des Kreditbetrags: " + Money.format(required) + ".";
    boolean halfCovered = covered.multiply(BigDecimal.valueOf(2)).compareTo(Money.euros(loanAmount)) >= 0;
    return new Decision(halfCovered, coverage, covered, required);
  }

  private static List<String> problemsOf(Guarantor guarantor) {
    String who = "Bürge " + guarantor.slot() + ": ";
    List<String> problems = new ArrayList<>();
    if (isBlank(guarantor.name())) {
      problems.add(who + "Name fehlt.");
    } else if (guarantor.name().strip().length() > Guarantor.NAME_MAX_LENGTH) {
      problems.add(who + "Name ist länger als " + Guarantor.NAME_MAX_LENGTH + " Zeichen.");
    }
    if (isBlank(guarantor.contact())) {
      problems.add(who + "Kontakt (Telefon, E-Mail oder Anschrift) fehlt.");
    } else if (guarantor.contact().strip().length() > Guarantor.CONTACT_MAX_LENGTH) {
      problems.add(who + "Kontakt ist länger als " + Guarantor.CONTACT_MAX_LENGTH + " Zeichen.");
    }
    if (guarantor.amount() == null) {
      problems.add(who + "Bürgschaftsbetrag fehlt oder ist keine Zahl.");
    } else if (Money.euros(guarantor.amount()).signum() <= 0) {
      problems.add(who + "Bürgschaftsbetrag muss größer als 0,00 EUR sein (erfasst: "
          + Money.format(guarantor.amount()) + ").");
    }
    return problems;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
