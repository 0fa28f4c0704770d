package de.quartierskredit.loanfile;

import de.quartierskredit.bank.RepaymentStanding;
import de.quartierskredit.bank.RepaymentStanding.Standing;
import de.quartierskredit.duties.LoanParticipants;
import de.quartierskredit.duties.Participation;
import de.quartierskredit.duties.Step;
import de.quartierskredit.guarantor.GuarantorPolicy;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loanfile.LoanFile.*;
import de.quartierskredit.shared.GermanFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads one loan's file from our tables (loan, applicant, business, guarantors, committee decisions,
 * schedule, bank events, contacts, warnings, interventions, reschedulings, write-off) and writes it as
 * display text; the timeline collects every dated step with its person. Reuses the ledger's
 * {@link RepaymentStanding} for arrears, {@link GuarantorPolicy} for the coverage rule and
 * {@link LoanParticipants} for who did which step. Writes nothing.
 */
@Component
class LoanFileReader {

  private static final GuarantorPolicy GUARANTOR_RULE = new GuarantorPolicy();

  private final JdbcClient jdbc;
  private final RepaymentStanding standing;
  private final LoanParticipants participants;
  private final IdentityService identity;

  LoanFileReader(JdbcClient jdbc, RepaymentStanding standing, LoanParticipants participants, IdentityService identity) {
    this.jdbc = jdbc;
    this.standing = standing;
    this.participants = participants;
    this.identity = identity;
  }

  /** The quarter of the loan with this reference (null: outside the quarters), empty when there is no such loan. */
  Optional<Optional<String>> quarterOf(String reference) {
    return jdbc.sql("SELECT quarter_code FROM loan WHERE reference = :reference").param("reference", reference)
        .query((rs, row) -> Optional.ofNullable(rs.getString("quarter_code"))).optional();
  }

  /** A dated step for the timeline; {@code at} orders it, {@code order} breaks ties within a day. */
  private record Event(LocalDateTime at, int order, TimelineEntry entry) {}

