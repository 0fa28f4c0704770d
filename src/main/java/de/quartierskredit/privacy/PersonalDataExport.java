package de.quartierskredit.privacy;

import de.quartierskredit.audit.AuditAction;
import de.quartierskredit.audit.AuditDetails;
import de.quartierskredit.audit.AuditTrail;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.privacy.DataProtectionLog.Action;
import de.quartierskredit.shared.Dates;
import de.quartierskredit.shared.GermanFormat;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Art. 15 DSGVO: finds a borrower, guarantor or outreach contact person by loan reference and/or name and
 * exports everything stored about them (our tables and the engine's stored variables of their case;
 * documents as metadata) as JSON with German keys, for the person to read. Every search and export is
 * logged with who, when and the subject ids, never with the data or the search term.
 */
@Service
public class PersonalDataExport {

  /** A person found: the subject id to export, their role, name, the loan and its quarter. */
  public record Subject(String subjectId, String rolle, String name, String aktenzeichen, String quartier) {}

  private static final Pattern SUBJECT = Pattern.compile("(applicant|guarantor|outreach)-(\\d{1,18})");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm 'Uhr'", Locale.GERMANY);

  private final JdbcClient jdbc;
  private final HistoryService history;
  private final DataProtectionLog log;
  private final AuditTrail audit;
  private final Clock clock;

  PersonalDataExport(JdbcClient jdbc, HistoryService history, DataProtectionLog log, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.history = history;
    this.log = log;
    this.clock = clock;
  }

  /** Whether the text names a subject id this export knows ({@code applicant-17}). */
  static boolean isSubjectId(String text) {
    return text != null && SUBJECT.matcher(text).matches();
  }

  /**
   * Borrowers, guarantors and outreach contact persons (not erased) of the loan {@code reference} and/or
   * whose name contains {@code name} (case-insensitive); logged with the ids found, never the term.
   */
  @Transactional
  public List<Subject> search(String reference, String name, String actor) {
    String pattern = name == null ? null : "%" + escape(name.trim().toLowerCase(Locale.ROOT)) + "%";
    List<Subject> found = new ArrayList<>();
    found.addAll(jdbc.sql("""
            SELECT a.id, a.first_name, a.last_name, l.reference, q.name AS quarter FROM applicant a
            JOIN loan l ON l.applicant_id = a.id LEFT JOIN quarter q ON q.code = l.quarter_code
            WHERE a.personal_data_erased_at IS NULL
              AND (CAST(:reference AS VARCHAR(40)) IS NULL OR l.reference = :reference)
              AND (CAST(:pattern AS VARCHAR(300)) IS NULL OR LOWER(a.first_name || ' ' || a.last_name) LIKE :pattern ESCAPE '\\')
            ORDER BY a.id""")
        .param("reference", reference).param("pattern", pattern)
        .query((rs, row) -> new Subject("applicant-" + rs.getLong("id"), "Kreditnehmer/in",
            rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("reference"),
            rs.getString("quarter")))
        .list());
    found.addAll(jdbc.sql("""
            SELECT g.id, g.name, l.reference, q.name AS quarter FROM guarantor g
            JOIN loan l ON l.id = g.loan_id LEFT JOIN quarter q ON q.code = l.quarter_code
            WHERE l.personal_data_erased_at IS NULL
              AND (CAST(:reference AS VARCHAR(40)) IS NULL OR l.reference = :reference)
              AND (CAST(:pattern AS VARCHAR(300)) IS NULL OR LOWER(g.name) LIKE :pattern ESCAPE '\\')
            ORDER BY g.id""")
        .param("reference", reference).param("pattern", pattern)
        .query((rs, row) -> new Subject("guarantor-" + rs.getLong("id"), "Bürge/Bürgin", rs.getString("name"),
            rs.getString("reference"), rs.getString("quarter")))
        .list());
    found.addAll(jdbc.sql("""
            SELECT o.id, o.contact_person, o.loan_reference, q.name AS quarter FROM outreach_contact o
            LEFT JOIN quarter q ON q.code = o.quarter_code
            WHERE o.personal_data_erased_at IS NULL
              AND (CAST(:reference AS VARCHAR(40)) IS NULL OR o.loan_reference = :reference)
              AND (CAST(:pattern AS VARCHAR(300)) IS NULL OR LOWER(o.contact_person) LIKE :pattern ESCAPE '\\')
            ORDER BY o.id""")
        .param("reference", reference).param("pattern", pattern)
        .query((rs, row) -> new Subject("outreach-" + rs.getLong("id"), "Kontaktperson (aufsuchende Beratung)",
            rs.getString("contact_person"), rs.getString("loan_reference"), rs.getString("quarter")))
        .list());
    log.record(actor, Action.SEARCH, null, reference,
        "by=" + (reference != null ? "reference" : "") + (reference != null && name != null ? "+" : "")
            + (name != null ? "name" : "") + ", found=" + found.stream().map(Subject::subjectId).toList());
    return found;
  }

