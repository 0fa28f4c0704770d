package de.quartierskredit.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanHistory;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /api/portfolio/indicators} over a portfolio built by hand in 2005 (a year no other test uses):
 * one Offenbach loan per edge (due today, 30, 31, 90 and 91 days overdue, rescheduled but current,
 * written off, repaid) and one outside the quarters, with every figure worked out by hand.
 */
@QuartierskreditTest
class IndicatorsApiTest {

  static final LocalDate AS_OF = LocalDate.of(2005, 6, 15);
  static final LocalDate DISBURSED = LocalDate.of(2005, 1, 1);
  private static boolean built;

  @Autowired TestRestTemplate rest;
  @Autowired LoanRepository loans;
  @Autowired LoanHistory history;
  @Autowired JdbcClient jdbc;
  @Autowired IndicatorsService indicators;

  @BeforeEach
  void buildPortfolioOnce() {
    if (built) {
      return;
    }
    built = true;
    var build = new HandBuiltPortfolio(loans, jdbc);
    Loan dueToday = overdue(build, "500.00", AS_OF);
    Loan day30 = overdue(build, "1000.00", AS_OF.minusDays(30));
    Loan day31 = overdue(build, "2000.00", AS_OF.minusDays(31));
    overdue(build, "3000.00", AS_OF.minusDays(90));
    overdue(build, "4000.00", AS_OF.minusDays(91));
    Loan rescheduled = overdue(build, "5000.00", AS_OF.plusDays(10));
    // overdue before its rescheduling on 1 Mar, current since
    jdbc.sql("""
            INSERT INTO loan_reschedule_request (loan_id, kind, reason, status, submitted_on, based_on_version,
                principal, annual_rate, first_due_on, instalments, instalment, approved_on, process_instance_id, created_at)
            VALUES (:loan, 'PAYMENT_PAUSE', 'Test', 'APPROVED', :on, 1, 5000, 0, :first, 10, 500, :on, :pi, :now)""")
        .param("loan", rescheduled.id()).param("on", LocalDate.of(2005, 3, 1)).param("first", AS_OF.plusDays(10))
        .param("pi", "test-" + rescheduled.reference()).param("now", LocalDateTime.now()).update();

    Loan writtenOff = build.activeLoanWithoutRepayment("offenbach", "6000.00", LocalDate.of(2004, 1, 1));
    build.repay(writtenOff, LocalDate.of(2004, 9, 1), "1000.00");
    movement(writtenOff, LocalDate.of(2005, 2, 1), "-5000.00", "WRITE_OFF");
    jdbc.sql("UPDATE loan SET state = 'WRITTEN_OFF', closed_on = :on, applied_on = :applied WHERE id = :id")
        .param("on", LocalDate.of(2005, 2, 1)).param("applied", LocalDate.of(2003, 12, 1)).param("id", writtenOff.id())
        .update();
    loss(writtenOff, "LOCAL_FUND", "3000.00");
    loss(writtenOff, "NATIONAL_FUND", "2000.00");

    Loan repaid = build.activeLoanWithoutRepayment("offenbach", "1500.00", LocalDate.of(2004, 3, 1));
    build.repay(repaid, LocalDate.of(2005, 1, 10), "1500.00");
    jdbc.sql("UPDATE loan SET state = 'REPAID', closed_on = :on, applied_on = :applied WHERE id = :id")
        .param("on", LocalDate.of(2005, 1, 10)).param("applied", LocalDate.of(2004, 2, 1)).param("id", repaid.id())
        .update();
    schedule(repaid, LocalDate.of(2004, 10, 1), LocalDate.of(2004, 12, 1));

    overdue(build, "800.00", AS_OF.plusDays(5), null);

    // decisions: 20 and 40 days; disbursements: 31 and 61 days, the other four 30 days
    dates(dueToday, LocalDate.of(2004, 12, 1), LocalDate.of(2004, 12, 21));
    dates(day30, LocalDate.of(2004, 11, 1), LocalDate.of(2004, 12, 11));
    // advisors: anna serves dueToday and day30 (and the written-off loan, closed); nina took over day31
    participant(dueToday, "APPLICATION_RECORDED", "anna", 1);
    participant(day30, "ADVICE", "anna", 1);
    participant(writtenOff, "ADVICE", "anna", 1);
    participant(day31, "ADVICE", "anna", 1);
    participant(day31, "GUARANTORS_RECORDED", "nina", 2);
    contact(dueToday, "2005-03", LocalDate.of(2005, 3, 31), LocalDate.of(2005, 3, 31));
    contact(day30, "2005-04", LocalDate.of(2005, 4, 30), LocalDate.of(2005, 5, 1));
    contact(day30, "2005-05", LocalDate.of(2005, 5, 31), null);
    contact(day31, "2005-05", LocalDate.of(2005, 5, 31), LocalDate.of(2005, 5, 20));
    contact(dueToday, "2005-07", LocalDate.of(2005, 7, 31), null);
  }

