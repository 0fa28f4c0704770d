package de.quartierskredit.loanfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.quartierskredit.bank.RepaymentStanding;
import de.quartierskredit.duties.LoanParticipants;
import de.quartierskredit.duties.Participation;
import de.quartierskredit.duties.Step;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded demo runs on H2: the loan file's SQL reads every section there too (column types,
 * upper-case labels), with a row in each table the file reads.
 */
class LoanFileOnH2Test {

  @Test
  void shouldReadEverySectionOnH2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:loanfile-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2")
        .load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    for (String sql : List.of(
        "INSERT INTO applicant (first_name, last_name, sgb2_recipient, created_at) VALUES ('Ece', 'Kara', TRUE, CURRENT_TIMESTAMP)",
        """
        INSERT INTO business (applicant_id, name, stage, sector, street, postal_code, city, quarter_code, created_at)
        SELECT id, 'Café Kara', 'NEW_FOUNDER', 'Gastronomie', 'Markt 1', '63065', 'Offenbach', 'offenbach', CURRENT_TIMESTAMP
        FROM applicant""",
        """
        INSERT INTO loan (reference, applicant_id, business_id, quarter_code, purpose, amount, requested_amount, state,
            liable_party, outstanding_principal, interest_rate, term_months, applied_on, approved_on, contracted_on,
            disbursed_on, bank_contract_number, eligibility_route, created_at, updated_at)
        SELECT 'QK-H2-7', a.id, b.id, 'offenbach', 'Espressomaschine', 4000, 5000, 'ACTIVE', 'LOCAL_FUND', 3800, 0.089,
               24, DATE '2026-01-05', DATE '2026-01-20', DATE '2026-02-01', DATE '2026-02-03', 'GLS-7', 'MICROCREDIT',
               CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
        FROM applicant a JOIN business b ON b.applicant_id = a.id""",
        "INSERT INTO guarantor (loan_id, name, contact, guaranteed_amount, created_at) SELECT id, 'Jonas Weber', '0151', 2000, CURRENT_TIMESTAMP FROM loan",
        "INSERT INTO guarantor (loan_id, name, contact, guaranteed_amount, created_at) SELECT id, 'Mia Kaya', 'x@y', 500, CURRENT_TIMESTAMP FROM loan",
        """
        INSERT INTO committee_decision (loan_id, decision, reason, amount, votes_for, votes_against, abstentions,
            decided_by, decided_at, missing_documents, missing_documents_reason)
        SELECT id, 'APPROVE', 'Gut', 4000, 3, 0, 0, 'sven', TIMESTAMP '2026-01-20 10:00:00', 'ID_DOCUMENT', 'liegt vor'
        FROM loan""",
        """
        INSERT INTO repayment_schedule (loan_id, version, reason, principal, annual_rate, current, created_at)
        SELECT id, 1, 'Auszahlung', 4000, 0.089, TRUE, TIMESTAMP '2026-02-03 12:00:00' FROM loan""",
        """
        INSERT INTO repayment_schedule_line (schedule_id, instalment_no, due_on, principal, interest, instalment,
            remaining_principal, paid_amount, state)
        SELECT id, 1, DATE '2026-03-03', 200, 30, 230, 3800, 230, 'PAID' FROM repayment_schedule""",
        """
        INSERT INTO repayment_schedule_line (schedule_id, instalment_no, due_on, principal, interest, instalment,
            remaining_principal, paid_amount, state)
        SELECT id, 2, DATE '2026-04-03', 200, 28, 228, 3600, 0, 'MISSED' FROM repayment_schedule""",
        """
        INSERT INTO bank_event (event_id, loan_reference, event_type, amount, value_date, payload, response_status,
            response_body, received_at)
        VALUES ('E1', 'QK-H2-7', 'INSTALMENT_MISSED', 228, DATE '2026-04-03', '{}', 200, '{}', TIMESTAMP '2026-04-03 09:00:00')""",
        """
        INSERT INTO borrower_contact (loan_id, contact_month, kind, channel, outcome, business_situation, notes,
            contacted_on, recorded_by, task_id, created_at)
        SELECT id, '2026-04', 'INTENSIVE', 'PHONE', 'PAYMENT_PROBLEM', 'STRAINED', 'Umsatz eingebrochen',
               DATE '2026-04-05', 'anna', 't1', CURRENT_TIMESTAMP FROM loan""",
        """
        INSERT INTO contact_obligation (loan_id, contact_month, due_on, overdue_reason, overdue_action,
            overdue_clarified_by, process_instance_id, created_at)
        SELECT id, '2026-03', DATE '2026-03-31', 'ADVISOR_ABSENT', 'Vertretung', 'mia', 'p1', CURRENT_TIMESTAMP FROM loan""",
        """
        INSERT INTO loan_warning (loan_id, raised_on, reasons, reasons_seen, changed_on, cleared_on, cleared_because,
            created_at)
        SELECT id, DATE '2026-03-20', 'NOT_REACHED', 'NOT_REACHED', DATE '2026-03-20', DATE '2026-04-03', 'DISTURBED',
               CURRENT_TIMESTAMP FROM loan""",
        """
        INSERT INTO intervention (loan_id, opened_on, disturbed_since, arrears, default_due_on, measures, next_step,
            plan_agreed_by, plan_agreed_on, process_instance_id, created_at, known_on)
        SELECT id, DATE '2026-04-03', DATE '2026-04-03', 228, DATE '2026-07-01', 'Pause', 'RESCHEDULE', 'mia',
               DATE '2026-04-06', 'p2', CURRENT_TIMESTAMP, DATE '2026-04-03' FROM loan""",
        """
        INSERT INTO loan_reschedule_request (loan_id, kind, reason, pause_months, status, submitted_on, submitted_by,
            based_on_version, principal, annual_rate, first_due_on, instalments, instalment, approved_on, decided_by,
            schedule_version, process_instance_id, created_at)
        SELECT id, 'PAYMENT_PAUSE', 'Baustelle', 2, 'APPROVED', DATE '2026-04-07', 'anna', 1, 3800, 0.089,
               DATE '2026-05-03', 22, 190, DATE '2026-04-08', 'mia', 2, 'p3', CURRENT_TIMESTAMP FROM loan""",
        """
        INSERT INTO loan_document (loan_id, stage, document_type, file_name, content_type, size_bytes, sha256, storage,
            uploaded_by, uploaded_at)
        SELECT id, 'APPLICATION', 'BUSINESS_PLAN', 'plan.pdf', 'application/pdf', 10, 'abc', 'DATABASE', 'anna',
               TIMESTAMP '2026-01-10 11:00:00' FROM loan""")) {
      jdbc.sql(sql).update();
    }
    RepaymentStanding standing = mock(RepaymentStanding.class);
    when(standing.of(anyLong(), any())).thenReturn(new RepaymentStanding.Standing(1, 2, new BigDecimal("228.00"),
        null, null));
    LoanParticipants participants = mock(LoanParticipants.class);
    when(participants.of("QK-H2-7")).thenReturn(List.of(
        new Participation(Step.APPLICATION_RECORDED, "anna", LocalDateTime.of(2026, 1, 5, 9, 0)),
        new Participation(Step.ADVICE, "anna", LocalDateTime.of(2026, 1, 8, 9, 0))));
    IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    when(identity.createUserQuery().userId(any()).singleResult()).thenReturn(null);

