package de.quartierskredit.loan;

import java.util.Set;

/** Where a loan stands in its life, from application to closure (kept in {@code loan.state}). */
public enum LoanState {
  /** Application recorded, in advice, guarantor check or committee. */
  APPLIED("beantragt"),
  /** Advice found another way: the need went away or other financing was found (a success). */
  ENDED_BY_ADVICE("durch die Beratung beendet"),
  /** A guarantor lends the money privately (a success). */
  FINANCED_PRIVATELY("privat finanziert"),
  /** Not the microcredit target group: referred to a bank or a social project. */
  REFERRED("weiterverwiesen"),
  REJECTED("abgelehnt"),
  WITHDRAWN("zurückgezogen"),
  /** Committee approved; fund capacity reserved. */
  APPROVED("bewilligt"),
  /** Credit contract signed by the bank. */
  CONTRACTED("unterschrieben, noch nicht ausgezahlt"),
  /** Disbursed and in repayment. */
  ACTIVE("ausgezahlt und in Tilgung"),
  REPAID("getilgt"),
  DEFAULTED("ausgefallen"),
  WRITTEN_OFF("abgeschrieben");

  /** States in which the application is still open (nothing reserved or disbursed). */
  public static final Set<LoanState> OPEN_APPLICATION = Set.of(APPLIED);

  private final String label;

  LoanState(String label) {
    this.label = label;
  }

  /** What a caseworker reads: "Der Kredit ist {label}." */
  public String label() {
    return label;
  }

  public boolean isEnded() {
    return switch (this) {
      case ENDED_BY_ADVICE, FINANCED_PRIVATELY, REFERRED, REJECTED, WITHDRAWN, REPAID, WRITTEN_OFF -> true;
      default -> false;
    };
  }
}