  /**
   * An Offenbach loan (or outside, quarter null) disbursed on 1 Jan 2005: its first instalment, due on
   * 1 Feb, stays unpaid until 1 Mar; from then on the oldest unpaid instalment is due on {@code due}.
   */
  private Loan overdue(HandBuiltPortfolio build, String amount, LocalDate due) {
    return overdue(build, amount, due, "offenbach");
  }

  private Loan overdue(HandBuiltPortfolio build, String amount, LocalDate due, String quarter) {
    Loan loan = build.activeLoanWithoutRepayment(quarter, amount, DISBURSED);
    jdbc.sql("UPDATE loan SET applied_on = :on WHERE id = :id")
        .param("on", DISBURSED.minusDays(30)).param("id", loan.id()).update();
    history.oldestUnpaidInstalment(loan.id(), DISBURSED, LocalDate.of(2005, 2, 1));
    history.oldestUnpaidInstalment(loan.id(), LocalDate.of(2005, 3, 1), due);
    return loan;
  }

  private void movement(Loan loan, LocalDate on, String amount, String kind) {
    jdbc.sql("""
            INSERT INTO loan_principal_movement (loan_id, value_date, amount, kind, source, created_at)
            VALUES (:id, :on, :amount, :kind, :source, :now)""")
        .param("id", loan.id()).param("on", on).param("amount", new BigDecimal(amount)).param("kind", kind)
        .param("source", "test-" + java.util.UUID.randomUUID()).param("now", LocalDateTime.now()).update();
  }

  private void loss(Loan loan, String bearer, String amount) {
    jdbc.sql("""
            INSERT INTO loss_allocation (loan_id, bearer, amount, allocated_on, created_at)
            VALUES (:id, :bearer, :amount, :on, :now)""")
        .param("id", loan.id()).param("bearer", bearer).param("amount", new BigDecimal(amount))
        .param("on", LocalDate.of(2005, 2, 10)).param("now", LocalDateTime.now()).update();
  }

  /** A paid schedule of two lines of 750.00 principal (no interest). */
  private void schedule(Loan loan, LocalDate first, LocalDate second) {
    jdbc.sql("""
            INSERT INTO repayment_schedule (loan_id, version, reason, principal, annual_rate, current, created_at)
            VALUES (:id, 1, 'Auszahlung', 1500, 0, TRUE, :now)""")
        .param("id", loan.id()).param("now", LocalDateTime.of(2004, 3, 1, 9, 0)).update();
    long schedule = jdbc.sql("SELECT id FROM repayment_schedule WHERE loan_id = :id").param("id", loan.id())
        .query(Long.class).single();
    int no = 1;
    for (LocalDate due : List.of(first, second)) {
      jdbc.sql("""
              INSERT INTO repayment_schedule_line (schedule_id, instalment_no, due_on, principal, interest, instalment,
                  remaining_principal, paid_amount, state)
              VALUES (:s, :no, :due, 750, 0, 750, :rest, 750, 'PAID')""")
          .param("s", schedule).param("no", no).param("due", due).param("rest", no == 1 ? 750 : 0).update();
      no++;
    }
  }

  private void dates(Loan loan, LocalDate applied, LocalDate approved) {
    jdbc.sql("UPDATE loan SET applied_on = :applied, approved_on = :approved WHERE id = :id")
        .param("applied", applied).param("approved", approved).param("id", loan.id()).update();
  }