  /**
   * The file as of {@code today}; {@code documentLabels} names the checklist codes of the loan's
   * documents (from the documents feature) for the timeline's uploads.
   */
  LoanFile read(String reference, LocalDate today, Map<String, String> documentLabels) {
    People people = new People(identity);
    List<Event> timeline = new ArrayList<>();
    Row loan = jdbc.sql("""
            SELECT l.id, l.reference, l.state, l.quarter_code, q.name AS quarter_name, l.purpose, l.amount,
                   l.requested_amount, l.eligibility_route, l.liable_party, l.reserved_principal,
                   l.outstanding_principal, l.interest_rate, l.term_months, l.ended_reason, l.applied_on,
                   l.approved_on, l.contracted_on, l.disbursed_on, l.closed_on, l.disturbed, l.disturbed_since,
                   l.bank_contract_number, l.created_at,
                   a.first_name, a.last_name, a.email, a.phone, a.sgb2_recipient,
                   b.name AS business_name, b.stage, b.sector, b.street, b.postal_code, b.city,
                   f.name AS fund_name
            FROM loan l
            JOIN applicant a ON a.id = l.applicant_id
            JOIN business b ON b.id = l.business_id
            LEFT JOIN quarter q ON q.code = l.quarter_code
            LEFT JOIN local_fund f ON f.quarter_code = l.quarter_code
            WHERE l.reference = :reference""")
        .param("reference", reference).query(Row::of).single();
    long loanId = loan.longValue("id");
    LoanState state = LoanState.valueOf(loan.string("state"));

    // erasure (privacy) blanks or overwrites the name with "gelöscht" (first name "Name"): either part marks it
    String applicantName = LoanFile.ERASED.equals(personal(loan.string("last_name")))
        || LoanFile.ERASED.equals(personal(loan.string("first_name")))
        ? LoanFile.ERASED : personal(join(" ", loan.string("first_name"), loan.string("last_name")));
    Applicant applicant = new Applicant(applicantName, personal(loan.string("email")), personal(loan.string("phone")),
        loan.bool("sgb2_recipient") ? "ja, bezieht Leistungen nach SGB II" : "nein");
    String address = join(", ", loan.string("street"), join(" ", loan.string("postal_code"), loan.string("city")));
    Business business = new Business(personal(loan.string("business_name")), Labels.of(Labels.BUSINESS_STAGE,
        loan.string("stage")), text(loan.string("sector")), personal(address),
        loan.string("quarter_code") == null ? "außerhalb der Quartiere" : loan.string("quarter_name"));
    boolean erased = applicantName.equals(LoanFile.ERASED);

    BigDecimal amount = loan.decimal("amount");
    BigDecimal requested = loan.decimal("requested_amount");
    Application application = new Application(text(loan.string("purpose")), amount(requested), amount(amount),
        Labels.of(Labels.ELIGIBILITY_ROUTE, loan.string("eligibility_route")), date(loan.date("applied_on")),
        date(loan.date("approved_on")), date(loan.date("contracted_on")), date(loan.date("disbursed_on")),
        date(loan.date("closed_on")), text(loan.string("ended_reason")));

    List<Participation> steps = participants.of(reference);
    Participation advisor = steps.stream().filter(p -> p.step() == Step.ADVICE).reduce((a, b) -> b).orElse(null);
    String adviceResult = requested != null && amount.compareTo(requested) < 0
        ? "Bedarf in der Beratung reduziert: von " + amount(requested) + " auf " + amount(amount)
        : state == LoanState.ENDED_BY_ADVICE ? "andere Finanzierung gefunden: Fall durch die Beratung beendet"
        : advisor == null ? "noch keine Beratung erfasst" : "Antrag wie beantragt weitergeführt";
    Advice advice = new Advice(advisor == null ? "–" : people.name(advisor.userId()),
        advisor == null ? "–" : date(advisor.at().toLocalDate()), adviceResult);
    String appliedFor = amount(requested == null ? amount : requested);
    for (Participation step : steps) {
      if (step.step() != Step.COMMITTEE_DECISION) { // the decision's own row tells more (below)
        timeline.add(new Event(step.at(), 1, new TimelineEntry(date(step.at().toLocalDate()), step.step().label(),
            people.name(step.userId()), step.step() == Step.APPLICATION_RECORDED ? appliedFor : "")));
      }
    }
    if (steps.stream().noneMatch(p -> p.step() == Step.APPLICATION_RECORDED)) { // e.g. recorded over the API by a machine
      timeline.add(new Event(loan.date("applied_on").atStartOfDay(), 0, new TimelineEntry(date(loan.date("applied_on")),
          Step.APPLICATION_RECORDED.label(), People.SYSTEM, appliedFor)));
    }

    jdbc.sql("""
            SELECT contact_type, referral_partner, recorded_by, contacted_on FROM outreach_contact
            WHERE loan_reference = :reference ORDER BY contacted_on""").param("reference", reference)
        .query(Row::of).list().forEach(r -> timeline.add(new Event(r.date("contacted_on").atStartOfDay(), -1,
            new TimelineEntry(date(r.date("contacted_on")), "Erstkontakt: " + Labels.of(Labels.OUTREACH_TYPE,
                r.string("contact_type")), people.name(r.string("recorded_by")), text(r.string("referral_partner"))))));

    Guarantors guarantors = guarantors(loanId, amount, people, timeline);
    List<CommitteeDecision> decisions = jdbc.sql("""
            SELECT decision, reason, amount, votes_for, votes_against, abstentions, decided_by, decided_at,
                   missing_documents, missing_documents_reason
            FROM committee_decision WHERE loan_id = :id ORDER BY decided_at, id""").param("id", loanId)
        .query(Row::of).list().stream().map(r -> {
          String decision = Labels.of(Labels.COMMITTEE_DECISION, r.string("decision"));
          String votes = r.integer("votes_for") + " dafür, " + r.integer("votes_against") + " dagegen, "
              + r.integer("abstentions") + " Enthaltungen";
          timeline.add(new Event(r.timestamp("decided_at"), 2, new TimelineEntry(date(r.timestamp("decided_at")
              .toLocalDate()), "Vergabeausschuss: " + decision, people.name(r.string("decided_by")), votes)));
          return new CommitteeDecision(decision, text(r.string("reason")), amount(r.decimal("amount")),
              r.integer("votes_for"), r.integer("votes_against"), r.integer("abstentions"), votes,
              people.name(r.string("decided_by")), date(r.timestamp("decided_at").toLocalDate()),
              text(r.string("missing_documents")), text(r.string("missing_documents_reason")));
        }).toList();

    Fund fund = new Fund(Labels.of(Labels.LIABLE_PARTY, loan.string("liable_party")),
        loan.string("fund_name") == null ? "–" : loan.string("fund_name"), amount(loan.decimal("reserved_principal")),
        amount(loan.decimal("outstanding_principal")));

    LocalDateTime recommended = jdbc.sql("""
            SELECT MIN(created_at) FROM bank_outbox WHERE loan_reference = :reference AND schedule_version = 0""")
        .param("reference", reference).query(LocalDateTime.class).optional().orElse(null);
    if (recommended != null) {
      timeline.add(new Event(recommended, 3, new TimelineEntry(date(recommended.toLocalDate()),
          "Empfehlung an die Bank gesendet", People.SYSTEM, amount(amount))));
    }
    BigDecimal rate = loan.decimal("interest_rate");
    Contract contract = new Contract(text(loan.string("bank_contract_number")), date(loan.date("contracted_on")),
        date(loan.date("disbursed_on")), amount(amount),
        loan.integerOrNull("term_months") == null ? "–" : loan.integerOrNull("term_months") + " Monate",
        rate == null ? "–" : GermanFormat.percent(rate).replace(",0 %", " %") + " jährlich",
        recommended == null ? "–" : date(recommended.toLocalDate()));
    boolean bankReportedContract = false;
    boolean bankReportedDisbursement = false;

    List<Payment> payments = new ArrayList<>();
    for (Row r : jdbc.sql("""
            SELECT event_type, amount, value_date, response_status, received_at FROM bank_event
            WHERE loan_reference = :reference ORDER BY value_date, received_at""").param("reference", reference)
        .query(Row::of).list()) {
      boolean accepted = r.integer("response_status") < 300;
      String type = Labels.of(Labels.BANK_EVENT, r.string("event_type"));
      payments.add(new Payment(date(r.date("value_date")), type, amount(r.decimal("amount")),
          date(r.timestamp("received_at").toLocalDate()), accepted ? "verbucht" : "abgewiesen"));
      if (accepted) {
        bankReportedContract |= "CONTRACT_SIGNED".equals(r.string("event_type"));
        bankReportedDisbursement |= "DISBURSED".equals(r.string("event_type"));
        timeline.add(new Event(r.date("value_date").atTime(LocalTime.NOON), 4, new TimelineEntry(date(r.date("value_date")),
            "Bank: " + type, "Bank (Meldung über die Schnittstelle)", amount(r.decimal("amount")).replace("–", ""))));
      }
    }
    if (!bankReportedContract && loan.date("contracted_on") != null) {
      timeline.add(new Event(loan.date("contracted_on").atTime(LocalTime.NOON), 4, new TimelineEntry(
          date(loan.date("contracted_on")), "Kreditvertrag unterschrieben", "Bank",
          text(loan.string("bank_contract_number")))));
    }
    if (!bankReportedDisbursement && loan.date("disbursed_on") != null) {
      timeline.add(new Event(loan.date("disbursed_on").atTime(LocalTime.NOON), 4, new TimelineEntry(
          date(loan.date("disbursed_on")), "Auszahlung", "Bank", amount(amount))));
    }

    Schedule schedule = schedule(loanId, today, timeline);
    Standing stand = standing.of(loanId, today);
    Repayment repayment = new Repayment(stand.instalmentsPaid() + " von " + stand.instalments(), amount(stand.arrears()),
        date(stand.nextDueOn()), amount(stand.nextInstalment()), loan.bool("disturbed") ? "ja" : "nein",
        date(loan.date("disturbed_since")));

    List<Contact> contacts = jdbc.sql("""
            SELECT contact_month, kind, channel, outcome, business_situation, notes, contacted_on, recorded_by
            FROM borrower_contact WHERE loan_id = :id ORDER BY contacted_on, id""").param("id", loanId)
        .query(Row::of).list().stream().map(r -> {
          String outcome = Labels.of(Labels.CONTACT_OUTCOME, r.string("outcome"));
          String kind = Labels.of(Labels.CONTACT_KIND, r.string("kind"));
          timeline.add(new Event(r.date("contacted_on").atTime(LocalTime.of(9, 0)), 5, new TimelineEntry(
              date(r.date("contacted_on")), kind, people.name(r.string("recorded_by")), outcome)));
          return new Contact(month(r.string("contact_month")), date(r.date("contacted_on")), kind,
              Labels.of(Labels.CONTACT_CHANNEL, r.string("channel")), outcome,
              Labels.of(Labels.BUSINESS_SITUATION, r.string("business_situation")), personal(r.string("notes")),
              people.name(r.string("recorded_by")));
        }).toList();
    List<MissedContact> missed = jdbc.sql("""
            SELECT contact_month, due_on, fulfilled_on, overdue_reason, overdue_action, overdue_clarified_by
            FROM contact_obligation WHERE loan_id = :id AND overdue_reason IS NOT NULL ORDER BY due_on""")
        .param("id", loanId).query(Row::of).list().stream().map(r -> {
          timeline.add(new Event(r.date("due_on").atTime(LocalTime.of(18, 0)), 6, new TimelineEntry(date(r.date("due_on")),
              "Versäumter Monatskontakt geklärt", people.name(r.string("overdue_clarified_by")),
              Labels.of(Labels.OVERDUE_REASON, r.string("overdue_reason")))));
          return new MissedContact(month(r.string("contact_month")), date(r.date("due_on")), date(r.date("fulfilled_on")),
              Labels.of(Labels.OVERDUE_REASON, r.string("overdue_reason")), personal(r.string("overdue_action")),
              people.name(r.string("overdue_clarified_by")));
        }).toList();

    List<Warning> warnings = jdbc.sql("""
            SELECT raised_on, reasons_seen, cleared_on, cleared_because FROM loan_warning
            WHERE loan_id = :id ORDER BY raised_on, id""").param("id", loanId).query(Row::of).list().stream().map(r -> {
          timeline.add(new Event(r.date("raised_on").atTime(LocalTime.of(20, 0)), 7, new TimelineEntry(
              date(r.date("raised_on")), "Frühwarnung", People.SYSTEM, Labels.list(Labels.WARNING_REASON,
              r.string("reasons_seen")))));
          return new Warning(date(r.date("raised_on")), Labels.list(Labels.WARNING_REASON, r.string("reasons_seen")),
              date(r.date("cleared_on")), Labels.of(Labels.WARNING_CLEARED, r.string("cleared_because")));
        }).toList();

    List<Intervention> interventions = jdbc.sql("""
            SELECT opened_on, disturbed_since, arrears, default_due_on, measures, soft_topics, next_step,
                   plan_agreed_by, plan_agreed_on, rescheduling_outcome, outcome, closed_on
            FROM intervention WHERE loan_id = :id ORDER BY opened_on, id""").param("id", loanId)
        .query(Row::of).list().stream().map(r -> {
          timeline.add(new Event(r.date("opened_on").atTime(LocalTime.of(20, 30)), 8, new TimelineEntry(
              date(r.date("opened_on")), "Intervention eröffnet (Zahlungsstörung)", People.SYSTEM,
              "Rückstand " + amount(r.decimal("arrears")))));
          if (r.date("plan_agreed_on") != null) {
            timeline.add(new Event(r.date("plan_agreed_on").atStartOfDay(), 8, new TimelineEntry(
                date(r.date("plan_agreed_on")), "Interventionsplan vereinbart", people.name(r.string("plan_agreed_by")),
                Labels.of(Labels.NEXT_STEP, r.string("next_step")))));
          }
          if (r.date("closed_on") != null) {
            timeline.add(new Event(r.date("closed_on").atTime(LocalTime.of(21, 0)), 8, new TimelineEntry(
                date(r.date("closed_on")), "Intervention abgeschlossen", People.SYSTEM,
                Labels.of(Labels.INTERVENTION_OUTCOME, r.string("outcome")))));
          }
          return new Intervention(date(r.date("opened_on")), date(r.date("disturbed_since")), amount(r.decimal("arrears")),
              date(r.date("default_due_on")), personal(r.string("measures")), personal(r.string("soft_topics")),
              Labels.of(Labels.NEXT_STEP, r.string("next_step")), r.string("plan_agreed_by") == null ? "–"
              : people.name(r.string("plan_agreed_by")), date(r.date("plan_agreed_on")),
              Labels.of(Labels.RESCHEDULING_OUTCOME, r.string("rescheduling_outcome")),
              Labels.of(Labels.INTERVENTION_OUTCOME, r.string("outcome")), date(r.date("closed_on")));
        }).toList();

    List<Rescheduling> reschedulings = jdbc.sql("""
            SELECT kind, reason, status, submitted_on, submitted_by, instalments, instalment, pause_months,
                   approved_on, rejected_on, decided_by, decision_comment, schedule_version
            FROM loan_reschedule_request WHERE loan_id = :id ORDER BY submitted_on, id""").param("id", loanId)
        .query(Row::of).list().stream().map(r -> {
          String kind = Labels.of(Labels.RESCHEDULING_KIND, r.string("kind"));
          LocalDate decidedOn = r.date("approved_on") != null ? r.date("approved_on") : r.date("rejected_on");
          String status = Labels.of(Labels.RESCHEDULING_STATUS, r.string("status"));
          timeline.add(new Event(r.date("submitted_on").atStartOfDay(), 9, new TimelineEntry(
              date(r.date("submitted_on")), "Tilgungsplanänderung beantragt", people.name(r.string("submitted_by")), kind)));
          if (decidedOn != null) {
            timeline.add(new Event(decidedOn.atStartOfDay(), 9, new TimelineEntry(date(decidedOn),
                "Tilgungsplanänderung " + status, people.name(r.string("decided_by")), kind)));
          }
          Integer pause = r.integerOrNull("pause_months");
          return new Rescheduling(kind, personal(r.string("reason")), status, date(r.date("submitted_on")),
              people.name(r.string("submitted_by")), r.integer("instalments") + " Raten", amount(r.decimal("instalment")),
              pause == null || pause == 0 ? "–" : pause + (pause == 1 ? " Monat" : " Monate"), date(decidedOn),
              decidedOn == null ? "–" : people.name(r.string("decided_by")), text(r.string("decision_comment")),
              r.integerOrNull("schedule_version") == null ? "–" : "Version " + r.integerOrNull("schedule_version"));
        }).toList();

    jdbc.sql("""
            SELECT document_type, uploaded_by, uploaded_at FROM loan_document WHERE loan_id = :id ORDER BY id""")
        .param("id", loanId).query(Row::of).list().forEach(r -> timeline.add(new Event(r.timestamp("uploaded_at"), 12,
            new TimelineEntry(date(r.timestamp("uploaded_at").toLocalDate()), "Unterlage hochgeladen: "
                + documentLabels.getOrDefault(r.string("document_type"), "Unterlage"),
                people.name(r.string("uploaded_by")), ""))));
    WriteOff writeOff = writeOff(loanId, steps, people, timeline);
    if (loan.date("closed_on") != null) {
      timeline.add(new Event(loan.date("closed_on").atTime(LocalTime.of(23, 0)), 20, new TimelineEntry(
          date(loan.date("closed_on")), "Kredit abgeschlossen: " + state.label(), People.SYSTEM,
          text(loan.string("ended_reason")))));
    }

    List<TimelineEntry> ordered = timeline.stream()
        .sorted(Comparator.comparing(Event::at).thenComparingInt(Event::order)).map(Event::entry).toList();
    return new LoanFile(reference, state.name(), state.label(), date(today), erased, applicant, business, application,
        advice, guarantors, decisions, fund, contract, repayment, schedule, payments, contacts, missed, warnings,
        interventions, reschedulings, writeOff, null, null, ordered);
  }