  /** Everything stored about the subject, or empty if no such person is stored (any more). */
  @Transactional
  public Optional<Map<String, Object>> export(String subjectId, String actor) {
    Matcher id = SUBJECT.matcher(subjectId == null ? "" : subjectId);
    if (!id.matches()) {
      return Optional.empty();
    }
    long key = Long.parseLong(id.group(2));
    Optional<Map<String, Object>> export = switch (id.group(1)) {
      case "applicant" -> applicant(key);
      case "guarantor" -> guarantor(key);
      default -> outreachContact(key);
    };
    export.ifPresent(content -> {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("rechtsgrundlage", "Auskunft nach Art. 15 DSGVO");
      header.put("betroffenePerson", subjectId);
      header.put("erstelltAm", LocalDateTime.now(clock).format(TIME));
      header.put("erstelltVon", actor);
      header.put("hinweis", "Alle bei Quartierskredit gespeicherten Daten zu dieser Person: aus den Tabellen der "
          + "Anwendung und die gespeicherten Prozessdaten ihres Falls (\"feld\" ist der technische Name des "
          + "gespeicherten Werts). Unterlagen sind mit ihren Angaben aufgeführt; die Dateien selbst erhalten Sie "
          + "auf Anfrage. Angaben zu Dritten (z. B. Kontaktdaten der Bürgen) sind nicht enthalten.");
      content.put("auskunft", header);
      List<String> references = references(content);
      log.record(actor, Action.EXPORT, subjectId, references.size() == 1 ? references.get(0) : null,
          "loans=" + references);
      String role = switch (id.group(1)) {
        case "applicant" -> "BORROWER";
        case "guarantor" -> "GUARANTOR";
        default -> null; // a contact person of outreach is no party to a loan
      };
      if (role != null) {
        references.forEach(reference -> audit.record(reference, AuditAction.PERSONAL_DATA_EXPORTED, actor, null,
            Map.of(AuditDetails.PERSON_ROLE, role)));
      }
    });
    return export.map(PersonalDataExport::headerFirst);
  }

