package de.quartierskredit.bank;

import static de.quartierskredit.bank.BankEventFixtures.event;
import static de.quartierskredit.bank.BankEventType.INSTALMENT_PAID;
import static de.quartierskredit.bank.BankEventType.INSTALMENT_PARTLY_PAID;
import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.schedule.AnnuitySchedule;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dated history of the oldest unpaid instalment (loan_oldest_unpaid), from which the indicators
 * reconstruct days overdue as of any date: written when the schedule starts and when a booking completes
 * an instalment, with the payment's value date, in the booking's transaction.
 */
@QuartierskreditTest
class OldestUnpaidHistoryTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired LoanRepository loans;
  @Autowired RepaymentScheduleRepository schedules;
  @Autowired Clock clock;

  private BankEventFixtures fixtures;
  private String reference;

  @BeforeEach
  void activeLoan() {
    fixtures = new BankEventFixtures(loans, schedules, jdbc, rest);
    reference = fixtures.activeLoan(LocalDate.now(clock));
  }

  private LocalDate due(int instalment) {
    return fixtures.due(reference, instalment);
  }

  private void pay(String amount, LocalDate valueDate) {
    var type = amount.equals("100.00") ? INSTALMENT_PAID : INSTALMENT_PARTLY_PAID;
    assertThat(fixtures.post("bernd", event(reference, type, amount, valueDate)).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  /** The rows as "valid_from..valid_to: due", oldest first. */
  private List<String> history() {
    return jdbc.sql("""
            SELECT h.valid_from, h.valid_to, h.oldest_unpaid_due_on FROM loan_oldest_unpaid h
            JOIN loan l ON l.id = h.loan_id WHERE l.reference = :r ORDER BY h.valid_from""")
        .param("r", reference)
        .query((rs, row) -> rs.getObject(1, LocalDate.class) + ".." + rs.getObject(2, LocalDate.class) + ": "
            + rs.getObject(3, LocalDate.class))
        .list();
  }

  @Test
  void shouldStartWithTheFirstInstalmentAndMoveOnlyWhenAnInstalmentIsPaidInFull() {
    assertThat(history()).containsExactly(due(1) + "..null: " + due(1));

    pay("100.00", due(1));
    pay("50.00", due(2));
    assertThat(history()).as("a payment on the first day changes the row from its start; a partial one nothing")
        .containsExactly(due(1) + "..null: " + due(2));

    pay("50.00", due(2).plusDays(40));
    assertThat(history()).containsExactly(
        due(1) + ".." + due(2).plusDays(40) + ": " + due(2),
        due(2).plusDays(40) + "..null: " + due(3));
  }

  @Test
  void shouldNeverRewriteAClosedRowWhenALatePaymentCarriesAnOldValueDate() {
    pay("100.00", due(1).plusDays(45));
    pay("100.00", due(1).plusDays(10));

    // the second payment's value date lies before the open row's start: the open row takes it from its start
    assertThat(history()).containsExactly(
        due(1) + ".." + due(1).plusDays(45) + ": " + due(1),
        due(1).plusDays(45) + "..null: " + due(3));
  }

  @Test
  void shouldStartARescheduledPlanOnTheDayItIsStored() {
    LocalDate firstDue = due(1);
    LocalDate today = LocalDate.now(clock);
    long loanId = loans.findByReference(reference).orElseThrow().id();

    schedules.storeNewVersion(loanId, new BigDecimal("1200.00"), BigDecimal.ZERO, "Tilgungsplanänderung",
        AnnuitySchedule.calculate(new AnnuitySchedule.Terms(new BigDecimal("1200.00"), BigDecimal.ZERO, 12,
            today.plusMonths(1))));

    assertThat(history()).containsExactly(
        firstDue + ".." + today + ": " + firstDue,
        today + "..null: " + today.plusMonths(1));
  }
}
