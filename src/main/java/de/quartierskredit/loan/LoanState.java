package de.quartierskredit.loan;

import java.util.Set;

/** Where a loan stands in its life, from application to closure (kept in {@code loan.state}). */
public enum LoanState {
  /** Application recorded, in advice, guarantor check or committee. */
  APPLIED,
  /** Advice found another way: the need went away or other financing was found (a success). */
  ENDED_BY_ADVICE,
  /** A guarantor lends the money privately (a success). */
  FINANCED_PRIVATELY,
  /** Not the microcredit target group: referred to a bank or a social project. */
  REFERRED,
  REJECTED,
  WITHDRAWN,
  /** Committee approved; fund capacity reserved. */
  APPROVED,
  /** Credit contract signed by the bank. */
  CONTRACTED,
  /** Disbursed and in repayment. */
  ACTIVE,
  REPAID,
  DEFAULTED,
  WRITTEN_OFF;

  /** States in which the application is still open (nothing reserved or disbursed). */
  public static final Set<LoanState> OPEN_APPLICATION = Set.of(APPLIED);

  /** The German word a caseworker reads for the state, e.g. {@code Verwiesen}. */
  public String label() {
    return switch (this) {
      case APPLIED -> "Beantragt";
      case ENDED_BY_ADVICE -> "Durch die Beratung erledigt";
      case FINANCED_PRIVATELY -> "Privat finanziert";
      case REFERRED -> "Verwiesen";
      case REJECTED -> "Abgelehnt";
      case WITHDRAWN -> "Zurückgezogen";
      case APPROVED -> "Bewilligt";
      case CONTRACTED -> "Vertrag unterzeichnet";
      case ACTIVE -> "In Rückzahlung";
      case REPAID -> "Zurückgezahlt";
      case DEFAULTED -> "Ausgefallen";
      case WRITTEN_OFF -> "Abgeschrieben";
    };
  }

  public boolean isEnded() {
    return switch (this) {
      case ENDED_BY_ADVICE, FINANCED_PRIVATELY, REFERRED, REJECTED, WITHDRAWN, REPAID, WRITTEN_OFF -> true;
      default -> false;
    };
  }
}