    LoanFile file = new LoanFileReader(jdbc, standing, participants, identity)
        .read("QK-H2-7", LocalDate.of(2026, 4, 10), Map.of("BUSINESS_PLAN", "Businessplan"));

    assertThat(file.applicant().name()).isEqualTo("Ece Kara");
    assertThat(file.business().quarter()).isEqualTo("Offenbach");
    assertThat(file.application().requestedAmount()).isEqualTo("5.000,00 EUR");
    assertThat(file.advice().result()).isEqualTo("Bedarf in der Beratung reduziert: von 5.000,00 EUR auf 4.000,00 EUR");
    assertThat(file.guarantors().ruleMet()).isTrue();
    assertThat(file.committeeDecisions().get(0).decidedOn()).isEqualTo("20.01.2026");
    assertThat(file.contract().interestRate()).isEqualTo("8,9 % jährlich");
    assertThat(file.schedule().lines()).extracting(LoanFile.ScheduleLine::inArrears).containsExactly(false, true);
    assertThat(file.repayment().arrears()).isEqualTo("228,00 EUR");
    assertThat(file.payments().get(0).type()).isEqualTo("Rate ausgefallen");
    assertThat(file.contacts().get(0).month()).isEqualTo("April 2026");
    assertThat(file.missedContacts().get(0).reason()).isEqualTo("Beratung abwesend / überlastet");
    assertThat(file.warnings().get(0).clearedBecause()).isEqualTo("in eine Zahlungsstörung übergegangen");
    assertThat(file.interventions().get(0).planAgreedBy()).isEqualTo("mia");
    assertThat(file.reschedulings().get(0).pauseMonths()).isEqualTo("2 Monate");
    assertThat(file.timeline()).extracting(LoanFile.TimelineEntry::step)
        .startsWith("Antragsaufnahme", "Beratung", "Unterlage hochgeladen: Businessplan", "Vergabeausschuss: bewilligt");
  }
}
