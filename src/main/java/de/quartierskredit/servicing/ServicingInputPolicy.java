package de.quartierskredit.servicing;

import de.quartierskredit.shared.Dates;
import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Server-side checks of the servicing forms (Camunda does not validate form input on submit): each
 * method names every wrong field with a German message; an empty list means the input is accepted.
 */
final class ServicingInputPolicy {

  static final int MAX_TEXT = 2000;
  static final Set<String> CHANNELS = Set.of("VISIT", "OFFICE", "PHONE", "VIDEO", "MESSAGE");
  static final Set<String> CONTACT_OUTCOMES = Set.of("ON_TRACK", "DIFFICULTIES", "PAYMENT_PROBLEM", "NOT_REACHED");
  static final Set<String> SITUATIONS = Set.of("GROWING", "STABLE", "STRAINED", "CRITICAL", "GIVEN_UP");
  static final Set<String> OVERDUE_REASONS =
      Set.of("BORROWER_UNREACHABLE", "ADVISOR_ABSENT", "CONTACT_NOT_RECORDED", "OTHER");
  static final BigDecimal MIN_LOAN = Money.euros(500);
  static final BigDecimal MAX_LOAN = Money.euros(20_000);

  private ServicingInputPolicy() {}

  /** A contact: known channel, outcome and situation, notes, a date not in the future and not before {@code earliest}. */
  static List<FieldError> contact(String channel, String outcome, String situation, String notes, String contactedOn,
      LocalDate today, LocalDate earliest) {
    List<FieldError> errors = new ArrayList<>();
    oneOf(errors, "contactChannel", channel, CHANNELS, "Bitte den Kontaktweg wählen.");
    oneOf(errors, "contactOutcome", outcome, CONTACT_OUTCOMES, "Bitte das Ergebnis des Kontakts wählen.");
    oneOf(errors, "businessSituation", situation, SITUATIONS, "Bitte die Lage des Betriebs wählen.");
    text(errors, "contactNotes", notes, true);
    LocalDate date = date(contactedOn);
    if (date == null) {
      errors.add(new FieldError("contactedOn", "Bitte das Datum des Kontakts als " + Dates.FORMAT + " angeben, z. B. "
          + Dates.EXAMPLE + "."));
    } else if (date.isAfter(today)) {
      errors.add(new FieldError("contactedOn", "Der Kontakt kann nicht in der Zukunft liegen."));
    } else if (earliest != null && date.isBefore(earliest)) {
      errors.add(new FieldError("contactedOn", "Der Kontakt muss am oder nach dem " + Dates.format(earliest) + " liegen."));
    }
    return errors;
  }

  static List<FieldError> overdue(String reason, String action) {
    List<FieldError> errors = new ArrayList<>();
    oneOf(errors, "overdueReason", reason, OVERDUE_REASONS, "Bitte den Grund wählen.");
    text(errors, "overdueAction", action, true);
    return errors;
  }

  /** The plan: measures, optional soft topics, a next step, and the microfinancer's agreement. */
  static List<FieldError> plan(String measures, String softTopics, String nextStep, Object microfinancerAgreed) {
    List<FieldError> errors = new ArrayList<>();
    text(errors, "interventionMeasures", measures, true);
    text(errors, "softTopics", softTopics, false);
    oneOf(errors, "interventionNextStep", nextStep, Set.of("SUPPORT", "RESCHEDULE"), "Bitte den nächsten Schritt wählen.");
    if (!Boolean.TRUE.equals(microfinancerAgreed)) {
      errors.add(new FieldError("microfinancerAgreed",
          "Der Plan muss mit dem Mikrofinanzierer abgestimmt sein (Beratung und Mikrofinanzierer vereinbaren ihn gemeinsam)."));
    }
    return errors;
  }

  /** A follow-up offer: YES needs an amount of 500-20,000 EUR (whole cents) and a purpose. */
  static List<FieldError> followUp(String wanted, Object amount, String purpose) {
    List<FieldError> errors = new ArrayList<>();
    oneOf(errors, "followUpWanted", wanted, Set.of("YES", "NO"), "Bitte angeben, ob ein Folgekredit gewünscht ist.");
    if ("YES".equals(wanted)) {
      BigDecimal value = decimal(amount);
      if (value == null || value.stripTrailingZeros().scale() > 2 || value.compareTo(MIN_LOAN) < 0
          || value.compareTo(MAX_LOAN) > 0) {
        errors.add(new FieldError("followUpAmount", "Der Betrag muss zwischen 500,00 EUR und 20.000,00 EUR liegen."));
      }
      text(errors, "followUpPurpose", purpose, true);
    }
    return errors;
  }

  /** What a guarantor paid: 0 up to the guaranteed amount, whole cents. */
  static List<FieldError> guarantorPaid(String field, Object paid, BigDecimal guaranteed) {
    BigDecimal value = decimal(paid);
    if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
      return List.of(new FieldError(field, "Bitte den gezahlten Betrag angeben (0, wenn nichts gezahlt wurde)."));
    }
    if (value.compareTo(guaranteed) > 0) {
      return List.of(new FieldError(field, "Mehr als die verbürgte Summe von " + Money.format(guaranteed)
          + " kann nicht verlangt werden."));
    }
    return List.of();
  }

  static List<FieldError> writeOff(Object confirmed, String note) {
    List<FieldError> errors = new ArrayList<>();
    if (!Boolean.TRUE.equals(confirmed)) {
      errors.add(new FieldError("writeOffConfirmed", "Bitte Abschreibung und Verlustverteilung bestätigen."));
    }
    text(errors, "writeOffNote", note, true);
    return errors;
  }

  /** The second person's answer to a write-off: approve or reject; a rejection says why. */
  static List<FieldError> writeOffApproval(String decision, String reason) {
    List<FieldError> errors = new ArrayList<>();
    oneOf(errors, "writeOffDecision", decision, Set.of("APPROVE", "REJECT"),
        "Bitte wählen: Abschreibung freigeben oder zurückweisen.");
    text(errors, "writeOffRejectionReason", reason, "REJECT".equals(decision));
    return errors;
  }

  /** A day a person typed (TT.MM.JJJJ) or the system stored (JJJJ-MM-TT), or null. */
  static LocalDate date(String text) {
    return Dates.parse(text).orElse(null);
  }

  static BigDecimal decimal(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return value instanceof BigDecimal exact ? exact
          : value instanceof Double || value instanceof Float ? BigDecimal.valueOf(((Number) value).doubleValue())
          : new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void oneOf(List<FieldError> errors, String field, String value, Set<String> allowed, String message) {
    if (value == null || !allowed.contains(value)) {
      errors.add(new FieldError(field, message));
    }
  }

  private static void text(List<FieldError> errors, String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "Bitte ausfüllen."));
      }
    } else if (value.length() > MAX_TEXT) {
      errors.add(new FieldError(field, "Höchstens " + MAX_TEXT + " Zeichen."));
    }
  }
}