  private Guarantors guarantors(long loanId, BigDecimal amount, People people, List<Event> timeline) {
    List<Row> rows = jdbc.sql("""
            SELECT g.id, g.name, g.contact, g.guaranteed_amount, r.amount AS recovered, r.recorded_by, r.recorded_on
            FROM guarantor g LEFT JOIN guarantor_recovery r ON r.guarantor_id = g.id
            WHERE g.loan_id = :id ORDER BY g.id""").param("id", loanId).query(Row::of).list();
    List<de.quartierskredit.guarantor.Guarantor> forRule = new ArrayList<>();
    List<Guarantor> list = new ArrayList<>();
    int slot = 1;
    for (Row r : rows) {
      // the rule reads amounts; names and contacts may be erased, which must not break an old file
      forRule.add(new de.quartierskredit.guarantor.Guarantor(slot++, "Bürge", "erfasst", r.decimal("guaranteed_amount")));
      list.add(new Guarantor(personal(r.string("name")), personal(r.string("contact")),
          amount(r.decimal("guaranteed_amount")), amount(r.decimal("recovered"))));
      if (r.date("recorded_on") != null) {
        timeline.add(new Event(r.date("recorded_on").atTime(LocalTime.of(12, 0)), 10, new TimelineEntry(
            date(r.date("recorded_on")), "Bürge in Anspruch genommen", people.name(r.string("recorded_by")),
            amount(r.decimal("recovered")))));
      }
    }
    GuarantorPolicy.Decision rule = GUARANTOR_RULE.decide(amount, forRule);
    String share = GermanFormat.percent(rule.covered().divide(amount, 4, RoundingMode.HALF_UP));
    return new Guarantors(list, amount(rule.covered()), amount(rule.required()), share, rule.sufficient(),
        (rule.sufficient() ? "Regel erfüllt: " : "Regel nicht erfüllt: ") + rule.reason());
  }