  private void participant(Loan loan, String step, String user, int minute) {
    jdbc.sql("""
            INSERT INTO loan_participant (loan_id, step, user_id, occurred_at)
            VALUES (:id, :step, :user, :at)""")
        .param("id", loan.id()).param("step", step).param("user", user)
        .param("at", LocalDateTime.of(2004, 12, 1, 10, minute)).update();
  }

  private void contact(Loan loan, String month, LocalDate due, LocalDate fulfilled) {
    jdbc.sql("""
            INSERT INTO contact_obligation (loan_id, contact_month, due_on, fulfilled_on, process_instance_id, created_at)
            VALUES (:id, :month, :due, :fulfilled, :pi, :now)""")
        .param("id", loan.id()).param("month", month).param("due", due).param("fulfilled", fulfilled)
        .param("pi", "test-" + loan.reference()).param("now", LocalDateTime.now()).update();
  }

  private JsonNode get(String user, String path) {
    ResponseEntity<String> response = RestAs.user(rest, user).get(path);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return RestAs.json(response);
  }

  private static JsonNode scope(JsonNode report, String scope) {
    for (JsonNode s : report.get("scopes")) {
      if (s.get("scope").asText().equals(scope)) {
        return s;
      }
    }
    throw new AssertionError("no scope " + scope);
  }

  @Nested
  class Figures {

    private final JsonNode offenbach() {
      return scope(get("monika", "/api/portfolio/indicators?asOf=" + AS_OF), "offenbach");
    }

    @Test
    void shouldCountDay31ButNotDay30InPar30AndTheRescheduledLoanEvenWhenCurrent() {
      JsonNode o = offenbach();

      assertThat(o.get("loansOutstanding").asInt()).isEqualTo(6);
      assertThat(o.get("grossPortfolio").decimalValue()).isEqualByComparingTo("15500.00");
      assertThat(o.at("/par30/loans").asInt()).isEqualTo(4);
      assertThat(o.at("/par30/principal").decimalValue()).isEqualByComparingTo("14000.00");
      assertThat(o.at("/par30/ratio").decimalValue()).isEqualByComparingTo("0.9032");
      assertThat(o.at("/par90/loans").asInt()).isEqualTo(2);
      assertThat(o.at("/par90/principal").decimalValue()).isEqualByComparingTo("9000.00");
      assertThat(o.at("/par90/ratio").decimalValue()).isEqualByComparingTo("0.5806");
      assertThat(o.at("/rescheduled/loans").asInt()).isEqualTo(1);
      assertThat(o.at("/rescheduled/principal").decimalValue()).isEqualByComparingTo("5000.00");
    }

    @Test
    void shouldAgeEveryOutstandingLoanByItsOldestUnpaidInstalment() {
      JsonNode aging = offenbach().get("aging");

      List<String> rows = new ArrayList<>();
      aging.forEach(a -> rows.add(a.get("bucket").asText() + " " + a.get("loans").asInt() + " "
          + a.get("principal").decimalValue().setScale(2).toPlainString()));
      assertThat(rows).containsExactly("CURRENT 2 5500.00", "D1_30 1 1000.00", "D31_60 1 2000.00",
          "D61_90 1 3000.00", "OVER_90 1 4000.00");
      assertThat(aging.get(1).get("label").asText()).isEqualTo("1–30 Tage");
    }

