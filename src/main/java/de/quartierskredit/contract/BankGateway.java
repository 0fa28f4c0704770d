package de.quartierskredit.contract;

import java.math.BigDecimal;

/** The way messages reach the partner bank (Kreditinstitut), which signs, disburses and collects on our recommendation. */
public interface BankGateway {

  /** Hands the microfinancer's recommendation to sign a credit contract to the bank; repeating it sends nothing twice. */
  void recommend(Recommendation recommendation);

  /** The recommendation: which loan, how much, over how many months, at which annual rate. */
  record Recommendation(String loanReference, BigDecimal amount, int termMonths, BigDecimal annualInterestRate) {}

  /**
   * Tells the bank that a loan's repayment plan changed (Tilgungsplanänderung): the new schedule
   * version, which collects from now on; repeating it for the same version sends nothing twice.
   */
  void announceRescheduling(ReschedulingNotice notice);

  /** The changed plan: the remaining principal over how many monthly lines (pause included), at which rate. */
  record ReschedulingNotice(
      String loanReference, int scheduleVersion, BigDecimal principal, int months, BigDecimal annualInterestRate) {}
}