  private Schedule schedule(long loanId, LocalDate today, List<Event> timeline) {
    List<Row> versions = jdbc.sql("""
            SELECT id, version, reason, principal, annual_rate, current, created_at FROM repayment_schedule
            WHERE loan_id = :id ORDER BY version""").param("id", loanId).query(Row::of).list();
    Row current = null;
    for (Row v : versions) {
      timeline.add(new Event(v.timestamp("created_at"), 3, new TimelineEntry(date(v.timestamp("created_at").toLocalDate()),
          "Tilgungsplan Version " + v.integer("version"), People.SYSTEM, text(v.string("reason")))));
      if (v.bool("current")) {
        current = v;
      }
    }
    if (current == null) {
      return null;
    }
    List<LoanFile.ScheduleLine> lines = jdbc.sql("""
            SELECT instalment_no, due_on, instalment, interest, principal, paid_amount, state
            FROM repayment_schedule_line WHERE schedule_id = :id ORDER BY instalment_no""")
        .param("id", current.longValue("id")).query(Row::of).list().stream().map(r -> {
          boolean inArrears = !r.date("due_on").isAfter(today) && !"SUPERSEDED".equals(r.string("state"))
              && r.decimal("paid_amount").compareTo(r.decimal("instalment")) < 0;
          return new LoanFile.ScheduleLine(r.integer("instalment_no"), date(r.date("due_on")), amount(r.decimal("instalment")),
              amount(r.decimal("interest")), amount(r.decimal("principal")), amount(r.decimal("paid_amount")),
              Labels.of(Labels.LINE_STATE, r.string("state")), inArrears);
        }).toList();
    return new Schedule(current.integer("version"), text(current.string("reason")),
        date(current.timestamp("created_at").toLocalDate()), amount(current.decimal("principal")),
        GermanFormat.percent(current.decimal("annual_rate")).replace(",0 %", " %") + " jährlich", versions.size(), lines);
  }

