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

  public boolean isEnded() {
    return switch (this) {
      case ENDED_BY_ADVICE, FINANCED_PRIVATELY, REFERRED, REJECTED, WITHDRAWN, REPAID, WRITTEN_OFF -> true;
      default -> false;
    };
  }
}