    @Test
    void shouldLeaveTheWrittenOffLoanOutOfTheGrossPortfolioButCountItsLoss() {
      JsonNode o = offenbach();

      assertThat(o.at("/ausfallquote/defaults").asInt()).isEqualTo(1);
      assertThat(o.at("/ausfallquote/loansGranted").asInt()).isEqualTo(8);
      assertThat(o.at("/ausfallquote/byLoansGranted").decimalValue()).isEqualByComparingTo("0.1250");
      assertThat(o.at("/ausfallquote/defaultedPrincipal").decimalValue()).isEqualByComparingTo("5000.00");
      assertThat(o.at("/ausfallquote/repaidPrincipal").decimalValue()).isEqualByComparingTo("2500.00");
      assertThat(o.at("/ausfallquote/byRepayments").decimalValue()).isEqualByComparingTo("2.0000");
      // month-ends Jul-Dec 2004: 7,500 7,500 6,500 6,500 6,500 6,500; Jan 20,500; Feb-May and the day 15,500
      assertThat(o.at("/writeOff/averageGrossPortfolio").decimalValue()).isEqualByComparingTo("11583.33");
      assertThat(o.at("/writeOff/principal").decimalValue()).isEqualByComparingTo("5000.00");
      assertThat(o.at("/writeOff/ratio").decimalValue()).isEqualByComparingTo("0.4317");
      assertThat(o.at("/losses/0/bearer").asText()).isEqualTo("LOCAL_FUND");
      assertThat(o.at("/losses/0/amount").decimalValue()).isEqualByComparingTo("3000.00");
      assertThat(o.at("/losses/0/rate").decimalValue()).isEqualByComparingTo("0.2590");
      assertThat(o.at("/losses/1/amount").decimalValue()).isEqualByComparingTo("0.00");
      assertThat(o.at("/losses/2/bearer").asText()).isEqualTo("NATIONAL_FUND");
      assertThat(o.at("/losses/2/rate").decimalValue()).isEqualByComparingTo("0.1727");
    }

    @Test
    void shouldCompareRepaymentsWithThePrincipalDueAndTimeTheCases() {
      JsonNode o = offenbach();

      assertThat(o.at("/repayment/due").decimalValue()).isEqualByComparingTo("1500.00");
      assertThat(o.at("/repayment/received").decimalValue()).isEqualByComparingTo("2500.00");
      assertThat(o.at("/repayment/rate").decimalValue()).isEqualByComparingTo("1.6667");
      assertThat(o.at("/durations/decisions").asInt()).isEqualTo(2);
      assertThat(o.at("/durations/daysToDecisionAverage").decimalValue()).isEqualByComparingTo("30.0");
      assertThat(o.at("/durations/daysToDecisionMedian").decimalValue()).isEqualByComparingTo("30.0");
      assertThat(o.at("/durations/disbursements").asInt()).isEqualTo(6);
      assertThat(o.at("/durations/daysToDisbursementAverage").decimalValue()).isEqualByComparingTo("35.3");
      assertThat(o.at("/durations/daysToDisbursementMedian").decimalValue()).isEqualByComparingTo("30.0");
    }

    @Test
    void shouldAddTheLoanOutsideTheQuartersToTheSystemOnly() {
      JsonNode report = get("monika", "/api/portfolio/indicators?asOf=" + AS_OF);

      assertThat(report.get("from").asText()).isEqualTo("2004-07-01");
      assertThat(report.get("scopes")).hasSize(8);
      assertThat(scope(report, "OUTSIDE").get("grossPortfolio").decimalValue()).isEqualByComparingTo("800.00");
      assertThat(report.at("/system/scope").asText()).isEqualTo("ALL");
      assertThat(report.at("/system/grossPortfolio").decimalValue()).isEqualByComparingTo("16300.00");
      assertThat(report.at("/system/par30/principal").decimalValue()).isEqualByComparingTo("14000.00");
    }

    @Test
    void shouldSeeTheRescheduledLoanOverdueBeforeItsRescheduling() {
      JsonNode before = scope(get("monika", "/api/portfolio/indicators?asOf=2005-02-28"), "offenbach");

      // on 28 Feb every Jan loan's oldest unpaid instalment (due 1 Feb) is 27 days overdue; none rescheduled yet
      assertThat(before.at("/rescheduled/loans").asInt()).isZero();
      assertThat(before.at("/aging/1/loans").asInt()).isEqualTo(6);
      assertThat(before.at("/par30/loans").asInt()).isZero();
    }

    @Test
    void shouldCountContactsOnTimePerAdvisorAndTheirCaseload() {
      JsonNode advisors = get("monika", "/api/portfolio/indicators?asOf=" + AS_OF).get("advisors");

      assertThat(advisors).hasSize(2);
      JsonNode anna = advisors.get(0);
      assertThat(anna.get("userId").asText()).isEqualTo("anna");
      assertThat(anna.get("name").asText()).isEqualTo("Anna Albrecht");
      assertThat(anna.get("quarterName").asText()).isEqualTo("Offenbach");
      assertThat(anna.get("caseload").asInt()).isEqualTo(2);
      assertThat(anna.get("contactsDue").asInt()).isEqualTo(3);
      assertThat(anna.get("contactsOnTime").asInt()).isEqualTo(1);
      assertThat(anna.get("onTimeRate").decimalValue()).isEqualByComparingTo("0.3333");
      assertThat(advisors.get(1).get("userId").asText()).isEqualTo("nina");
      assertThat(advisors.get(1).get("contactsOnTime").asInt()).isEqualTo(1);
    }
  }