  private Optional<Map<String, Object>> applicant(long applicantId) {
    List<Map<String, Object>> person = rows("""
        SELECT a.first_name AS "vorname", a.last_name AS "nachname", a.email AS "eMail", a.phone AS "telefon",
               a.sgb2_recipient AS "bezugVonLeistungenNachSgbII", a.created_at AS "erfasstAm"
        FROM applicant a WHERE a.id = :id AND a.personal_data_erased_at IS NULL""", Map.of("id", applicantId));
    if (person.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> export = new LinkedHashMap<>();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("rolle", "Kreditnehmer/in");
    p.putAll(person.get(0));
    export.put("person", p);
    export.put("betriebe", rows("""
        SELECT b.name AS "name", b.stage AS "phase", b.sector AS "branche", b.street AS "strasse",
               b.postal_code AS "postleitzahl", b.city AS "ort", q.name AS "quartier", b.created_at AS "erfasstAm"
        FROM business b LEFT JOIN quarter q ON q.code = b.quarter_code WHERE b.applicant_id = :id ORDER BY b.id""",
        Map.of("id", applicantId)));
    List<Map<String, Object>> loans = new ArrayList<>();
    for (Map<String, Object> loan : rows("""
        SELECT l.id AS "_id", l.reference AS "aktenzeichen", l.state AS "_state", q.name AS "quartier",
               l.purpose AS "verwendungszweck", l.requested_amount AS "beantragterBetrag", l.amount AS "betrag",
               l.interest_rate AS "zinssatz", l.term_months AS "laufzeitMonate", l.applied_on AS "beantragtAm",
               l.approved_on AS "bewilligtAm", l.contracted_on AS "vertragUnterschriebenAm",
               l.disbursed_on AS "ausgezahltAm", l.closed_on AS "beendetAm", l.ended_reason AS "beendigungsgrund",
               l.bank_contract_number AS "vertragsnummerBank", l.outstanding_principal AS "offeneTilgung",
               l.disturbed AS "zahlungGestoert", l.disturbed_since AS "gestoertSeit"
        FROM loan l LEFT JOIN quarter q ON q.code = l.quarter_code WHERE l.applicant_id = :id ORDER BY l.id""",
        Map.of("id", applicantId))) {
      long loanId = ((Number) loan.remove("_id")).longValue();
      loan.put("stand", LoanState.valueOf((String) loan.remove("_state")).label());
      String reference = (String) loan.get("aktenzeichen");
      Map<String, Object> id = Map.of("id", loanId);
      loan.put("buergschaften", rows("""
          SELECT g.name AS "name", g.guaranteed_amount AS "verbuergterBetrag" FROM guarantor g
          WHERE g.loan_id = :id ORDER BY g.id""", id));
      loan.put("ausschussentscheidungen", rows("""
          SELECT c.decision AS "entscheidung", c.reason AS "begruendung", c.amount AS "betrag",
                 c.votes_for AS "stimmenDafuer", c.votes_against AS "stimmenDagegen", c.abstentions AS "enthaltungen",
                 c.missing_documents AS "fehlendeUnterlagen", c.missing_documents_reason AS "begruendungFehlendeUnterlagen",
                 c.decided_at AS "entschiedenAm"
          FROM committee_decision c WHERE c.loan_id = :id ORDER BY c.id""", id));
      loan.put("kontakte", rows("""
          SELECT c.contact_month AS "monat", c.kind AS "art", c.channel AS "weg", c.outcome AS "ergebnis",
                 c.business_situation AS "lageDesBetriebs", c.notes AS "notizen", c.contacted_on AS "kontaktAm"
          FROM borrower_contact c WHERE c.loan_id = :id ORDER BY c.contacted_on, c.id""", id));
      loan.put("klaerungenUeberfaelligerKontakte", rows("""
          SELECT o.contact_month AS "monat", o.overdue_reason AS "grund", o.overdue_action AS "massnahme"
          FROM contact_obligation o WHERE o.loan_id = :id AND o.overdue_action IS NOT NULL ORDER BY o.id""", id));
      loan.put("interventionen", rows("""
          SELECT i.opened_on AS "eroeffnetAm", i.disturbed_since AS "gestoertSeit", i.arrears AS "rueckstand",
                 i.measures AS "massnahmen", i.soft_topics AS "weicheThemen", i.next_step AS "naechsterSchritt",
                 i.outcome AS "ergebnis", i.closed_on AS "abgeschlossenAm"
          FROM intervention i WHERE i.loan_id = :id ORDER BY i.id""", id));
      loan.put("tilgungsplanaenderungen", rows("""
          SELECT r.kind AS "art", r.reason AS "begruendung", r.status AS "status", r.submitted_on AS "beantragtAm",
                 r.approved_on AS "genehmigtAm", r.rejected_on AS "abgelehntAm", r.decision_comment AS "kommentar"
          FROM loan_reschedule_request r WHERE r.loan_id = :id ORDER BY r.id""", id));
      List<Map<String, Object>> schedules = rows("""
          SELECT s.id AS "_id", s.version AS "version", s.reason AS "grund", s.principal AS "betrag",
                 s.annual_rate AS "zinssatz", s.current AS "aktuell"
          FROM repayment_schedule s WHERE s.loan_id = :id ORDER BY s.version""", id);
      for (Map<String, Object> schedule : schedules) {
        long scheduleId = ((Number) schedule.remove("_id")).longValue();
        schedule.put("raten", rows("""
            SELECT l.instalment_no AS "nr", l.due_on AS "faelligAm", l.principal AS "tilgung", l.interest AS "zinsen",
                   l.instalment AS "rate", l.paid_amount AS "gezahlt", l.state AS "stand"
            FROM repayment_schedule_line l WHERE l.schedule_id = :id ORDER BY l.instalment_no""",
            Map.of("id", scheduleId)));
      }
      loan.put("tilgungsplaene", schedules);
      loan.put("unterlagen", rows("""
          SELECT d.stage AS "phase", d.document_type AS "art", d.file_name AS "dateiname", d.content_type AS "dateityp",
                 d.size_bytes AS "groesseInBytes", d.uploaded_at AS "hochgeladenAm", d.withdrawn_at AS "zurueckgezogenAm"
          FROM loan_document d WHERE d.loan_id = :id ORDER BY d.id""", id));
      loan.put("aufsuchendeBeratung", rows("""
          SELECT o.contact_type AS "art", o.referral_partner AS "vermitteltDurch", o.business_name AS "betrieb",
                 o.contact_person AS "kontaktperson", o.notes AS "notizen", o.contacted_on AS "kontaktAm"
          FROM outreach_contact o WHERE o.loan_reference = :reference ORDER BY o.id""", Map.of("reference", reference)));
      loan.put("prozessdaten", processData(reference, null));
      loans.add(loan);
    }
    export.put("kredite", loans);
    return Optional.of(export);
  }

  private Optional<Map<String, Object>> guarantor(long guarantorId) {
    List<Map<String, Object>> found = rows("""
        SELECT g.name AS "name", g.contact AS "kontakt", g.guaranteed_amount AS "verbuergterBetrag",
               g.created_at AS "erfasstAm", l.reference AS "aktenzeichen", q.name AS "quartier",
               r.amount AS "gezahltNachInanspruchnahme", r.recorded_on AS "inanspruchnahmeAm"
        FROM guarantor g JOIN loan l ON l.id = g.loan_id LEFT JOIN quarter q ON q.code = l.quarter_code
        LEFT JOIN guarantor_recovery r ON r.guarantor_id = g.id
        WHERE g.id = :id AND l.personal_data_erased_at IS NULL""", Map.of("id", guarantorId));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = found.get(0);
    Map<String, Object> export = new LinkedHashMap<>();
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("rolle", "Bürge/Bürgin");
    person.put("name", row.get("name"));
    person.put("kontakt", row.get("kontakt"));
    person.put("erfasstAm", row.get("erfasstAm"));
    export.put("person", person);
    Map<String, Object> guarantee = new LinkedHashMap<>();
    guarantee.put("aktenzeichen", row.get("aktenzeichen"));
    guarantee.put("quartier", row.get("quartier"));
    guarantee.put("verbuergterBetrag", row.get("verbuergterBetrag"));
    guarantee.put("gezahltNachInanspruchnahme", row.get("gezahltNachInanspruchnahme"));
    guarantee.put("inanspruchnahmeAm", row.get("inanspruchnahmeAm"));
    // only the guarantor fields of the case that name this person: the rest (the dossier too) is the borrower's data
    guarantee.put("prozessdaten", processData((String) row.get("aktenzeichen"),
        List.of((String) row.get("name"), (String) row.get("kontakt"))));
    export.put("buergschaften", List.of(guarantee));
    return Optional.of(export);
  }

  private Optional<Map<String, Object>> outreachContact(long contactId) {
    List<Map<String, Object>> found = rows("""
        SELECT o.contact_person AS "kontaktperson", o.business_name AS "betrieb", o.contact_type AS "art",
               o.referral_partner AS "vermitteltDurch", o.outcome AS "ergebnis", o.referral_offer AS "angebot",
               o.notes AS "notizen", o.contacted_on AS "kontaktAm", q.name AS "quartier",
               o.loan_reference AS "aktenzeichen", o.process_instance_id AS "_instance"
        FROM outreach_contact o LEFT JOIN quarter q ON q.code = o.quarter_code
        WHERE o.id = :id AND o.personal_data_erased_at IS NULL""", Map.of("id", contactId));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = found.get(0);
    String instance = (String) row.remove("_instance");
    Map<String, Object> export = new LinkedHashMap<>();
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("rolle", "Kontaktperson (aufsuchende Beratung)");
    person.put("name", row.get("kontaktperson"));
    export.put("person", person);
    row.put("prozessdaten", variables(Set.of(instance), null));
    export.put("kontakte", List.of(row));
    return Optional.of(export);
  }

  /** The engine's stored variables of the case (every instance of the reference and their sub-instances). */
  private List<Map<String, Object>> processData(String reference, Collection<String> onlyMentioning) {
    Set<String> instances = new LinkedHashSet<>();
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list()
        .forEach(instance -> instances.add(instance.getId()));
    instances.addAll(jdbc.sql("SELECT process_instance_id FROM outreach_contact WHERE loan_reference = :reference")
        .param("reference", reference).query(String.class).list());
    return variables(instances, onlyMentioning);
  }

  private List<Map<String, Object>> variables(Set<String> instances, Collection<String> onlyMentioning) {
    List<Map<String, Object>> values = new ArrayList<>();
    if (instances.isEmpty()) {
      return values;
    }
    Map<String, String> processNames = new LinkedHashMap<>();
    history.createHistoricProcessInstanceQuery().processInstanceIds(instances).list()
        .forEach(instance -> processNames.put(instance.getId(), processName(instance)));
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.toArray(String[]::new)).disableCustomObjectDeserialization()
        .orderByProcessInstanceId().asc().orderByVariableName().asc().list()) {
      String value = text(variable.getTypedValue());
      if (value == null || onlyMentioning != null && !(variable.getName().toLowerCase(Locale.ROOT).contains("guarantor")
          && onlyMentioning.stream().anyMatch(term -> term != null && !term.isBlank()
              && value.toLowerCase(Locale.ROOT).contains(term.toLowerCase(Locale.ROOT))))) {
        continue;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("prozess", processNames.getOrDefault(variable.getProcessInstanceId(), ""));
      entry.put("feld", variable.getName());
      entry.put("wert", value);
      entry.put("gespeichertAm", variable.getCreateTime() == null ? null : format(variable.getCreateTime()));
      values.add(entry);
    }
    return values;
  }

