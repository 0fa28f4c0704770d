package de.quartierskredit.bank;

/** What the partner bank reports about a loan (steps 8-10). */
public enum BankEventType {
  CONTRACT_SIGNED,
  DISBURSED,
  INSTALMENT_PAID,
  INSTALMENT_PARTLY_PAID,
  INSTALMENT_MISSED;

  boolean isInstalment() {
    return this == INSTALMENT_PAID || this == INSTALMENT_PARTLY_PAID || this == INSTALMENT_MISSED;
  }
}
