package de.quartierskredit.bank;

import static de.quartierskredit.bank.BankEventFixtures.JSON;
import static de.quartierskredit.bank.BankEventFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.quartierskredit.bank.BankEventFixtures.Books;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import de.quartierskredit.support.QuartierskreditTest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bank event dated before the step it follows, or in the future, is refused with a 400 problem
 * naming {@code valueDate}, and the database stays exactly as it was: no booking, no state change,
 * no stored event, no history.
 */
@QuartierskreditTest
class BankEventDatesAttackTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired LoanRepository loans;
  @Autowired RepaymentScheduleRepository schedules;
  @Autowired Clock clock;

  private BankEventFixtures fixtures;
  private LocalDate today;

  @BeforeEach
  void fixtures() {
    fixtures = new BankEventFixtures(loans, schedules, jdbc, rest);
    today = LocalDate.now(clock);
  }

  @ParameterizedTest
  @EnumSource(value = BankEventType.class, names = {"INSTALMENT_PAID", "INSTALMENT_PARTLY_PAID", "INSTALMENT_MISSED"})
  void shouldRefuseAnInstalmentDatedYearsBeforeTheDisbursementAndBookNothing(BankEventType type) throws Exception {
    String reference = fixtures.activeLoan(today);
    LocalDate disbursedOn = disbursedOn(reference);
    Snapshot before = snapshot(reference);

    ResponseEntity<String> response = fixtures.post("bernd", event(reference, type, "100.00", disbursedOn.minusYears(3)));

    assertRefusedNamingTheValueDate(response);
    assertThat(snapshot(reference)).isEqualTo(before);
  }

  @Test
  void shouldRefuseAPaymentDatedTheDayBeforeTheDisbursementButBookOneOnTheDayItself() throws Exception {
    String reference = fixtures.activeLoan(today);
    LocalDate disbursedOn = disbursedOn(reference);
    Snapshot before = snapshot(reference);

    assertRefusedNamingTheValueDate(fixtures.post("bernd",
        event(reference, BankEventType.INSTALMENT_PAID, "100.00", disbursedOn.minusDays(1))));
    assertThat(snapshot(reference)).isEqualTo(before);

    ResponseEntity<String> onTheDay = fixtures.post("bernd",
        event(reference, BankEventType.INSTALMENT_PAID, "100.00", disbursedOn));
    assertThat(onTheDay.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(fixtures.books(reference).paid()).isEqualByComparingTo("100.00");
  }

  @Test
  void shouldRefuseAPaymentDatedTomorrowAndBookNothing() throws Exception {
    String reference = fixtures.activeLoan(today);
    Snapshot before = snapshot(reference);

    assertRefusedNamingTheValueDate(fixtures.post("bernd",
        event(reference, BankEventType.INSTALMENT_PAID, "100.00", today.plusDays(1))));
    assertThat(snapshot(reference)).isEqualTo(before);
  }

  @Test
  void shouldRefuseAContractSignedBeforeTheApproval() throws Exception {
    String reference = fixtures.register(new java.math.BigDecimal("5000.00")).reference();
    loans.transition(reference, Set.of(LoanState.APPLIED), LoanState.APPROVED, null);
    jdbc.sql("UPDATE loan SET approved_on = :d WHERE reference = :r").param("d", today.minusDays(5))
        .param("r", reference).update();
    Snapshot before = snapshot(reference);
    Map<String, Object> signed = event(reference, BankEventType.CONTRACT_SIGNED, null, today.minusDays(6));
    signed.put("contractNumber", "GLS-2026-7001");

    assertRefusedNamingTheValueDate(fixtures.post("bernd", signed));
    assertThat(snapshot(reference)).isEqualTo(before);
  }

  @Test
  void shouldRefuseADisbursementBeforeTheContractWasSigned() throws Exception {
    String reference = fixtures.register(new java.math.BigDecimal("5000.00")).reference();
    loans.transition(reference, Set.of(LoanState.APPLIED), LoanState.APPROVED, null);
    loans.transition(reference, Set.of(LoanState.APPROVED), LoanState.CONTRACTED, null);
    jdbc.sql("UPDATE loan SET contracted_on = :d WHERE reference = :r").param("d", today.minusDays(5))
        .param("r", reference).update();
    Snapshot before = snapshot(reference);

    assertRefusedNamingTheValueDate(fixtures.post("bernd",
        event(reference, BankEventType.DISBURSED, "5000.00", today.minusDays(6))));
    assertThat(snapshot(reference)).isEqualTo(before);
  }

  private LocalDate disbursedOn(String reference) {
    return jdbc.sql("SELECT disbursed_on FROM loan WHERE reference = :r").param("r", reference)
        .query(LocalDate.class).single();
  }

  /** The loan row as a whole, its ledger, its stored events and its dated history. */
  record Snapshot(Map<String, Object> loan, Books books, long history, long events) {}

  private Snapshot snapshot(String reference) {
    Map<String, Object> loan = jdbc.sql("SELECT * FROM loan WHERE reference = :r").param("r", reference)
        .query().singleRow();
    long loanId = ((Number) loan.get("id")).longValue();
    long history = jdbc.sql("""
            SELECT (SELECT count(*) FROM loan_principal_movement WHERE loan_id = :id)
                 + (SELECT count(*) FROM loan_disturbance_period WHERE loan_id = :id)""")
        .param("id", loanId).query(Long.class).single();
    long events = jdbc.sql("SELECT count(*) FROM bank_event").query(Long.class).single();
    Books books = fixtures.books(reference);
    return new Snapshot(loan, books, history, events);
  }

  private static void assertRefusedNamingTheValueDate(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    JsonNode problem = JSON.readTree(response.getBody());
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("valueDate");
  }
}
