package de.quartierskredit.bank;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanTestStates;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.schedule.AnnuitySchedule;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import de.quartierskredit.schedule.ScheduleLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Loans in a given state, bank events and the database sums the bank events tests compare. */
final class BankEventFixtures {

  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final LoanRepository loans;
  private final RepaymentScheduleRepository schedules;
  private final JdbcClient jdbc;
  private final TestRestTemplate rest;

  BankEventFixtures(LoanRepository loans, RepaymentScheduleRepository schedules, JdbcClient jdbc,
      TestRestTemplate rest) {
    this.loans = loans;
    this.schedules = schedules;
    this.jdbc = jdbc;
    this.rest = rest;
  }

  Loan register(BigDecimal amount) {
    return loans.register(new NewApplication("Emre", "Yilmaz", "emre@example.org", "069 555", false,
        "Imbiss Yilmaz", BusinessStage.EXISTING, "Gastronomie", "Frankfurter Str. 10", "63067", "Offenbach",
        "offenbach", "Neue Fritteuse", amount));
  }

  /** An ACTIVE loan of 1,200.00 EUR at 0 %: twelve lines of 100.00, the first due five months before today. */
  String activeLoan(LocalDate today) {
    return activeLoan(today, new BigDecimal("1200.00"), BigDecimal.ZERO, 12);
  }

  String activeLoan(LocalDate today, BigDecimal amount, BigDecimal rate, int months) {
    Loan loan = register(amount);
    LoanTestStates.activate(loans, loan.reference());
    LocalDate disbursedOn = today.minusMonths(6);
    jdbc.sql("UPDATE loan SET outstanding_principal = amount, disbursed_on = :d WHERE id = :id")
        .param("d", disbursedOn).param("id", loan.id()).update();
    schedules.storeNewVersion(loan.id(), amount, rate, "Auszahlung", AnnuitySchedule.calculate(
        new AnnuitySchedule.Terms(amount, rate, months, disbursedOn.plusMonths(1))));
    return loan.reference();
  }

  List<ScheduleLine> lines(String reference) {
    return schedules.findCurrent(loans.findByReference(reference).orElseThrow().id()).orElseThrow().lines();
  }

  LocalDate due(String reference, int instalmentNo) {
    return lines(reference).get(instalmentNo - 1).dueOn();
  }

  static Map<String, Object> event(String reference, BankEventType type, String amount, LocalDate valueDate) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventId", "EV-" + UUID.randomUUID());
    event.put("loanReference", reference);
    event.put("type", type.name());
    if (amount != null) {
      event.put("amount", new BigDecimal(amount));
    }
    event.put("valueDate", valueDate.toString());
    return event;
  }

  ResponseEntity<String> post(String user, Object body) {
    try {
      return postRaw(user, body instanceof String text ? text : JSON.writeValueAsString(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  ResponseEntity<String> postRaw(String user, String json) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var client = user == null ? rest : rest.withBasicAuth(user, "demo");
    return client.exchange("/api/bank/events", HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
  }

  /** What the ledger holds for a loan, to compare before and after an event. */
  record Books(BigDecimal paid, BigDecimal outstanding, boolean disturbed, LocalDate disturbedSince,
      List<String> lineStates, long events) {}

  Books books(String reference) {
    var loan = jdbc.sql("""
            SELECT id, outstanding_principal, disturbed, disturbed_since FROM loan WHERE reference = :r""")
        .param("r", reference)
        .query((rs, row) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2), rs.getBoolean(3),
            rs.getObject(4, LocalDate.class)})
        .single();
    BigDecimal paid = jdbc.sql("""
            SELECT COALESCE(SUM(l.paid_amount), 0) FROM repayment_schedule_line l
            JOIN repayment_schedule s ON s.id = l.schedule_id WHERE s.loan_id = :loan""")
        .param("loan", loan[0]).query(BigDecimal.class).single();
    List<String> states = jdbc.sql("""
            SELECT l.state FROM repayment_schedule_line l JOIN repayment_schedule s ON s.id = l.schedule_id
            WHERE s.loan_id = :loan AND s.current = TRUE ORDER BY l.instalment_no""")
        .param("loan", loan[0]).query(String.class).list();
    long events = jdbc.sql("SELECT count(*) FROM bank_event WHERE loan_reference = :r")
        .param("r", reference).query(Long.class).single();
    return new Books(paid, (BigDecimal) loan[1], (Boolean) loan[2], (LocalDate) loan[3], states, events);
  }
}
