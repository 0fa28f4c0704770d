package de.quartierskredit.contract;

import java.math.BigDecimal;

/** The way messages reach the partner bank (Kreditinstitut), which signs, disburses and collects on our recommendation. */
public interface BankGateway {

  /** Hands the microfinancer's recommendation to sign a credit contract to the bank; repeating it sends nothing twice. */
  void recommend(Recommendation recommendation);

  /** The recommendation: which loan, how much, over how many months, at which annual rate. */
  record Recommendation(String loanReference, BigDecimal amount, int termMonths, BigDecimal annualInterestRate) {}
}
