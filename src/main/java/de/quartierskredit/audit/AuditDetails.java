package de.quartierskredit.audit;

import de.quartierskredit.shared.Dates;
import de.quartierskredit.shared.GermanFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The facts an audit entry may hold: each key has a kind and a German label, and nothing else is
 * accepted, so no name, phone, note or free text can enter the trail by accident (a committee's
 * reason is kept by its SHA-256 only). Keys are listed in the order a description reads them.
 */
public final class AuditDetails {

  /** What a value may be. */
  enum Kind { AMOUNT, NUMBER, FLAG, DATE, HASH, CODE, USER, LABEL }

  private record Key(String label, Kind kind, Map<String, String> codes) {}

  // committee decision
  public static final String DECISION = "decision";
  public static final String VOTES_FOR = "votesFor";
  public static final String VOTES_AGAINST = "votesAgainst";
  public static final String ABSTENTIONS = "abstentions";
  public static final String AMOUNT = "amount";
  public static final String REASON_SHA256 = "reasonSha256";
  public static final String MISSING_DOCUMENTS_OVERRIDDEN = "missingDocumentsOverridden";
  public static final String MISSING_DOCUMENTS_REASON_SHA256 = "missingDocumentsReasonSha256";
  // write-off and loss
  public static final String WRITTEN_OFF_AMOUNT = "writtenOffAmount";
  public static final String LOSS_LOCAL_FUND = "lossLocalFund";
  public static final String LOSS_MICROFINANCER = "lossMicrofinancer";
  public static final String LOSS_NATIONAL_FUND = "lossNationalFund";
  public static final String REJECTION_REASON_SHA256 = "rejectionReasonSha256";
  // rescheduling
  public static final String RESCHEDULING_KIND = "reschedulingKind";
  public static final String SCHEDULE_VERSION_BEFORE = "scheduleVersionBefore";
  public static final String SCHEDULE_VERSION_AFTER = "scheduleVersionAfter";
  public static final String INSTALMENTS = "instalments";
  public static final String INSTALMENT = "instalment";
  public static final String DECISION_COMMENT_SHA256 = "decisionCommentSha256";
  // intervention
  public static final String NEXT_STEP = "nextStep";
  public static final String PLAN_SHA256 = "planSha256";
  // model migration
  public static final String PROCESS = "process";
  public static final String SOURCE_VERSION = "sourceVersion";
  public static final String TARGET_VERSION = "targetVersion";
  // documents and data protection
  public static final String DOCUMENT_ID = "documentId";
  public static final String DOCUMENT_LABEL = "documentLabel";
  public static final String STAGE_LABEL = "stageLabel";
  public static final String CONTENT_SHA256 = "contentSha256";
  public static final String PERSON_ROLE = "personRole";
  public static final String RECORDS = "records";

