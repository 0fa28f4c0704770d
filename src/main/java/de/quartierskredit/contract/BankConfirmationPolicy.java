package de.quartierskredit.contract;

import de.quartierskredit.shared.Dates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the bank (or the advisor following up) may confirm in step 8. The forms check the same in the
 * browser, but the engine does not, and the bank events API sends the same fields: so the server
 * checks here. Returns a decision with a reason a caseworker understands (German).
 */
final class BankConfirmationPolicy {

  /**
   * Letters, digits, spaces and / . - ; 3 to 40 characters, starting with a letter or digit: real contract
   * numbers such as {@code GLS 4711} or {@code GLS-2026/4711}. Checked on the number without surrounding blanks.
   */
  static final Pattern CONTRACT_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 /.-]{2,39}");
  static final Set<String> FOLLOW_UP_RESULTS = Set.of(
      BankContractProcess.FollowUpResults.WAITING,
      BankContractProcess.FollowUpResults.WITHDRAWN,
      BankContractProcess.FollowUpResults.BANK_DECLINED);
  static final int MAX_NOTE = 2000;

  /** The outcome of a check: ok, or the reason why not. */
  /** Accepted, or refused with the form field (process variable) at fault and a German reason. */
  record Decision(boolean ok, String field, String reason) {
    static Decision accepted() {
      return new Decision(true, null, null);
    }

    static Decision refused(String field, String reason) {
      return new Decision(false, field, reason);
    }
  }

  Decision contractSigned(String contractNumber, String signedOn, LocalDate today) {
    if (contractNumber == null || !CONTRACT_NUMBER.matcher(contractNumber.strip()).matches()) {
      return Decision.refused(BankContractProcess.Variables.CONTRACT_NUMBER, "Vertragsnummer fehlt oder ist ungültig (3-40 Zeichen: Buchstaben, Ziffern, Leerzeichen, / . -)");
    }
    LocalDate date = date(signedOn);
    if (date == null) {
      return Decision.refused(BankContractProcess.Variables.CONTRACT_SIGNED_ON, "Unterschriftsdatum fehlt oder ist kein Datum (" + Dates.FORMAT + ")");
    }
    if (date.isAfter(today)) {
      return Decision.refused(BankContractProcess.Variables.CONTRACT_SIGNED_ON, "Unterschriftsdatum liegt in der Zukunft");
    }
    return Decision.accepted();
  }

  Decision disbursed(BigDecimal approved, BigDecimal paidOut, String valueDate, LocalDate contractedOn,
      LocalDate today) {
    if (paidOut == null || paidOut.compareTo(approved) != 0) {
      return Decision.refused(BankContractProcess.Variables.DISBURSED_AMOUNT, "Ausgezahlter Betrag " + paidOut + " weicht vom bewilligten Betrag " + approved + " ab");
    }
    LocalDate date = date(valueDate);
    if (date == null) {
      return Decision.refused(BankContractProcess.Variables.DISBURSED_ON, "Valutadatum fehlt oder ist kein Datum (" + Dates.FORMAT + ")");
    }
    if (date.isAfter(today)) {
      return Decision.refused(BankContractProcess.Variables.DISBURSED_ON, "Valutadatum liegt in der Zukunft");
    }
    if (contractedOn != null && date.isBefore(contractedOn)) {
      return Decision.refused(BankContractProcess.Variables.DISBURSED_ON, "Valutadatum liegt vor der Vertragsunterzeichnung am " + Dates.format(contractedOn));
    }
    return Decision.accepted();
  }

  Decision followedUp(String result, String note) {
    if (result == null || !FOLLOW_UP_RESULTS.contains(result)) {
      return Decision.refused(BankContractProcess.Variables.FOLLOW_UP_RESULT, "Bitte ein Ergebnis des Nachfassens wählen");
    }
    if (note == null || note.isBlank()) {
      return Decision.refused(BankContractProcess.Variables.FOLLOW_UP_NOTE, "Bitte festhalten, was besprochen wurde");
    }
    if (note.length() > MAX_NOTE) {
      return Decision.refused(BankContractProcess.Variables.FOLLOW_UP_NOTE, "Notiz ist länger als " + MAX_NOTE + " Zeichen");
    }
    return Decision.accepted();
  }

  /** The day a person (TT.MM.JJJJ) or the bank's API (JJJJ-MM-TT) gave, or null. */
  static LocalDate date(String text) {
    return Dates.parse(text).orElse(null);
  }
}
