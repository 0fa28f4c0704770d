package de.quartierskredit.application;

import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Eligibility (DOMAIN.md step 3): the amount bounds, a commercial purpose, and the target group by
 * the matrix potential x socio-cultural handicap. A loan outside the participating quarters stays
 * eligible as a general microloan whose risk the microfinancer carries.
 */
public final class EligibilityPolicy {

  /** Smallest and largest microloan of the network, both inclusive. */
  public static final BigDecimal MIN_AMOUNT = new BigDecimal("500.00");
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("20000.00");
  /** Typical need of an SGB II recipient (job centre referrals): at most 5,000 EUR. */
  public static final BigDecimal SGB2_TYPICAL_MAX = new BigDecimal("5000.00");

  /** Where the matrix sends an applicant. Only {@link #MICROCREDIT} continues to a loan. */
  public enum Route {
    MICROCREDIT,
    REFER_TO_BANK,
    BANK_ONLY_IF_FULLY_SECURED,
    SOCIAL_PROJECT,
    NOT_ELIGIBLE
  }

  public enum Level { HIGH, LOW }

  /** The socio-cultural handicaps the brochure names. */
  public enum Handicap {
    MIGRATION_BACKGROUND,
    POOR_CREDIT_HISTORY,
    WRONG_QUARTER,
    WRONG_SECTOR,
    LOW_FORMAL_QUALIFICATION,
    NO_HOUSE_BANK
  }

  /** Design choice: any one of the named handicaps makes the handicap "high". */
  public static Level handicapLevel(java.util.Collection<Handicap> handicaps) {
    return handicaps == null || handicaps.isEmpty() ? Level.LOW : Level.HIGH;
  }

  /** What the advisor assessed in the advice talk. */
  public record Assessment(BigDecimal amount, boolean commercialPurpose, Level potential, Level handicap,
      boolean quarterLoan, boolean sgb2Recipient) {}

  /** The outcome, a reason a caseworker reads, and warnings for the decision template. */
  public record Decision(Route route, String reason, boolean quarterLoan, List<String> warnings) {
    public Decision {
      warnings = List.copyOf(warnings);
    }

    public boolean eligible() {
      return route == Route.MICROCREDIT;
    }
  }

  private EligibilityPolicy() {}

  /** True when the amount lies in 500.00 to 20,000.00 EUR inclusive. */
  public static boolean amountWithinBounds(BigDecimal amount) {
    return amount != null && amount.compareTo(MIN_AMOUNT) >= 0 && amount.compareTo(MAX_AMOUNT) <= 0;
  }

  /** The caseworker's message for an amount outside the bounds. */
  public static String amountBoundsMessage() {
    return "Der Kreditbetrag muss zwischen " + euros(MIN_AMOUNT) + " und " + euros(MAX_AMOUNT) + " liegen.";
  }

  /** The decision template's warning for an SGB II recipient asking for more than 5,000 EUR. */
  public static java.util.Optional<String> sgb2Warning(boolean sgb2Recipient, BigDecimal amount) {
    if (sgb2Recipient && amount != null && amount.compareTo(SGB2_TYPICAL_MAX) > 0) {
      return java.util.Optional.of("SGB-II-Bezug: der typische Bedarf liegt bei höchstens "
          + euros(SGB2_TYPICAL_MAX) + ", beantragt sind " + euros(amount) + ".");
    }
    return java.util.Optional.empty();
  }

  public static Decision decide(Assessment a) {
    List<String> warnings = new ArrayList<>();
    sgb2Warning(a.sgb2Recipient(), a.amount()).ifPresent(warnings::add);
    if (!a.quarterLoan()) {
      warnings.add("Betrieb außerhalb der Quartiere: allgemeiner Mikrokredit, das Risiko trägt der Mikrofinanzierer.");
    }
    if (!amountWithinBounds(a.amount())) {
      return new Decision(Route.NOT_ELIGIBLE, amountBoundsMessage(), a.quarterLoan(), warnings);
    }
    if (!a.commercialPurpose()) {
      return new Decision(Route.NOT_ELIGIBLE,
          "Mikrokredite gibt es nur für gewerbliche Zwecke.", a.quarterLoan(), warnings);
    }
    Route route = route(a.potential(), a.handicap());
    return new Decision(route, reason(route), a.quarterLoan(), warnings);
  }

  private static Route route(Level potential, Level handicap) {
    if (potential == Level.HIGH) {
      return handicap == Level.HIGH ? Route.MICROCREDIT : Route.REFER_TO_BANK;
    }
    return handicap == Level.HIGH ? Route.SOCIAL_PROJECT : Route.BANK_ONLY_IF_FULLY_SECURED;
  }

  private static String reason(Route route) {
    return switch (route) {
      case MICROCREDIT -> "Zielgruppe Mikrokredit: hohes Potenzial bei soziokulturellen Hürden.";
      case REFER_TO_BANK -> "Klassischer Bankkunde: hohes Potenzial ohne besondere Hürden, Verweis an eine Bank.";
      case BANK_ONLY_IF_FULLY_SECURED ->
          "Geringes Potenzial ohne besondere Hürden: Bankkunde nur bei voller (100 %) Besicherung, Verweis an eine Bank.";
      case SOCIAL_PROJECT -> "Geringes Potenzial bei hohen Hürden: Verweis an ein langfristiges soziales Projekt.";
      case NOT_ELIGIBLE -> "Nicht förderfähig.";
    };
  }

  static String euros(BigDecimal amount) {
    return Money.format(amount);
  }
}
