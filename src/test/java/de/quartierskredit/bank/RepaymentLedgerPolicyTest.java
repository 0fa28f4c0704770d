package de.quartierskredit.bank;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.bank.RepaymentLedgerPolicy.Booking;
import de.quartierskredit.bank.RepaymentLedgerPolicy.Line;
import de.quartierskredit.bank.RepaymentLedgerPolicy.LineState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The repayment ledger's booking rules at their edges, without database or engine. */
class RepaymentLedgerPolicyTest {

  private static final LocalDate FIRST_DUE = LocalDate.of(2026, 1, 31);
  private final RepaymentLedgerPolicy ledger = new RepaymentLedgerPolicy();

  /** Three lines of 100.00 each: 10.00 interest + 90.00 principal, due monthly from 31 Jan 2026. */
  private static List<Line> schedule() {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      lines.add(new Line(i + 1, i + 1, FIRST_DUE.plusMonths(i), eur("10.00"), eur("90.00"), eur("100.00"),
          eur("0.00"), LineState.OPEN));
    }
    return lines;
  }

  private static BigDecimal eur(String amount) {
    return new BigDecimal(amount);
  }

  @Nested
  class Payments {

    @Test
    void shouldMarkTheOldestLinePartlyPaidAndRepayPrincipalOnlyAfterInterestWhenAPaymentIsPartial() {
      Booking small = ledger.pay(schedule(), eur("8.00"));
      Booking larger = ledger.pay(schedule(), eur("40.00"));

      assertThat(small.ok()).isTrue();
      assertThat(small.changed()).singleElement().satisfies(line -> {
        assertThat(line.instalmentNo()).isEqualTo(1);
        assertThat(line.state()).isEqualTo(LineState.PARTLY_PAID);
        assertThat(line.paid()).isEqualTo(eur("8.00"));
      });
      assertThat(small.principalRepaid()).isEqualTo(eur("0.00"));
      assertThat(larger.principalRepaid()).isEqualTo(eur("30.00"));
    }

    @Test
    void shouldPayTwoLinesInDueOrderWhenOnePaymentCoversMoreThanOneInstalment() {
      Booking booking = ledger.pay(schedule(), eur("150.00"));

      assertThat(booking.lines()).extracting(Line::state)
          .containsExactly(LineState.PAID, LineState.PARTLY_PAID, LineState.OPEN);
      assertThat(booking.lines()).extracting(Line::paid)
          .containsExactly(eur("100.00"), eur("50.00"), eur("0.00"));
      assertThat(booking.changed()).hasSize(2);
      assertThat(booking.principalRepaid()).isEqualTo(eur("130.00"));
    }

    @Test
    void shouldFillThePartlyPaidLineFirstWhenTheRestArrives() {
      Booking first = ledger.pay(schedule(), eur("60.00"));
      Booking rest = ledger.pay(first.lines(), eur("40.00"));

      assertThat(rest.changed()).singleElement().satisfies(line -> {
        assertThat(line.instalmentNo()).isEqualTo(1);
        assertThat(line.state()).isEqualTo(LineState.PAID);
      });
      assertThat(first.principalRepaid().add(rest.principalRepaid())).isEqualTo(eur("90.00"));
    }

    @Test
    void shouldBookTheSameWhateverOrderThePaymentsArriveIn() {
      Booking oneWay = ledger.pay(ledger.pay(schedule(), eur("30.00")).lines(), eur("120.00"));
      Booking otherWay = ledger.pay(ledger.pay(schedule(), eur("120.00")).lines(), eur("30.00"));

      assertThat(oneWay.lines()).isEqualTo(otherWay.lines());
    }

    @Test
    void shouldAcceptExactlyTheRestAndRefuseOneCentMore() {
      assertThat(ledger.pay(schedule(), eur("300.00")).ok()).isTrue();
      Booking over = ledger.pay(schedule(), eur("300.01"));

      assertThat(over.ok()).isFalse();
      assertThat(over.reason()).contains("übersteigt").contains("300,00 EUR");
      assertThat(over.changed()).isEmpty();
    }

    @Test
    void shouldRefuseAnyPaymentWhenEverythingIsPaid() {
      Booking all = ledger.pay(schedule(), eur("300.00"));

      assertThat(ledger.pay(all.lines(), eur("0.01")).ok()).isFalse();
      assertThat(ledger.repaid(all.lines(), eur("0.00"))).isTrue();
      assertThat(ledger.repaid(all.lines(), eur("0.01"))).isFalse();
      assertThat(all.principalRepaid()).isEqualTo(eur("270.00"));
    }

    @Test
    void shouldRefuseZeroNegativeAndSubCentAmountsButTakeOneDecimalAsCents() {
      assertThat(ledger.pay(schedule(), eur("0.00")).ok()).isFalse();
      assertThat(ledger.pay(schedule(), eur("-5")).ok()).isFalse();
      assertThat(ledger.pay(schedule(), eur("10.005")).reason()).contains("zwei Nachkommastellen");
      assertThat(ledger.pay(schedule(), eur("12.5")).changed().get(0).paid()).isEqualTo(eur("12.50"));
      assertThat(ledger.pay(schedule(), eur("12.500")).ok()).isTrue();
    }

    @Test
    void shouldPayAnInstalmentExactlyWhenThreeThirdsRoundedToCentsAddUp() {
      List<Line> lines = schedule();
      Booking booking = ledger.pay(lines, eur("33.33"));
      booking = ledger.pay(booking.lines(), eur("33.33"));
      booking = ledger.pay(booking.lines(), eur("33.34"));

      assertThat(booking.lines().get(0).state()).isEqualTo(LineState.PAID);
      assertThat(booking.lines().get(1).paid()).isEqualTo(eur("0.00"));
    }
  }

  @Nested
  class MissedInstalments {

    @Test
    void shouldMarkEveryOpenLineDueByTheValueDateMissedAndBookNoMoney() {
      Booking booking = ledger.miss(schedule(), FIRST_DUE.plusMonths(1));

      assertThat(booking.lines()).extracting(Line::state)
          .containsExactly(LineState.MISSED, LineState.MISSED, LineState.OPEN);
      assertThat(booking.principalRepaid()).isEqualTo(eur("0.00"));
      assertThat(ledger.arrears(booking.lines(), FIRST_DUE.plusMonths(1))).isEqualTo(eur("200.00"));
    }

    @Test
    void shouldClearTheArrearsWhenTheMissedInstalmentIsPaidLater() {
      Booking missed = ledger.miss(schedule(), FIRST_DUE);
      Booking paid = ledger.pay(missed.lines(), eur("100.00"));

      assertThat(paid.lines().get(0).state()).isEqualTo(LineState.PAID);
      assertThat(ledger.arrears(missed.lines(), FIRST_DUE)).isEqualTo(eur("100.00"));
      assertThat(ledger.arrears(paid.lines(), FIRST_DUE)).isEqualTo(eur("0.00"));
    }

    @Test
    void shouldChangeNothingWhenTheMissReportArrivesAfterThePayment() {
      Booking paid = ledger.pay(schedule(), eur("100.00"));
      Booking missed = ledger.miss(paid.lines(), FIRST_DUE);

      assertThat(missed.ok()).isTrue();
      assertThat(missed.changed()).isEmpty();
      assertThat(missed.lines()).isEqualTo(paid.lines());
    }

    @Test
    void shouldKeepAPartlyPaidLinePartlyPaidAndCountItsRestAsArrears() {
      Booking partly = ledger.pay(schedule(), eur("40.00"));
      Booking missed = ledger.miss(partly.lines(), FIRST_DUE);

      assertThat(missed.lines().get(0).state()).isEqualTo(LineState.PARTLY_PAID);
      assertThat(ledger.arrears(missed.lines(), FIRST_DUE)).isEqualTo(eur("60.00"));
    }

    @Test
    void shouldRefuseAMissWhenNothingIsDueYet() {
      Booking booking = ledger.miss(schedule(), FIRST_DUE.minusDays(1));

      assertThat(booking.ok()).isFalse();
      assertThat(booking.reason()).contains("keine Rate fällig");
    }
  }

  @Nested
  class Arrears {

    @Test
    void shouldCountOnlyLinesDueOnOrBeforeTheDate() {
      assertThat(ledger.arrears(schedule(), FIRST_DUE.minusDays(1))).isEqualTo(eur("0.00"));
      assertThat(ledger.arrears(schedule(), FIRST_DUE)).isEqualTo(eur("100.00"));
      assertThat(ledger.arrears(schedule(), FIRST_DUE.plusMonths(2))).isEqualTo(eur("300.00"));
    }

    @Test
    void shouldIgnoreSupersededLines() {
      List<Line> lines = new ArrayList<>(schedule());
      Line first = lines.get(0);
      lines.set(0, new Line(first.id(), first.instalmentNo(), first.dueOn(), first.interest(), first.principal(),
          first.instalment(), first.paid(), LineState.SUPERSEDED));

      assertThat(ledger.arrears(lines, FIRST_DUE)).isEqualTo(eur("0.00"));
      assertThat(ledger.pay(lines, eur("100.00")).changed().get(0).instalmentNo()).isEqualTo(2);
    }
  }
}
