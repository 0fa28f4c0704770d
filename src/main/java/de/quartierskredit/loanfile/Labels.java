package de.quartierskredit.loanfile;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The German words the loan file prints for the codes our tables store, worded as the task forms
 * offer them. A code this class does not know (a newer version's) prints as "unbekannt", never as
 * the code itself.
 */
final class Labels {

  static final String UNKNOWN = "unbekannt";

  static final Map<String, String> BUSINESS_STAGE = Map.of(
      "NEW_FOUNDER", "Neugründung", "TAKEOVER", "Übernahme", "EXISTING", "bestehender Betrieb");
  static final Map<String, String> ELIGIBILITY_ROUTE = Map.of(
      "MICROCREDIT", "Zielgruppe Mikrokredit", "REFER_TO_BANK", "Verweis an eine Bank",
      "BANK_ONLY_IF_FULLY_SECURED", "Bank nur bei voller Besicherung", "SOCIAL_PROJECT", "soziales Projekt",
      "NOT_ELIGIBLE", "nicht förderfähig");
  static final Map<String, String> COMMITTEE_DECISION = Map.of(
      "APPROVE", "bewilligt", "REJECT", "abgelehnt", "RETURN", "zurück zur Vorlage (Rückfrage)");
  static final Map<String, String> LIABLE_PARTY = Map.of(
      "LOCAL_FUND", "lokaler Haftungsfonds des Quartiers", "MICROFINANCER", "Mikrofinanzierer");
  static final Map<String, String> LINE_STATE = Map.of(
      "OPEN", "offen", "PAID", "bezahlt", "PARTLY_PAID", "teilweise bezahlt", "MISSED", "ausgefallen",
      "SUPERSEDED", "ersetzt");
  static final Map<String, String> BANK_EVENT = Map.of(
      "CONTRACT_SIGNED", "Vertrag unterschrieben", "DISBURSED", "ausgezahlt", "INSTALMENT_PAID", "Rate bezahlt",
      "INSTALMENT_PARTLY_PAID", "Rate teilweise bezahlt", "INSTALMENT_MISSED", "Rate ausgefallen");
  static final Map<String, String> CONTACT_KIND = Map.of("MONTHLY", "Monatskontakt", "INTENSIVE", "intensiver Kontakt");
  static final Map<String, String> CONTACT_CHANNEL = Map.of(
      "VISIT", "Besuch im Betrieb", "OFFICE", "Sprechstunde / Büro", "PHONE", "Telefon", "VIDEO", "Videogespräch",
      "MESSAGE", "Nachricht (E-Mail, Messenger)");
  static final Map<String, String> CONTACT_OUTCOME = Map.of(
      "ON_TRACK", "alles im Plan", "DIFFICULTIES", "Schwierigkeiten, Raten noch gezahlt",
      "PAYMENT_PROBLEM", "Zahlungsproblem absehbar oder da", "NOT_REACHED", "nicht erreicht");
  static final Map<String, String> BUSINESS_SITUATION = Map.of(
      "GROWING", "wächst", "STABLE", "stabil", "STRAINED", "angespannt", "CRITICAL", "kritisch", "GIVEN_UP", "aufgegeben");
  static final Map<String, String> OVERDUE_REASON = Map.of(
      "BORROWER_UNREACHABLE", "Kreditnehmer nicht erreichbar", "ADVISOR_ABSENT", "Beratung abwesend / überlastet",
      "CONTACT_NOT_RECORDED", "Kontakt fand statt, nicht erfasst", "OTHER", "anderer Grund");
  static final Map<String, String> WARNING_REASON = Map.ofEntries(
      Map.entry("PAYMENT_PROBLEM", "beim letzten Kontakt ein Zahlungsproblem angekündigt"),
      Map.entry("DIFFICULTIES", "beim letzten Kontakt Schwierigkeiten berichtet"),
      Map.entry("NOT_REACHED", "beim letzten Kontakt nicht erreicht"),
      Map.entry("BUSINESS_GIVEN_UP", "Betrieb aufgegeben"),
      Map.entry("BUSINESS_CRITICAL", "Lage des Betriebs kritisch"),
      Map.entry("BUSINESS_STRAINED", "Lage des Betriebs angespannt"),
      Map.entry("BUSINESS_WORSENED", "Lage des Betriebs schlechter als beim vorigen Kontakt"),
      Map.entry("CONTACT_MISSED", "Monatskontakt bis Monatsende nicht geführt"),
      Map.entry("PARTIAL_PAYMENT", "Rate vor Fälligkeit nur teilweise gezahlt"),
      Map.entry("LATE_PAYMENT", "Rate verspätet gezahlt"));
  static final Map<String, String> WARNING_CLEARED = Map.of(
      "DISTURBED", "in eine Zahlungsstörung übergegangen", "REASONS_GONE", "Gründe entfallen",
      "LOAN_ENDED", "Kredit beendet");
  static final Map<String, String> NEXT_STEP = Map.of(
      "SUPPORT", "begleiten, Tilgungsplan bleibt", "RESCHEDULE", "Tilgungsplan ändern");
  static final Map<String, String> INTERVENTION_OUTCOME = Map.of(
      "RESOLVED", "Störung behoben", "REPAID", "Kredit getilgt", "DEFAULTED", "Kredit ausgefallen");
  static final Map<String, String> RESCHEDULING_OUTCOME = Map.of(
      "APPROVED", "Änderung genehmigt", "REJECTED", "Änderung abgelehnt");
  static final Map<String, String> RESCHEDULING_KIND = Map.of(
      "LOWER_INSTALMENT", "niedrigere Rate", "LONGER_TERM", "längere Laufzeit", "PAYMENT_PAUSE", "Zahlungspause");
  static final Map<String, String> RESCHEDULING_STATUS = Map.of(
      "SUBMITTED", "beantragt", "APPROVED", "genehmigt", "REJECTED", "abgelehnt");
  static final Map<String, String> LOSS_BEARER = Map.of(
      "LOCAL_FUND", "lokaler Haftungsfonds", "MICROFINANCER", "Mikrofinanzierer",
      "NATIONAL_FUND", "Mikrofinanzfonds Deutschland");
  static final Map<String, String> OUTREACH_TYPE = Map.of(
      "SHOP_VISIT", "Ladenbesuch (aufsuchende Beratung)", "OFFICE_HOURS", "Sprechstunde",
      "INFORMATION_EVENT", "Informationsveranstaltung", "PARTNER_REFERRAL", "Vermittlung durch einen Partner");

  private Labels() {}

  /** The German word for {@code code}; "–" when there is none, "unbekannt" for a code not listed. */
  static String of(Map<String, String> labels, String code) {
    if (code == null || code.isBlank()) {
      return "–";
    }
    return labels.getOrDefault(code.strip(), UNKNOWN);
  }

  /** Comma-separated codes (e.g. {@code loan_warning.reasons}) as German words joined by "; ". */
  static String list(Map<String, String> labels, String codes) {
    if (codes == null || codes.isBlank()) {
      return "–";
    }
    return Arrays.stream(codes.split(",")).map(String::strip).filter(c -> !c.isEmpty())
        .map(c -> of(labels, c)).collect(Collectors.joining("; "));
  }
}
