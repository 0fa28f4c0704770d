package de.quartierskredit.bank;

import static de.quartierskredit.bank.BankEventFixtures.JSON;
import static de.quartierskredit.bank.BankEventFixtures.event;
import static de.quartierskredit.bank.BankEventType.INSTALMENT_MISSED;
import static de.quartierskredit.bank.BankEventType.INSTALMENT_PAID;
import static de.quartierskredit.bank.BankEventType.INSTALMENT_PARTLY_PAID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.quartierskredit.bank.BankEventFixtures.Books;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/bank/events} for instalments on PostgreSQL: booking, access, errors, repeats, order. */
@QuartierskreditTest
class BankEventApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired LoanRepository loans;
  @Autowired RepaymentScheduleRepository schedules;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired Clock clock;

  private BankEventFixtures fixtures;
  private LocalDate today;
  private String reference;

  @BeforeEach
  void activeLoan() {
    fixtures = new BankEventFixtures(loans, schedules, jdbc, rest);
    today = LocalDate.now(clock);
    reference = fixtures.activeLoan(today);
  }

  private ResponseEntity<String> bank(Object event) {
    return fixtures.post("bernd", event);
  }

  private static JsonNode json(ResponseEntity<String> response) {
    try {
      return JSON.readTree(response.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private LocalDate due(int instalmentNo) {
    return fixtures.due(reference, instalmentNo);
  }

  private Books books() {
    return fixtures.books(reference);
  }

  @Test
  void shouldBookAPaidInstalmentAndAnswerWithTheLoansLedger() {
    Map<String, Object> event = event(reference, INSTALMENT_PAID, "100.00", due(1));

    ResponseEntity<String> response = bank(event);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getFirst(BankEventController.REPLAYED_HEADER)).isEqualTo("false");
    JsonNode answer = json(response);
    assertThat(answer.get("eventId").asText()).isEqualTo(event.get("eventId"));
    assertThat(answer.get("loanReference").asText()).isEqualTo(reference);
    assertThat(answer.get("loanState").asText()).isEqualTo("ACTIVE");
    assertThat(answer.get("outstandingPrincipal").decimalValue()).isEqualByComparingTo("1100.00");
    assertThat(answer.get("arrears").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(answer.get("disturbed").asBoolean()).isFalse();
    assertThat(answer.get("fullyRepaid").asBoolean()).isFalse();
    assertThat(books().lineStates()).startsWith("PAID", "OPEN");
    assertThat(books().outstanding()).isEqualByComparingTo("1100.00");
  }

  @Nested
  class Disturbance {

    @Test
    void shouldDisturbTheLoanOnAMissedInstalmentAndClearItWhenTheArrearsArePaid() {
      ResponseEntity<String> missed = bank(event(reference, INSTALMENT_MISSED, "100.00", due(1)));

      assertThat(missed.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(json(missed).get("arrears").decimalValue()).isEqualByComparingTo("100.00");
      assertThat(json(missed).get("disturbedSince").asText()).isEqualTo(due(1).toString());
      assertThat(books().disturbed()).isTrue();
      assertThat(books().disturbedSince()).isEqualTo(due(1));
      assertThat(books().lineStates()).startsWith("MISSED", "OPEN");

      ResponseEntity<String> partly = bank(event(reference, INSTALMENT_PARTLY_PAID, "40.00", due(1).plusDays(10)));
      assertThat(json(partly).get("arrears").decimalValue()).isEqualByComparingTo("60.00");
      assertThat(books().disturbedSince()).isEqualTo(due(1));
      assertThat(books().lineStates()).startsWith("PARTLY_PAID");

      ResponseEntity<String> rest = bank(event(reference, INSTALMENT_PAID, "60.00", due(1).plusDays(12)));
      assertThat(json(rest).get("disturbed").asBoolean()).isFalse();
      assertThat(json(rest).has("disturbedSince")).isFalse();
      assertThat(books().disturbed()).isFalse();
      assertThat(books().disturbedSince()).isNull();
      assertThat(books().lineStates()).startsWith("PAID", "OPEN");
    }

    @Test
    void shouldDisturbTheLoanWhenAPartialPaymentLeavesADueInstalmentOpen() {
      ResponseEntity<String> response = bank(event(reference, INSTALMENT_PARTLY_PAID, "70.00", due(1)));

      assertThat(json(response).get("arrears").decimalValue()).isEqualByComparingTo("30.00");
      assertThat(books().disturbed()).isTrue();
    }

    @Test
    void shouldTellTheServicingProcessWhenTheLoanIsDisturbedClearedAndRepaid() {
      String listener = repositoryService.createDeployment().name("bank-events-test-listener")
          .addModelInstance("bank-events-test-listener.bpmn", Bpmn.createExecutableProcess("bank-events-test-listener")
              .camundaHistoryTimeToLive(1)
              .startEvent()
              .intermediateCatchEvent("Disturbed").message(BankEventMessages.LOAN_DISTURBED)
              .intermediateCatchEvent("Cleared").message(BankEventMessages.ARREARS_CLEARED)
              .intermediateCatchEvent("Repaid").message(BankEventMessages.LOAN_REPAID)
              .userTask("Done")
              .endEvent()
              .done())
          .deploy().getId();
      try {
        ProcessInstance servicing = runtimeService.startProcessInstanceByKey("bank-events-test-listener", reference);

        bank(event(reference, INSTALMENT_MISSED, null, due(2)));
        assertThat(runtimeService.getVariables(servicing.getId())).containsEntry("arrears", "200.00")
            .containsEntry("disturbedSince", due(2).toString());
        bank(event(reference, INSTALMENT_PAID, "200.00", due(2).plusDays(3)));
        assertThat(runtimeService.getVariables(servicing.getId())).containsEntry("arrears", "0.00")
            .containsEntry("arrearsClearedOn", due(2).plusDays(3).toString());
        ResponseEntity<String> last = bank(event(reference, INSTALMENT_PAID, "1000.00", today));

        assertThat(json(last).get("fullyRepaid").asBoolean()).isTrue();
        assertThat(json(last).get("outstandingPrincipal").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(json(last).get("loanState").asText()).isEqualTo("ACTIVE");
        assertThat(runtimeService.getVariables(servicing.getId())).containsEntry("repaidOn", today.toString());
        assertThat(runtimeService.createExecutionQuery().processInstanceId(servicing.getId())
            .activityId("Done").count()).isEqualTo(1);
      } finally {
        repositoryService.deleteDeployment(listener, true);
      }
    }
  }

  @Nested
  class Repeats {

    @Test
    void shouldAnswerARepeatedEventWithTheFirstAnswerAndChangeNothing() {
      Map<String, Object> event = event(reference, INSTALMENT_PAID, "150.00", due(2));
      ResponseEntity<String> first = bank(event);
      Books before = books();

      ResponseEntity<String> repeat = bank(event);

      assertThat(repeat.getStatusCode()).isEqualTo(first.getStatusCode());
      assertThat(repeat.getBody()).isEqualTo(first.getBody());
      assertThat(repeat.getHeaders().getFirst(BankEventController.REPLAYED_HEADER)).isEqualTo("true");
      assertThat(books()).isEqualTo(before);
      assertThat(before.paid()).isEqualByComparingTo("150.00");
      assertThat(before.events()).isEqualTo(1);
    }

    @Test
    void shouldRepeatTheFirstAnswerEvenWhenTheLoanHasMovedOnSince() {
      Map<String, Object> event = event(reference, INSTALMENT_MISSED, null, due(1));
      ResponseEntity<String> first = bank(event);
      bank(event(reference, INSTALMENT_PAID, "100.00", due(1).plusDays(2)));
      Books before = books();

      ResponseEntity<String> repeat = bank(event);

      assertThat(repeat.getBody()).isEqualTo(first.getBody()).contains("\"disturbed\":true");
      assertThat(books()).isEqualTo(before);
    }

    @Test
    void shouldTakeTheSameAmountWithAnotherNumberOfDecimalsAsARepeat() {
      Map<String, Object> event = event(reference, INSTALMENT_PAID, "100.5", due(1));
      bank(event);
      event.put("amount", new BigDecimal("100.50"));

      assertThat(bank(event).getHeaders().getFirst(BankEventController.REPLAYED_HEADER)).isEqualTo("true");
      assertThat(books().paid()).isEqualByComparingTo("100.50");
    }

    @Test
    void shouldRefuseAnEventIdReusedForAnotherEvent() {
      Map<String, Object> event = event(reference, INSTALMENT_PAID, "100.00", due(1));
      bank(event);
      event.put("amount", new BigDecimal("99.00"));

      ResponseEntity<String> response = bank(event);

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(json(response).get("detail").asText()).contains("bereits");
      assertThat(books().paid()).isEqualByComparingTo("100.00");
    }

    @Test
    void shouldLetARefusedEventBeSentAgainOnceItIsPossible() {
      Map<String, Object> event = event(reference, INSTALMENT_PAID, "100.00", due(1));
      jdbc.sql("UPDATE loan SET state = 'CONTRACTED' WHERE reference = :r").param("r", reference).update();
      assertThat(bank(event).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      jdbc.sql("UPDATE loan SET state = 'ACTIVE' WHERE reference = :r").param("r", reference).update();

      ResponseEntity<String> again = bank(event);

      assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(again.getHeaders().getFirst(BankEventController.REPLAYED_HEADER)).isEqualTo("false");
      assertThat(books().paid()).isEqualByComparingTo("100.00");
    }

    @Test
    void shouldApplyAnEventOnceWhenItIsDeliveredTwiceAtTheSameTime() throws Exception {
      Map<String, Object> event = event(reference, INSTALMENT_PAID, "100.00", due(1));

      List<ResponseEntity<String>> answers = concurrently(java.util.Collections.nCopies(8, event));

      assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK));
      assertThat(answers).extracting(ResponseEntity::getBody).containsOnly(answers.get(0).getBody());
      assertThat(answers).extracting(answer -> answer.getHeaders().getFirst(BankEventController.REPLAYED_HEADER))
          .containsOnlyOnce("false");
      assertThat(books().paid()).isEqualByComparingTo("100.00");
      assertThat(books().outstanding()).isEqualByComparingTo("1100.00");
      assertThat(books().events()).isEqualTo(1);
    }

    @Test
    void shouldLoseNoPaymentWhenDifferentEventsForOneLoanArriveAtTheSameTime() throws Exception {
      List<Map<String, Object>> events = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        events.add(event(reference, INSTALMENT_PAID, "75.00", due(1)));
      }

      List<ResponseEntity<String>> answers = concurrently(events);

      assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK));
      assertThat(books().paid()).isEqualByComparingTo("600.00");
      assertThat(books().outstanding()).isEqualByComparingTo("600.00");
      assertThat(books().lineStates()).startsWith("PAID", "PAID", "PAID", "PAID", "PAID", "PAID", "OPEN");
      assertThat(books().events()).isEqualTo(8);
    }

    private List<ResponseEntity<String>> concurrently(List<Map<String, Object>> events) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(events.size());
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
        for (Map<String, Object> event : events) {
          Callable<ResponseEntity<String>> delivery = () -> {
            start.await();
            return bank(event);
          };
          futures.add(pool.submit(delivery));
        }
        start.countDown();
        List<ResponseEntity<String>> answers = new ArrayList<>();
        for (Future<ResponseEntity<String>> future : futures) {
          answers.add(future.get());
        }
        return answers;
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  class OutOfOrder {

    @Test
    void shouldChangeNothingWhenAMissReportArrivesAfterThePaymentOfThatInstalment() {
      bank(event(reference, INSTALMENT_PAID, "100.00", due(1).plusDays(2)));
      Books before = books();

      ResponseEntity<String> late = bank(event(reference, INSTALMENT_MISSED, "100.00", due(1)));

      assertThat(late.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(json(late).get("arrears").decimalValue()).isEqualByComparingTo("0.00");
      assertThat(books().lineStates()).isEqualTo(before.lineStates());
      assertThat(books().paid()).isEqualTo(before.paid());
      assertThat(books().disturbed()).isFalse();
    }

    @Test
    void shouldBookAPaymentWithAnEarlierValueDateInDueOrder() {
      bank(event(reference, INSTALMENT_PAID, "100.00", due(2)));

      ResponseEntity<String> earlier = bank(event(reference, INSTALMENT_PAID, "100.00", due(1)));

      assertThat(earlier.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(books().lineStates()).startsWith("PAID", "PAID", "OPEN");
      assertThat(books().outstanding()).isEqualByComparingTo("1000.00");
      assertThat(json(earlier).get("arrears").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void shouldKeepTheLoanDisturbedWhenALatePaymentWithAnOldValueDateCoversOnlyPartOfTheArrears() {
      bank(event(reference, INSTALMENT_MISSED, null, due(3)));
      assertThat(books().lineStates()).startsWith("MISSED", "MISSED", "MISSED", "OPEN");

      ResponseEntity<String> late = bank(event(reference, INSTALMENT_PAID, "100.00", due(1)));

      assertThat(json(late).get("arrears").decimalValue()).isEqualByComparingTo("200.00");
      assertThat(books().disturbed()).isTrue();
      assertThat(books().disturbedSince()).isEqualTo(due(3));
    }

    @Test
    void shouldEndInTheSameBooksWhicheverOrderTwoPaymentsArriveIn() {
      String other = fixtures.activeLoan(today);
      bank(event(reference, INSTALMENT_PAID, "30.00", due(1)));
      bank(event(reference, INSTALMENT_PAID, "120.00", due(2)));
      fixtures.post("bernd", event(other, INSTALMENT_PAID, "120.00", fixtures.due(other, 2)));
      fixtures.post("bernd", event(other, INSTALMENT_PAID, "30.00", fixtures.due(other, 1)));

      Books ours = books();
      Books theirs = fixtures.books(other);
      assertThat(theirs.lineStates()).isEqualTo(ours.lineStates()).startsWith("PAID", "PARTLY_PAID", "OPEN");
      assertThat(theirs.paid()).isEqualByComparingTo(ours.paid());
      assertThat(theirs.outstanding()).isEqualByComparingTo(ours.outstanding());
    }
  }

  @Nested
  class Refusals {

    @Test
    void shouldNameTheFailingFieldsAndBookNothingWhenTheEventIsMalformed() {
      Map<String, Object> event = event(reference, INSTALMENT_PAID, "100.001", today.plusDays(1));
      event.put("eventId", "x".repeat(101));
      event.put("contractNumber", "GLS-1");
      Books before = books();

      ResponseEntity<String> response = bank(event);

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
      assertThat(json(response).get("errors").findValuesAsText("field"))
          .containsExactlyInAnyOrder("eventId", "amount", "valueDate", "contractNumber");
      assertThat(books()).isEqualTo(before);
    }

    @Test
    void shouldRequireTheAmountOfAPaymentButNotOfAMiss() {
      ResponseEntity<String> payment = bank(event(reference, INSTALMENT_PAID, null, due(1)));
      ResponseEntity<String> zero = bank(event(reference, INSTALMENT_MISSED, "0", due(1)));

      assertThat(payment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(json(payment).get("errors").findValuesAsText("field")).containsExactly("amount");
      assertThat(zero.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(bank(event(reference, INSTALMENT_MISSED, null, due(1))).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldNameTheFieldWhenTheTypeIsUnknownOrTheDateIsNoDate() {
      Map<String, Object> event = event(reference, INSTALMENT_PAID, "100.00", due(1));
      event.put("type", "REFUND");
      Map<String, Object> date = event(reference, INSTALMENT_PAID, "100.00", due(1));
      date.put("valueDate", "31.01.2026");

      assertThat(json(bank(event)).get("errors").findValuesAsText("field")).containsExactly("type");
      assertThat(json(bank(date)).get("errors").findValuesAsText("field")).containsExactly("valueDate");
      assertThat(bank("{\"eventId\": ").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldAnswer404ForAnUnknownLoan() {
      ResponseEntity<String> response = bank(event("QK-1999-999999", INSTALMENT_PAID, "100.00", today));

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
      assertThat(json(response).get("detail").asText()).contains("QK-1999-999999");
    }

    @Test
    void shouldAnswer409ForAnInstalmentOfALoanThatIsNotActive() {
      String approved = fixtures.register(new BigDecimal("2000")).reference();

      ResponseEntity<String> response = bank(event(approved, INSTALMENT_PAID, "100.00", today));

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(json(response).get("detail").asText()).isEqualTo("Der Kredit " + approved + " ist beantragt; das "
          + "Ereignis „INSTALMENT_PAID“ passt nur zu einem Kredit im Stand „ausgezahlt und in Tilgung“.");
      assertThat(jdbc.sql("SELECT count(*) FROM bank_event WHERE loan_reference = :r").param("r", approved)
          .query(Long.class).single()).isZero();
    }

    @Test
    void shouldAnswer409ForAnyEventOfARepaidLoan() {
      jdbc.sql("UPDATE loan SET state = 'REPAID' WHERE reference = :r").param("r", reference).update();

      assertThat(bank(event(reference, INSTALMENT_PAID, "100.00", due(1))).getStatusCode())
          .isEqualTo(HttpStatus.CONFLICT);
      assertThat(bank(event(reference, INSTALMENT_MISSED, null, due(1))).getStatusCode())
          .isEqualTo(HttpStatus.CONFLICT);
      assertThat(bank(event(reference, BankEventType.DISBURSED, "1200.00", due(1))).getStatusCode())
          .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void shouldAnswer409AndBookNothingForAPaymentBeyondTheSchedule() {
      bank(event(reference, INSTALMENT_PAID, "1100.00", due(1)));
      Books before = books();

      ResponseEntity<String> response = bank(event(reference, INSTALMENT_PAID, "100.01", today));

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(json(response).get("detail").asText()).contains("übersteigt");
      assertThat(books()).isEqualTo(before);
    }

    @Test
    void shouldAnswer409ForAMissBeforeTheFirstInstalmentIsDue() {
      ResponseEntity<String> response = bank(event(reference, INSTALMENT_MISSED, null, due(1).minusDays(1)));

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(books().lineStates()).containsOnly("OPEN");
    }
  }

  @Nested
  class Access {

    @Test
    void shouldAnswer401WithAProblemWhenAnonymous() {
      ResponseEntity<String> response = fixtures.post(null, event(reference, INSTALMENT_PAID, "100.00", due(1)));

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
      assertThat(books().paid()).isEqualByComparingTo("0.00");
    }

    @Test
    void shouldAnswer403ToAnAdvisorEvenForAMalformedBody() {
      ResponseEntity<String> response = fixtures.post("anna", event(reference, INSTALMENT_PAID, "100.00", due(1)));
      ResponseEntity<String> malformed = fixtures.postRaw("anna", "{");

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(json(response).get("title").asText()).isEqualTo("Keine Berechtigung");
      assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(books().paid()).isEqualByComparingTo("0.00");
    }
  }
}