  private WriteOff writeOff(long loanId, List<Participation> steps, People people, List<Event> timeline) {
    Participation requested = steps.stream().filter(p -> p.step() == Step.WRITE_OFF_REQUESTED).reduce((a, b) -> b).orElse(null);
    Participation approved = steps.stream().filter(p -> p.step() == Step.WRITE_OFF_APPROVED).reduce((a, b) -> b).orElse(null);
    List<String> rejections = steps.stream().filter(p -> p.step() == Step.WRITE_OFF_REJECTED)
        .map(p -> "zurückgewiesen am " + date(p.at().toLocalDate()) + " von " + people.name(p.userId())).toList();
    List<Recovery> recoveries = jdbc.sql("""
            SELECT g.name, r.amount, r.recorded_by, r.recorded_on FROM guarantor_recovery r
            JOIN guarantor g ON g.id = r.guarantor_id WHERE r.loan_id = :id ORDER BY r.id""").param("id", loanId)
        .query(Row::of).list().stream().map(r -> new Recovery(personal(r.string("name")), amount(r.decimal("amount")),
            people.name(r.string("recorded_by")), date(r.date("recorded_on")))).toList();
    List<Loss> losses = jdbc.sql("""
            SELECT bearer, amount, allocated_on FROM loss_allocation WHERE loan_id = :id ORDER BY id""")
        .param("id", loanId).query(Row::of).list().stream().map(r -> {
          String bearer = Labels.of(Labels.LOSS_BEARER, r.string("bearer"));
          timeline.add(new Event(r.date("allocated_on").atTime(LocalTime.of(22, 0)), 11, new TimelineEntry(
              date(r.date("allocated_on")), "Verlust verbucht: " + bearer, People.SYSTEM, amount(r.decimal("amount")))));
          return new Loss(bearer, amount(r.decimal("amount")), date(r.date("allocated_on")));
        }).toList();
    if (requested == null && approved == null && rejections.isEmpty() && recoveries.isEmpty() && losses.isEmpty()) {
      return null;
    }
    return new WriteOff(requested == null ? "–" : people.name(requested.userId()),
        requested == null ? "–" : date(requested.at().toLocalDate()),
        approved == null ? "–" : people.name(approved.userId()),
        approved == null ? "–" : date(approved.at().toLocalDate()), rejections, recoveries, losses);
  }