  private static final Map<String, Key> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put(DECISION, new Key("Entscheidung", Kind.CODE,
        Map.of("APPROVE", "bewilligt", "REJECT", "abgelehnt", "RETURN", "zur Klärung zurückgegeben")));
    KEYS.put(AMOUNT, new Key("Betrag", Kind.AMOUNT, Map.of()));
    KEYS.put(VOTES_FOR, new Key("Ja-Stimmen", Kind.NUMBER, Map.of()));
    KEYS.put(VOTES_AGAINST, new Key("Nein-Stimmen", Kind.NUMBER, Map.of()));
    KEYS.put(ABSTENTIONS, new Key("Enthaltungen", Kind.NUMBER, Map.of()));
    KEYS.put(REASON_SHA256, new Key("Begründung (SHA-256)", Kind.HASH, Map.of()));
    KEYS.put(MISSING_DOCUMENTS_OVERRIDDEN, new Key("trotz fehlender Unterlagen", Kind.FLAG, Map.of()));
    KEYS.put(MISSING_DOCUMENTS_REASON_SHA256, new Key("Begründung zu fehlenden Unterlagen (SHA-256)", Kind.HASH, Map.of()));
    KEYS.put(WRITTEN_OFF_AMOUNT, new Key("abgeschriebener Betrag", Kind.AMOUNT, Map.of()));
    KEYS.put(LOSS_LOCAL_FUND, new Key("Verlust des lokalen Haftungsfonds", Kind.AMOUNT, Map.of()));
    KEYS.put(LOSS_MICROFINANCER, new Key("Verlust des Mikrofinanzierers", Kind.AMOUNT, Map.of()));
    KEYS.put(LOSS_NATIONAL_FUND, new Key("Verlust des Mikrokreditfonds", Kind.AMOUNT, Map.of()));
    KEYS.put(REJECTION_REASON_SHA256, new Key("Begründung der Zurückweisung (SHA-256)", Kind.HASH, Map.of()));
    KEYS.put(RESCHEDULING_KIND, new Key("Art", Kind.CODE, Map.of("LOWER_INSTALMENT", "niedrigere Rate",
        "LONGER_TERM", "längere Laufzeit", "PAYMENT_PAUSE", "Zahlungspause")));
    KEYS.put(SCHEDULE_VERSION_BEFORE, new Key("bisheriger Tilgungsplan Version", Kind.NUMBER, Map.of()));
    KEYS.put(SCHEDULE_VERSION_AFTER, new Key("neuer Tilgungsplan Version", Kind.NUMBER, Map.of()));
    KEYS.put(INSTALMENTS, new Key("Raten", Kind.NUMBER, Map.of()));
    KEYS.put(INSTALMENT, new Key("Rate", Kind.AMOUNT, Map.of()));
    KEYS.put(DECISION_COMMENT_SHA256, new Key("Kommentar zur Entscheidung (SHA-256)", Kind.HASH, Map.of()));
    KEYS.put(NEXT_STEP, new Key("nächster Schritt", Kind.CODE,
        Map.of("SUPPORT", "weiter begleiten", "RESCHEDULE", "Tilgungsplan ändern")));
    KEYS.put(PLAN_SHA256, new Key("Plan (SHA-256)", Kind.HASH, Map.of()));
    KEYS.put(PROCESS, new Key("Prozess", Kind.CODE, Map.of("loan-application", "Kreditantrag",
        "guarantor-check", "Bürgenprüfung", "committee-decision", "Vergabeentscheidung",
        "bank-contract", "Kreditvertrag", "loan-servicing", "Kreditbegleitung",
        "repayment-rescheduling", "Tilgungsplanänderung", "outreach", "Ansprache im Quartier")));
    KEYS.put(SOURCE_VERSION, new Key("von Version", Kind.NUMBER, Map.of()));
    KEYS.put(TARGET_VERSION, new Key("auf Version", Kind.NUMBER, Map.of()));
    KEYS.put(DOCUMENT_ID, new Key("Unterlage Nr.", Kind.NUMBER, Map.of()));
    KEYS.put(DOCUMENT_LABEL, new Key("Unterlage", Kind.LABEL, Map.of()));
    KEYS.put(STAGE_LABEL, new Key("Abschnitt", Kind.LABEL, Map.of()));
    KEYS.put(CONTENT_SHA256, new Key("Inhalt (SHA-256)", Kind.HASH, Map.of()));
    KEYS.put(PERSON_ROLE, new Key("Person", Kind.CODE,
        Map.of("BORROWER", "Kreditnehmerin/Kreditnehmer", "GUARANTOR", "Bürgin/Bürge")));
    KEYS.put(RECORDS, new Key("Datensätze", Kind.NUMBER, Map.of()));
  }

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
  private static final int LABEL_MAX = 200;

  private AuditDetails() {}

  /**
   * The value as stored (amounts as plain strings with two decimals, dates ISO), or an
   * IllegalArgumentException for an unknown key or a value of the wrong kind: a programming error.
   */
  static Object normalise(String key, Object value) {
    Key known = KEYS.get(key);
    if (known == null) {
      throw new IllegalArgumentException("not an audit detail: " + key);
    }
    if (value == null) {
      throw new IllegalArgumentException("audit detail " + key + " is null");
    }
    return switch (known.kind()) {
      case AMOUNT -> {
        if (!(value instanceof BigDecimal amount)) {
          throw new IllegalArgumentException("audit detail " + key + " is not a BigDecimal");
        }
        yield amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
      }
      case NUMBER -> {
        if (!(value instanceof Integer || value instanceof Long)) {
          throw new IllegalArgumentException("audit detail " + key + " is not a whole number");
        }
        yield ((Number) value).longValue();
      }
      case FLAG -> {
        if (!(value instanceof Boolean)) {
          throw new IllegalArgumentException("audit detail " + key + " is not a boolean");
        }
        yield value;
      }
      case DATE -> {
        if (!(value instanceof LocalDate date)) {
          throw new IllegalArgumentException("audit detail " + key + " is not a LocalDate");
        }
        yield date.toString();
      }
      case HASH -> requireMatch(key, value, HASH);
      case CODE, USER -> requireMatch(key, value, CODE);
      case LABEL -> {
        if (!(value instanceof String text) || text.isBlank() || text.length() > LABEL_MAX) {
          throw new IllegalArgumentException("audit detail " + key + " is not a short label");
        }
        yield text;
      }
    };
  }

  private static String requireMatch(String key, Object value, Pattern pattern) {
    if (!(value instanceof String text) || !pattern.matcher(text).matches()) {
      throw new IllegalArgumentException("audit detail " + key + " has an unexpected shape");
    }
    return text;
  }

  /** The facts in German, in the order of the keys: {@code Entscheidung: bewilligt; Betrag: 8.000,00 EUR}. */
  static String describe(Map<String, Object> details) {
    StringBuilder text = new StringBuilder();
    KEYS.forEach((key, known) -> {
      Object value = details.get(key);
      if (value == null) {
        return;
      }
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append(known.label()).append(": ").append(german(known, value));
    });
    return text.toString();
  }

  private static String german(Key known, Object value) {
    String stored = String.valueOf(value);
    return switch (known.kind()) {
      case AMOUNT -> GermanFormat.amount(new BigDecimal(stored));
      case NUMBER -> stored;
      case FLAG -> Boolean.parseBoolean(stored) ? "ja" : "nein";
      case DATE -> Dates.format(LocalDate.parse(stored));
      case HASH -> stored.substring(0, 12) + "…";
      case CODE -> known.codes().getOrDefault(stored, stored);
      case USER, LABEL -> stored;
    };
  }
}