  private static String processName(HistoricProcessInstance instance) {
    return instance.getProcessDefinitionName() != null ? instance.getProcessDefinitionName()
        : instance.getProcessDefinitionKey();
  }

  private static String text(TypedValue value) {
    if (value == null) {
      return null;
    }
    if (value instanceof SerializableValue serializable) {
      return serializable.getValueSerialized();
    }
    Object plain = value.getValue();
    if (plain == null) {
      return null;
    }
    if (plain instanceof Date date) {
      return format(date);
    }
    if (plain instanceof byte[] bytes) {
      return "(" + bytes.length + " Bytes)";
    }
    return String.valueOf(plain);
  }

  private List<Map<String, Object>> rows(String sql, Map<String, ?> params) {
    var statement = jdbc.sql(sql);
    for (var param : params.entrySet()) {
      statement = statement.param(param.getKey(), param.getValue());
    }
    return statement.query((rs, rowNo) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      var meta = rs.getMetaData();
      for (int column = 1; column <= meta.getColumnCount(); column++) {
        String key = meta.getColumnLabel(column);
        Object value = rs.getObject(column);
        row.put(key, key.startsWith("_") ? value : german(key, value));
      }
      return row;
    }).list();
  }

  private static Object german(String key, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Date date) {
      return Dates.format(date.toLocalDate());
    }
    if (value instanceof LocalDate date) {
      return Dates.format(date);
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().format(TIME);
    }
    if (value instanceof LocalDateTime time) {
      return time.format(TIME);
    }
    if (value instanceof Boolean flag) {
      return flag ? "ja" : "nein";
    }
    if (value instanceof BigDecimal number) {
      return key.equals("zinssatz") ? GermanFormat.percent(number) : GermanFormat.amount(number);
    }
    if (value instanceof String code && CODES.containsKey(code)) {
      return CODES.get(code);
    }
    return value;
  }

  private static String format(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), java.time.ZoneId.of("Europe/Berlin")).format(TIME);
  }

  @SuppressWarnings("unchecked")
  private static List<String> references(Map<String, Object> content) {
    List<String> references = new ArrayList<>();
    for (String list : List.of("kredite", "buergschaften", "kontakte")) {
      Object entries = content.get(list);
      if (entries instanceof List<?> items) {
        for (Object item : items) {
          Object reference = ((Map<String, Object>) item).get("aktenzeichen");
          if (reference != null) {
            references.add(reference.toString());
          }
        }
      }
    }
    return references;
  }

  private static Map<String, Object> headerFirst(Map<String, Object> content) {
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("auskunft", content.get("auskunft"));
    content.forEach((key, value) -> {
      if (!key.equals("auskunft")) {
        ordered.put(key, value);
      }
    });
    return ordered;
  }

  private static String escape(String term) {
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** The codes stored in our tables, as the person reads them. */
  private static final Map<String, String> CODES = Map.ofEntries(
      Map.entry("APPROVE", "bewilligt"), Map.entry("REJECT", "abgelehnt"), Map.entry("RETURN", "zurückgegeben"),
      Map.entry("MONTHLY", "monatlicher Kontakt"), Map.entry("INTENSIVE", "intensiver Kontakt"),
      Map.entry("VISIT", "Besuch"), Map.entry("OFFICE", "im Büro"), Map.entry("PHONE", "Telefon"),
      Map.entry("VIDEO", "Video"), Map.entry("MESSAGE", "Nachricht"), Map.entry("ON_TRACK", "im Plan"),
      Map.entry("DIFFICULTIES", "Schwierigkeiten"), Map.entry("PAYMENT_PROBLEM", "Zahlungsproblem"),
      Map.entry("NOT_REACHED", "nicht erreicht"), Map.entry("GROWING", "wachsend"), Map.entry("STABLE", "stabil"),
      Map.entry("STRAINED", "angespannt"), Map.entry("CRITICAL", "kritisch"), Map.entry("GIVEN_UP", "aufgegeben"),
      Map.entry("SUBMITTED", "beantragt"), Map.entry("APPROVED", "genehmigt"), Map.entry("REJECTED", "abgelehnt"),
      Map.entry("LOWER_INSTALMENT", "niedrigere Rate"), Map.entry("LONGER_TERM", "längere Laufzeit"),
      Map.entry("PAYMENT_PAUSE", "Zahlungspause"), Map.entry("OPEN", "offen"), Map.entry("PAID", "bezahlt"),
      Map.entry("PARTLY_PAID", "teilweise bezahlt"), Map.entry("MISSED", "nicht gezahlt"),
      Map.entry("SUPERSEDED", "ersetzt"), Map.entry("NEW_FOUNDER", "Neugründung"), Map.entry("TAKEOVER", "Übernahme"),
      Map.entry("EXISTING", "bestehender Betrieb"), Map.entry("SHOP_VISIT", "Besuch im Geschäft"),
      Map.entry("OFFICE_HOURS", "Sprechstunde"), Map.entry("INFORMATION_EVENT", "Informationsveranstaltung"),
      Map.entry("PARTNER_REFERRAL", "Vermittlung durch einen Partner"), Map.entry("APPLICATION", "Kreditantrag"),
      Map.entry("REFERRED_TO_ADVICE", "an Beratung oder Schulung verwiesen"), Map.entry("ENDED", "beendet"),
      Map.entry("RESOLVED", "gelöst"), Map.entry("REPAID", "zurückgezahlt"), Map.entry("DEFAULTED", "ausgefallen"),
      Map.entry("SUPPORT", "Begleitung"), Map.entry("RESCHEDULE", "Tilgungsplanänderung"));
}
