package de.quartierskredit.privacy;

import de.quartierskredit.audit.AuditAction;
import de.quartierskredit.audit.AuditEntryView;
import de.quartierskredit.audit.AuditTrail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.application.LoanApplicationProcess;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.outreach.OutreachProcess;
import de.quartierskredit.portfolio.IndicatorsService;
import de.quartierskredit.portfolio.PortfolioService;
import de.quartierskredit.servicing.LoanServicingProcess;
import de.quartierskredit.support.EngineDriver;
import de.quartierskredit.support.FundRoom;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The proof of issue 17 item 3 on PostgreSQL: a loan lived through the real processes (outreach contact,
 * application form, guarantors, committee, bank, monthly contact with notes, a document, write-off) is
 * erased by the nightly model once its retention has passed, and then no text, varchar or bytea column of
 * any table, ours or the engine's, holds the borrower's name, the guarantors' phones or the notes, while
 * the portfolio report and the indicators give the same figures. An application without a loan and an
 * outreach contact without application go after 6 months and not a day before; a second run changes
 * nothing; a running case is never touched.
 */
@QuartierskreditTest
class ErasureProofTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired PortfolioService portfolio;
  @Autowired IndicatorsService indicators;
  @Autowired CaseErasure erasure;
  @Autowired AuditTrail auditTrail;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired Clock clock;

  /** Unique per run, ASCII only, so that JSON or any encoding stores them as they are. */
  private final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final String lastName = "Zorbiak" + tag;
  private final String guarantorPhone1 = "0151 7" + digits(tag, 7);
  private final String guarantorPhone2 = "0160 3" + digits(tag.substring(3) + tag, 7);
  private final String contactNote = "Notiz-Monatskontakt-" + tag;
  private final String outreachNote = "Notiz-Ansprache-" + tag;
  private final String writeOffNote = "Notiz-Abschreibung-" + tag;

  @BeforeEach
  void start() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void backToNow() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void shouldLeaveNoTraceOfTheBorrowerAfterTheRetentionWhileTheFiguresStayTheSame() {
    setDay(LocalDate.of(2034, 3, 1));
    String reference;
    String activeName = "Aktiv" + tag;
    String active;
    try (FundRoom room = FundRoom.ensure(jdbc, "offenbach", new BigDecimal("10000"))) {
      active = activeLoan(activeName);
      reference = writtenOffLoan();
    }
    var loan = jdbc.sql("SELECT id, state, closed_on FROM loan WHERE reference = :r").param("r", reference).query().singleRow();
    assertThat(loan.get("state")).isEqualTo(LoanState.WRITTEN_OFF.name());
    LocalDate closedOn = ((java.sql.Date) loan.get("closed_on")).toLocalDate();
    long loanId = ((Number) loan.get("id")).longValue();
    insertDocument(loanId);
    // a 15th of its last days (the day it closed): the quality measures name the disturbed borrower
    jdbc.sql("""
            INSERT INTO quality_assurance_measure (reporting_date, scopes, measures, recorded_by, recorded_at,
                process_instance_id)
            VALUES (:day, 'offenbach', :measures, 'mia', CURRENT_TIMESTAMP, :instance)""")
        .param("day", closedOn).param("measures", "Engere Begleitung für " + lastName)
        .param("instance", "qa-" + tag).update();
    List<String> needles = List.of(lastName, guarantorPhone1, guarantorPhone2, contactNote, outreachNote, writeOffNote);
    // the scan finds what it looks for: before erasure the name is in our tables and the engine's
    assertThat(hits(lastName)).contains("applicant.last_name", "loan_document_content.content")
        .anyMatch(hit -> hit.startsWith("act_hi_varinst") || hit.startsWith("act_hi_detail"));
    assertThat(hits(guarantorPhone1)).contains("guarantor.contact");
    assertThat(hits(contactNote)).contains("borrower_contact.notes");
    assertThat(hits(outreachNote)).contains("outreach_contact.notes");

    LocalDate asOf = LocalDate.of(2034, 12, 31);
    LocalDate midLife = closedOn.minusDays(20);
    var reportBefore = portfolio.reportAsOf(asOf);
    var midLifeBefore = portfolio.reportAsOf(midLife);
    var indicatorsBefore = indicators.indicators(asOf, LocalDate.of(2034, 1, 1));

    // the day before the retention ends (31.12. of the tenth year after closing): nothing goes, even when asked
    LocalDate erasableFrom = LocalDate.of(closedOn.getYear() + 11, 1, 1);
    setDay(erasableFrom.minusDays(1));
    runErasureUntilNothingIsDue();
    assertThat(erasure.eraseLoan(reference, "admin").outcome()).isEqualTo(CaseErasure.Outcome.NOT_DUE);
    assertThat(hits(lastName)).contains("applicant.last_name", "quality_assurance_measure.measures");

    // on the day: the nightly run erases it
    setDay(erasableFrom);
    runErasureUntilNothingIsDue();
    for (String needle : needles) {
      assertThat(hits(needle)).as("columns still holding " + needle).isEmpty();
    }
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    // the audit trail keeps who decided what (it never held the person) and says when the data went
    assertThat(auditTrail.of(reference)).extracting(AuditEntryView::action)
        .contains(AuditAction.COMMITTEE_DECISION, AuditAction.PERSONAL_DATA_ERASED);
    assertThat(auditTrail.verify(reference).intact()).isTrue();
    assertThat(jdbc.sql("SELECT file_name FROM loan_document WHERE loan_id = :id").param("id", loanId)
        .query(String.class).single()).isEqualTo(PersonalDataRepository.ERASED);
    var erased = jdbc.sql("""
            SELECT l.state, l.amount, l.closed_on, l.quarter_code, a.last_name FROM loan l
            JOIN applicant a ON a.id = l.applicant_id WHERE l.reference = :r""")
        .param("r", reference).query().singleRow();
    assertThat(erased).containsEntry("state", "WRITTEN_OFF").containsEntry("quarter_code", "offenbach")
        .containsEntry("last_name", PersonalDataRepository.ERASED);
    assertThat((BigDecimal) erased.get("amount")).isEqualByComparingTo("5000.00");
    // the figures add up as before
    assertThat(portfolio.reportAsOf(asOf)).isEqualTo(reportBefore);
    assertThat(portfolio.reportAsOf(midLife)).isEqualTo(midLifeBefore);
    assertThat(indicators.indicators(asOf, LocalDate.of(2034, 1, 1))).isEqualTo(indicatorsBefore);
    // logged: who (the system), what (the loan, the rule), when; never the data
    List<String> log = jdbc.sql("SELECT action || '|' || COALESCE(actor, '-') || '|' || COALESCE(details, '') FROM data_protection_log WHERE loan_reference = :r ORDER BY id")
        .param("r", reference).query(String.class).list();
    assertThat(log).anyMatch(entry -> entry.startsWith("ERASURE_REFUSED|admin|rule=BOOKKEEPING"))
        .anyMatch(entry -> entry.startsWith("ERASURE|-|rule=BOOKKEEPING"));

    // a loan still being repaid is never touched, however old
    assertThat(jdbc.sql("SELECT state FROM loan WHERE reference = :r").param("r", active).query(String.class).single())
        .isEqualTo("ACTIVE");
    assertThat(erasure.eraseLoan(active, "admin").outcome()).isEqualTo(CaseErasure.Outcome.NOT_DUE);
    assertThat(hits(activeName)).contains("applicant.last_name");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(active).count()).isPositive();

    // a second run, and a second request, change nothing
    var rowsBefore = caseRows(loanId);
    int logBefore = log.size();
    runErasureUntilNothingIsDue();
    assertThat(erasure.eraseLoan(reference, null).outcome()).isEqualTo(CaseErasure.Outcome.ALREADY_ERASED);
    assertThat(caseRows(loanId)).isEqualTo(rowsBefore);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM data_protection_log WHERE loan_reference = :r").param("r", reference)
        .query(Integer.class).single()).isEqualTo(logBefore);
  }

  @Test
  void shouldEraseAnApplicationWithoutLoanAndAContactWithoutApplicationAfterSixMonthsAndNeverARunningCase() {
    LocalDate ended = LocalDate.of(2036, 3, 1);
    setDay(ended);
    ProcessInstance advised = startApplication(lastName);
    complete(task(advised), withVariables("adviceOutcome", "OTHER_FINANCING"));
    BpmnAwareTests.assertThat(advised).isEnded();
    String advisedReference = advised.getBusinessKey();
    ProcessInstance contact = startOutreach("ENDED");
    BpmnAwareTests.assertThat(contact).isEnded();
    String runningName = "Laufend" + tag;
    ProcessInstance running = startApplication(runningName);
    String runningReference = running.getBusinessKey();
    // the engine's own clock: the ended application's history is due on the same day as our rows
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(advised.getId()).singleResult()
        .getRemovalTime()).isEqualTo(Date.from(ended.plusMonths(6).atStartOfDay(BERLIN).toInstant()));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(contact.getId()).singleResult()
        .getRemovalTime()).isEqualTo(Date.from(ended.plusMonths(6).atStartOfDay(BERLIN).toInstant()));

    setDay(ended.plusMonths(6).minusDays(1));
    runErasureUntilNothingIsDue();
    assertThat(hits(lastName)).contains("applicant.last_name");
    assertThat(hits(outreachNote)).contains("outreach_contact.notes");

    setDay(ended.plusMonths(6));
    runErasureUntilNothingIsDue();
    assertThat(hits(lastName)).isEmpty();
    assertThat(hits(outreachNote)).isEmpty();
    assertThat(jdbc.sql("SELECT state FROM loan WHERE reference = :r").param("r", advisedReference)
        .query(String.class).single()).isEqualTo("ENDED_BY_ADVICE");

    // years later, the application still open is untouched, in our tables and the engine's
    setDay(ended.plusYears(20));
    runErasureUntilNothingIsDue();
    assertThat(erasure.eraseLoan(runningReference, "admin").outcome()).isEqualTo(CaseErasure.Outcome.NOT_DUE);
    assertThat(hits(runningName)).contains("applicant.last_name");
    BpmnAwareTests.assertThat(running).isWaitingAt(LoanApplicationProcess.Activities.ADVISE);
    assertThat(runtime.getVariable(running.getId(), "applicantLastName")).isEqualTo(runningName);
    runtime.deleteProcessInstance(running.getId(), "test done");
  }

  // --- the case, through the real processes ---

  private String writtenOffLoan() {
    // the advisor meets the person (outreach), captures the application with the form
    ProcessInstance outreach = startOutreach("APPLICATION");
    String capture = task(outreach).getId();
    asAnna(() -> tasks.complete(capture, application(lastName)));
    String reference = jdbc.sql("SELECT loan_reference FROM outreach_contact WHERE process_instance_id = :pi")
        .param("pi", outreach.getId()).query(String.class).single();
    ProcessInstance applicationInstance = runtime.createProcessInstanceQuery()
        .processDefinitionKey(LoanApplicationProcess.KEY).processInstanceBusinessKey(reference).singleResult();
    String advice = task(applicationInstance).getId();
    asAnna(() -> tasks.complete(advice, withVariables("adviceOutcome", "CONTINUE", "businessPotential", "HIGH",
        "handicapMigration", true, "commercialPurpose", true, "expectedMonthlyProfit", 1800L, "jobsCreatedOrKept", 2L)));
    BpmnAwareTests.assertThat(applicationInstance).isWaitingAt(LoanApplicationProcess.Activities.GUARANTOR_CHECK);
    ProcessInstance guarantorCheck = calledProcessInstance("guarantor-check", applicationInstance);
    String guarantors = task(guarantorCheck).getId();
    asAnna(() -> tasks.complete(guarantors, withVariables("guarantorDecision", "RECORDED",
        "guarantor1Name", "Bürge Eins " + lastName, "guarantor1Contact", guarantorPhone1, "guarantor1Amount", 1500L,
        "guarantor2Name", "Bürgin Zwei " + lastName, "guarantor2Contact", guarantorPhone2, "guarantor2Amount", 1000L)));
    execute(job(guarantorCheck));
    ProcessInstance committee = calledProcessInstance("committee-decision", applicationInstance);
    complete(task(committee), withVariables(
        "templateImprovesSituation", "Ja: eigenes Einkommen.", "templateCanRepay", "Ja: Rate tragbar.",
        "templateRecommendation", "APPROVE"));
    complete(task(committee), withVariables("committeeDecision", "APPROVE",
        "committeeDecisionReason", "Tragfähig, " + lastName + " überzeugt.", "votesFor", 3L, "votesAgainst", 0L,
        "abstentions", 0L, "missingDocumentsReason", "Ausweis von " + lastName + " im Original gesehen."));
    execute(job(committee));
    ProcessInstance bank = calledProcessInstance("bank-contract", applicationInstance);
    execute(job(bank));
    String today = LocalDate.now(clock).toString();
    complete(task(bank), withVariables("contractNumber", "GLS-" + tag, "contractSignedOn", today));
    complete(task(bank), withVariables("disbursedOn", today, "disbursedAmount", 5000.0d));
    execute(job(applicationInstance));
    BpmnAwareTests.assertThat(applicationInstance).isEnded();
    ProcessInstance servicing = runtime.createProcessInstanceQuery().processDefinitionKey(LoanServicingProcess.KEY)
        .processInstanceBusinessKey(reference).singleResult();

    // the monthly contact, with notes
    Job monthly = management.createJobQuery().processInstanceId(servicing.getId()).timers()
        .activityId(LoanServicingProcess.Activities.MONTHLY_CONTACT_DUE).singleResult();
    ClockUtil.setCurrentTime(monthly.getDuedate());
    management.executeJob(monthly.getId());
    engine().runAsyncJobs(servicing);
    tasks.complete(tasks(servicing, LoanServicingProcess.Activities.MONTHLY_CONTACT).get(0).getId(),
        withVariables("contactChannel", "PHONE", "contactOutcome", "DIFFICULTIES", "businessSituation", "STRAINED",
            "contactNotes", contactNote, "contactedOn", LocalDate.now(clock).toString()));

    // the first instalment is missed, nothing is paid within the default period: written off
    LocalDate due = jdbc.sql("""
            SELECT MIN(l.due_on) FROM repayment_schedule s JOIN repayment_schedule_line l ON l.schedule_id = s.id
            JOIN loan n ON n.id = s.loan_id WHERE n.reference = :r AND s.current""")
        .param("r", reference).query(LocalDate.class).single();
    setDay(due);
    Map<String, Object> missed = new LinkedHashMap<>();
    missed.put("eventId", "EV-" + UUID.randomUUID());
    missed.put("loanReference", reference);
    missed.put("type", "INSTALMENT_MISSED");
    missed.put("amount", jdbc.sql("""
            SELECT l.instalment FROM repayment_schedule s JOIN repayment_schedule_line l ON l.schedule_id = s.id
            JOIN loan n ON n.id = s.loan_id WHERE n.reference = :r AND s.current AND l.instalment_no = 1""")
        .param("r", reference).query(BigDecimal.class).single());
    missed.put("valueDate", due.toString());
    assertThat(bankEvent(missed)).isEqualTo(HttpStatus.OK);
    engine().runAsyncJobs(servicing);
    Job defaultTimer = management.createJobQuery().processInstanceId(servicing.getId()).timers()
        .activityId(LoanServicingProcess.Activities.DEFAULT_PERIOD_EXPIRED).singleResult();
    ClockUtil.setCurrentTime(defaultTimer.getDuedate());
    management.executeJob(defaultTimer.getId());
    engine().runAsyncJobs(servicing);
    tasks.complete(tasks(servicing, LoanServicingProcess.Activities.CALL_ON_GUARANTORS).get(0).getId(),
        withVariables("guarantor1Paid", 0L, "guarantor2Paid", 0L));
    tasks.complete(tasks(servicing, LoanServicingProcess.Activities.WRITE_OFF).get(0).getId(),
        withVariables("writeOffConfirmed", true, "writeOffNote", writeOffNote));
    tasks.complete(tasks(servicing, LoanServicingProcess.Activities.APPROVE_WRITE_OFF).get(0).getId(),
        withVariables("writeOffDecision", "APPROVE"));
    engine().runAsyncJobs(servicing);
    BpmnAwareTests.assertThat(servicing).isEnded();
    return reference;
  }

  private void asAnna(Runnable work) {
    identity.setAuthentication("anna", List.of("advisors-offenbach"));
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A loan the bank signed and disbursed (reported over the bank events API), now in repayment. */
  private String activeLoan(String last) {
    ProcessInstance application = startApplication(last);
    String reference = application.getBusinessKey();
    runtime.deleteProcessInstance(application.getId(), "approved outside the test's view");
    jdbc.sql("UPDATE loan SET state = 'APPROVED', approved_on = :today, reserved_principal = amount, liable_party = 'LOCAL_FUND' WHERE reference = :r")
        .param("today", LocalDate.now(clock)).param("r", reference).update();
    ProcessInstance contract = runtime.createProcessInstanceByKey("bank-contract").businessKey(reference)
        .setVariables(Map.of("loanReference", reference, "advisorGroup", "advisors-offenbach")).execute();
    engine().runAsyncJobs(contract);
    Map<String, Object> signed = new LinkedHashMap<>(Map.of("eventId", "EV-" + UUID.randomUUID(), "loanReference",
        reference, "type", "CONTRACT_SIGNED", "valueDate", LocalDate.now(clock).toString(), "contractNumber", "GLS-A" + tag));
    assertThat(bankEvent(signed)).isEqualTo(HttpStatus.OK);
    assertThat(bankEvent(new LinkedHashMap<>(Map.of("eventId", "EV-" + UUID.randomUUID(), "loanReference", reference,
        "type", "DISBURSED", "amount", new BigDecimal("5000.00"), "valueDate", LocalDate.now(clock).toString()))))
        .isEqualTo(HttpStatus.OK);
    return reference;
  }

  private ProcessInstance startApplication(String last) {
    identity.setAuthentication("anna", List.of("advisors-offenbach"));
    try {
      return runtime.startProcessInstanceByKey(LoanApplicationProcess.KEY, application(last));
    } finally {
      identity.clearAuthentication();
    }
  }

  private ProcessInstance startOutreach(String outcome) {
    identity.setAuthentication("anna", List.of("advisors-offenbach"));
    try {
      return runtime.startProcessInstanceByKey(OutreachProcess.KEY, outreachContact(outcome));
    } finally {
      identity.clearAuthentication();
    }
  }

  private Map<String, Object> outreachContact(String outcome) {
    Map<String, Object> v = new HashMap<>();
    v.put("quarterCode", "offenbach");
    v.put("contactType", "SHOP_VISIT");
    v.put("contactPerson", "Kontakt " + lastName);
    v.put("businessName", "Laden " + lastName);
    v.put("contactOutcome", outcome);
    v.put("contactNotes", outreachNote);
    if ("REFERRED_TO_ADVICE".equals(outcome)) {
      v.put("referralOffer", "Buchführungsseminar");
    }
    return v;
  }

  private Map<String, Object> application(String last) {
    Map<String, Object> v = new HashMap<>();
    v.put("applicantFirstName", "Ilka");
    v.put("applicantLastName", last);
    v.put("applicantEmail", last.toLowerCase() + "@example.org");
    v.put("applicantPhone", "069 9" + digits(tag, 6));
    v.put("sgb2Recipient", false);
    v.put("businessName", "Laden " + last);
    v.put("businessStage", "NEW_FOUNDER");
    v.put("businessSector", "Einzelhandel");
    v.put("businessStreet", last + "-Straße 1");
    v.put("businessPostalCode", "63065");
    v.put("businessCity", "Offenbach am Main");
    v.put("quarterCode", "offenbach");
    v.put("loanPurpose", "Ladeneinrichtung für " + last);
    v.put("commercialPurpose", true);
    v.put("loanAmount", 5000L);
    return v;
  }

  /** A document as helper A's upload stores it: a row and its bytes (a PDF naming the borrower). */
  private void insertDocument(long loanId) {
    byte[] pdf = ("%PDF-1.4\n% Personalausweis " + lastName + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    long id = jdbc.sql("""
            INSERT INTO loan_document (loan_id, stage, document_type, file_name, content_type, size_bytes, sha256,
                                       storage, uploaded_by, uploaded_at)
            VALUES (:loan, 'APPLICATION', 'ID_DOCUMENT', :name, 'application/pdf', :size, :sha, 'DATABASE', 'anna',
                    CURRENT_TIMESTAMP) RETURNING id""")
        .param("loan", loanId).param("name", "ausweis-" + lastName + ".pdf").param("size", pdf.length)
        .param("sha", "0".repeat(64)).query(Long.class).single();
    jdbc.sql("INSERT INTO loan_document_content (document_id, content) VALUES (:id, :content)")
        .param("id", id).param("content", pdf).update();
  }

  // --- the scan ---

  /** Every text, varchar and bytea column of every table in the schema (ours and ACT_*) that holds the needle. */
  private List<String> hits(String needle) {
    List<String> found = new ArrayList<>();
    List<Map<String, Object>> columns = jdbc.sql("""
            SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
              AND c.data_type IN ('text', 'character varying', 'character', 'bytea')
            ORDER BY c.table_name, c.column_name""").query().listOfRows();
    assertThat(columns).hasSizeGreaterThan(100);
    for (Map<String, Object> column : columns) {
      String table = (String) column.get("table_name");
      String name = (String) column.get("column_name");
      String condition = "bytea".equals(column.get("data_type"))
          ? "position(convert_to(:needle, 'UTF8') in \"" + name + "\") > 0"
          : "strpos(lower(\"" + name + "\"), lower(:needle)) > 0";
      long count = jdbc.sql("SELECT COUNT(*) FROM \"" + table + "\" WHERE " + condition)
          .param("needle", needle).query(Long.class).single();
      if (count > 0) {
        found.add(table + "." + name);
      }
    }
    return found;
  }

  private Map<String, List<Map<String, Object>>> caseRows(long loanId) {
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    for (String table : List.of("guarantor", "borrower_contact", "committee_decision", "intervention",
        "contact_obligation", "loan_document", "repayment_schedule", "loss_allocation", "loan_principal_movement")) {
      rows.put(table, jdbc.sql("SELECT * FROM " + table + " WHERE loan_id = :id ORDER BY id").param("id", loanId)
          .query().listOfRows());
    }
    rows.put("loan", jdbc.sql("SELECT * FROM loan WHERE id = :id").param("id", loanId).query().listOfRows());
    return rows;
  }

  // --- the nightly erasure, as the job executor runs it ---

  /** Fires the nightly timer and its job until a run erases nothing (a run handles at most a batch). */
  private void runErasureUntilNothingIsDue() {
    for (int run = 0; run < 50; run++) {
      Job timer = management.createJobQuery().processDefinitionKey(DataProtectionErasureProcess.KEY).timers()
          .singleResult();
      assertThat(timer).as("the nightly erasure's timer").isNotNull();
      management.executeJob(timer.getId());
      List<Job> runs = management.createJobQuery().processDefinitionKey(DataProtectionErasureProcess.KEY).messages()
          .executable().list();
      assertThat(runs).as("the asynchronous erasure job").isNotEmpty();
      long erased = 0;
      for (Job job : runs) {
        management.executeJob(job.getId());
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(job.getProcessInstanceId())
            .activityId(DataProtectionErasureProcess.Activities.ERASURE_DONE).finished().count()).isEqualTo(1);
        erased += ((Number) history.createHistoricVariableInstanceQuery().processInstanceId(job.getProcessInstanceId())
            .variableName(DataProtectionErasureProcess.Variables.ERASED_CASES).singleResult().getValue()).longValue();
      }
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DataProtectionErasureProcess.KEY).count())
          .isZero();
      if (erased == 0) {
        return;
      }
    }
    throw new AssertionError("the erasure still finds due cases after 50 runs");
  }

  private HttpStatus bankEvent(Map<String, Object> event) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    try {
      return HttpStatus.valueOf(rest.withBasicAuth("bernd", "demo").exchange("/api/bank/events", HttpMethod.POST,
          new HttpEntity<>(JSON.writeValueAsString(event), headers), String.class).getStatusCode().value());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Task> tasks(ProcessInstance instance, String activityId) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).list();
  }

  private EngineDriver engine() {
    return new EngineDriver(management, runtime);
  }

  private static void setDay(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(day.atTime(10, 0), BERLIN).toInstant()));
  }

  private static String digits(String text, int length) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(Character.isDigit(c) ? c : (char) ('0' + (c % 10)));
    }
    while (out.length() < length) {
      out.append('7');
    }
    return out.substring(0, length);
  }
}
