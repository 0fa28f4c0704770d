package de.quartierskredit.privacy;

import de.quartierskredit.loan.LoanState;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * How long personal data of a case may be kept (DSGVO Art. 5(1)(e), Art. 17(1)(a)) and from which day it
 * is erased: the one place that holds the retention rules, each with its legal reason
 * (docs/data-protection.md).
 * <ul>
 *   <li>an application that never became a loan (ended by advice, financed privately, referred, rejected,
 *   withdrawn): {@code applicationWithoutLoan} (default 6 months) after the day it ended;</li>
 *   <li>an outreach contact that led to no application: {@code contactWithoutApplication} (default 6
 *   months) after the contact;</li>
 *   <li>a loan (repaid or written off): the bookkeeping retention of § 257 HGB / § 147 AO,
 *   {@code bookkeepingYears} (default 10) full calendar years after the end of the year in which it
 *   closed; erased from the 1st of January after;</li>
 *   <li>anything still running (applied, approved, contracted, active, defaulted but not yet written
 *   off): never.</li>
 * </ul>
 */
public record RetentionPolicy(Period applicationWithoutLoan, Period contactWithoutApplication, int bookkeepingYears) {

  /** The defaults: 6 months, 6 months, 10 years. */
  public static final RetentionPolicy DEFAULTS = new RetentionPolicy(Period.ofMonths(6), Period.ofMonths(6), 10);

  public RetentionPolicy {
    Objects.requireNonNull(applicationWithoutLoan, "applicationWithoutLoan");
    Objects.requireNonNull(contactWithoutApplication, "contactWithoutApplication");
    if (applicationWithoutLoan.isNegative() || applicationWithoutLoan.isZero()
        || contactWithoutApplication.isNegative() || contactWithoutApplication.isZero()) {
      throw new IllegalArgumentException("retention periods must be positive");
    }
    if (bookkeepingYears < 1) {
      throw new IllegalArgumentException("bookkeeping retention must be at least one year");
    }
  }

  /** Which rule keeps a case, and why (the legal reason in German, for the log and the docs). */
  public enum Rule {
    APPLICATION_WITHOUT_LOAN("Antrag ohne Kredit: kein Aufbewahrungsgrund nach HGB/AO; Frist zur Abwehr "
        + "von Ansprüchen und für eine Rückkehr der Person (Art. 17 Abs. 3 lit. e DSGVO)"),
    CONTACT_WITHOUT_APPLICATION("Kontakt ohne Antrag: kein Aufbewahrungsgrund; kurze Frist für Rückfragen"),
    BOOKKEEPING("Kredit: Aufbewahrung der Buchungsunterlagen (§ 257 HGB, § 147 AO), "
        + "gerechnet ab dem Ende des Kalenderjahres, in dem der Kredit endete"),
    RUNNING("Fall läuft noch: keine Löschung");

    private final String reason;

    Rule(String reason) {
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  /** The verdict for one case: the rule that applies, and the first day its personal data may be erased. */
  public record Verdict(Rule rule, Optional<LocalDate> erasableFrom) {

    public boolean erasableOn(LocalDate today) {
      return erasableFrom.map(from -> !today.isBefore(from)).orElse(false);
    }
  }

  /** The rule for a loan case in {@code state} that ended (closed) on {@code closedOn} (null while running). */
  public Verdict forLoan(LoanState state, LocalDate closedOn) {
    if (!state.isEnded() || closedOn == null) {
      return new Verdict(Rule.RUNNING, Optional.empty());
    }
    return switch (state) {
      case REPAID, WRITTEN_OFF -> new Verdict(Rule.BOOKKEEPING, Optional.of(afterBookkeeping(closedOn)));
      default -> new Verdict(Rule.APPLICATION_WITHOUT_LOAN, Optional.of(closedOn.plus(applicationWithoutLoan)));
    };
  }

  /** The rule for an outreach contact that led to no application, made on {@code contactedOn}. */
  public Verdict forContactWithoutApplication(LocalDate contactedOn) {
    return new Verdict(Rule.CONTACT_WITHOUT_APPLICATION, Optional.of(contactedOn.plus(contactWithoutApplication)));
  }

  /**
   * The first day after the bookkeeping retention of a loan closed on {@code closedOn}: the retention
   * starts at the end of the calendar year of the last entry (§ 257 Abs. 5 HGB, § 147 Abs. 4 AO) and
   * runs {@code bookkeepingYears} full years, so a loan closed on any day of 2031 is kept through
   * 31.12.2041 and erased from 01.01.2042 (10 years).
   */
  public LocalDate afterBookkeeping(LocalDate closedOn) {
    return LocalDate.of(closedOn.getYear() + bookkeepingYears + 1, 1, 1);
  }

  /** The day an application that ended without a loan on {@code endedOn} is erased. */
  public LocalDate afterApplicationWithoutLoan(LocalDate endedOn) {
    return endedOn.plus(applicationWithoutLoan);
  }

  /** The day an outreach contact without application, made on {@code contactedOn}, is erased. */
  public LocalDate afterContactWithoutApplication(LocalDate contactedOn) {
    return contactedOn.plus(contactWithoutApplication);
  }
}