  @Nested
  class WhoSeesWhat {

    @Test
    void shouldGiveAnAdvisorHerQuarterAndOnlyHerOwnRowEvenWhenSheAsksForAnother() {
      JsonNode report = get("anna", "/api/portfolio/indicators?asOf=" + AS_OF + "&quarter=leipzig&scope=ALL");

      assertThat(report.get("scopes")).hasSize(1);
      assertThat(report.at("/scopes/0/scope").asText()).isEqualTo("offenbach");
      assertThat(report.at("/system/scope").asText()).isEqualTo("offenbach");
      assertThat(report.at("/system/grossPortfolio").decimalValue()).isEqualByComparingTo("15500.00");
      assertThat(report.get("advisors").findValuesAsText("userId")).containsOnly("anna");
    }

    @Test
    void shouldShowNoAdvisorRowsToACommitteeMember() {
      JsonNode report = get("sven", "/api/portfolio/indicators?asOf=" + AS_OF);

      assertThat(report.get("scopes")).hasSize(1);
      assertThat(report.get("advisors")).isEmpty();
    }

    @Test
    void shouldRefuseTheBankAndTheMetricsScraper() {
      for (String user : List.of("bernd", "prometheus")) {
        for (String path : List.of("/api/portfolio/indicators", "/api/portfolio/pipeline", "/api/portfolio/trend")) {
          ResponseEntity<String> response = RestAs.user(rest, user).get(path);
          assertThat(response.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
          assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
        }
      }
    }

    @Test
    void shouldLimitTheTrendToTheAdvisorsQuarter() {
      JsonNode trend = get("anna", "/api/portfolio/trend?months=2");

      assertThat(trend.get("points")).hasSize(2);
      assertThat(trend.findValuesAsText("scope")).containsOnly("offenbach");
    }
  }

  @Nested
  class BadParameters {

    @Test
    void shouldAnswerAProblemInGermanForDatesThatAreNoDatesOrInTheWrongOrder() {
      assertProblem("/api/portfolio/indicators?asOf=15.06.2005", "asOf");
      assertProblem("/api/portfolio/indicators?asOf=2005-02-30", "asOf");
      assertProblem("/api/portfolio/indicators?asOf=2005-06-15&from=2005-06-16", "from");
      assertProblem("/api/portfolio/indicators?asOf=2005-06-15&from=1990-01-01", "from");
      assertProblem("/api/portfolio/pipeline?asOf=gestern", "asOf");
    }

    @Test
    void shouldAnswerAProblemForMonthsOutOfRange() {
      for (String months : List.of("0", "37", "-1", "zwölf", "99999999999")) {
        assertProblem("/api/portfolio/trend?months=" + months, "months");
      }
    }

    private void assertProblem(String path, String field) {
      ResponseEntity<String> response = RestAs.user(rest, "monika").get(path);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      JsonNode problem = RestAs.json(response);
      assertThat(problem.get("title").asText()).isEqualTo("Ungültige Eingabe");
      assertThat(problem.at("/errors/0/field").asText()).isEqualTo(field);
      assertThat(problem.at("/errors/0/message").asText()).doesNotContain("Exception", "LocalDate");
    }
  }

  @Test
  void shouldGiveTheTrendOfEveryScopeOnTheLastFifteenths() {
    JsonNode trend = get("monika", "/api/portfolio/trend?months=3");

    assertThat(trend.findValuesAsText("scope")).contains("ALL", "OUTSIDE", "offenbach");
    assertThat(trend.get("points")).hasSize(3 * 9);
    assertThat(trend.at("/points/0/reportingDate").asText()).endsWith("-15");
    assertThat(trend.at("/points/0/par30").decimalValue()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
  }
}