  // --- display text ---

  static String date(LocalDate date) {
    return date == null ? "–" : GermanFormat.date(date);
  }

  static String amount(BigDecimal amount) {
    return amount == null ? "–" : GermanFormat.amount(amount);
  }

  /** Business text that is not about a person: "–" when empty. */
  static String text(String text) {
    return text == null || text.isBlank() ? "–" : text.strip();
  }

  /** Personal data: "gelöscht" when it has been erased (blanked, or overwritten with that word). */
  static String personal(String text) {
    return text == null || text.isBlank() || text.strip().equalsIgnoreCase(LoanFile.ERASED) ? LoanFile.ERASED
        : text.strip();
  }

  /** "2026-12" as "Dezember 2026". */
  static String month(String yearMonth) {
    try {
      return de.quartierskredit.shared.Dates.format(java.time.YearMonth.parse(yearMonth));
    } catch (RuntimeException e) {
      return text(yearMonth);
    }
  }

  private static String join(String separator, String... parts) {
    return String.join(separator, java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank())
        .map(String::strip).toList());
  }

  /** One result row as values by column name (JdbcClient gives no row type for ad-hoc selects). */
  record Row(Map<String, Object> values) {

    static Row of(ResultSet rs, int row) throws SQLException {
      Map<String, Object> values = new java.util.HashMap<>();
      var meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        values.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
      }
      return new Row(values);
    }

    String string(String column) {
      Object value = values.get(column);
      return value == null ? null : value.toString();
    }

    BigDecimal decimal(String column) {
      Object value = values.get(column);
      return value == null ? null : new BigDecimal(value.toString());
    }

    long longValue(String column) {
      return ((Number) values.get(column)).longValue();
    }

    int integer(String column) {
      Object value = values.get(column);
      return value == null ? 0 : ((Number) value).intValue();
    }

    Integer integerOrNull(String column) {
      Object value = values.get(column);
      return value == null ? null : ((Number) value).intValue();
    }

    boolean bool(String column) {
      return Boolean.TRUE.equals(values.get(column));
    }

    LocalDate date(String column) {
      Object value = values.get(column);
      if (value == null) {
        return null;
      }
      if (value instanceof java.sql.Date d) {
        return d.toLocalDate();
      }
      if (value instanceof LocalDate d) {
        return d;
      }
      return timestamp(column).toLocalDate();
    }

    LocalDateTime timestamp(String column) {
      Object value = values.get(column);
      if (value == null) {
        return null;
      }
      if (value instanceof java.sql.Timestamp t) {
        return t.toLocalDateTime();
      }
      if (value instanceof LocalDateTime t) {
        return t;
      }
      return ((java.sql.Date) value).toLocalDate().atStartOfDay();
    }
  }
}
