package de.quartierskredit.fund;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.fund.FundReservationService.Reservation;
import de.quartierskredit.loan.LiableParty;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.support.QuartierskreditTest;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Reserving and releasing local fund capacity on PostgreSQL, including two approvals at the same time. */
@QuartierskreditTest
class FundReservationServiceTest {

  /** Kiel's demo fund: 20,000.00 EUR paid in, 100,000.00 EUR capacity. */
  static final String KIEL = "kiel";
  static final String DUISBURG = "duisburg";

  @Autowired FundReservationService reservations;
  @Autowired LoanRepository loans;
  @Autowired LocalFundRepository funds;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  FundTestLoans testLoans;

  @BeforeEach
  void setUp() {
    testLoans = new FundTestLoans(loans, funds, jdbc);
  }

  @AfterEach
  void cleanUp() {
    testLoans.cleanUp();
  }

  @Test
  void shouldReserveTheAmountWhenItUsesTheFreeCapacityExactly() {
    Loan loan = testLoans.apply(KIEL, "5000.00");
    testLoans.leaveFree(KIEL, "5000.00");

    Reservation reservation = reservations.reserve(loan.reference());

    assertThat(reservation.reserved()).isTrue();
    assertThat(reservation.liableParty()).isEqualTo(LiableParty.LOCAL_FUND);
    Loan stored = loans.findByReference(loan.reference()).orElseThrow();
    assertThat(stored.state()).isEqualTo(LoanState.APPROVED);
    assertThat(stored.liableParty()).isEqualTo(LiableParty.LOCAL_FUND);
    assertThat(stored.reservedPrincipal()).isEqualByComparingTo("5000.00");
    assertThat(testLoans.committed(KIEL)).isEqualByComparingTo(testLoans.capacity(KIEL));
  }

  @Test
  void shouldReserveNothingAndKeepTheApplicationOpenWhenOneCentIsMissing() {
    Loan loan = testLoans.apply(KIEL, "5000.00");
    testLoans.leaveFree(KIEL, "4999.99");

    Reservation reservation = reservations.reserve(loan.reference());

    assertThat(reservation.reserved()).isFalse();
    assertThat(reservation.reason())
        .isEqualTo("Freie Kapazität des Haftungsfonds Kiel: 4.999,99 EUR; beantragt: 5.000,00 EUR. "
            + "Es fehlen 0,01 EUR (Kapazität insgesamt 100.000,00 EUR = 5 x eingezahltes Kapital 20.000,00 EUR).");
    Loan stored = loans.findByReference(loan.reference()).orElseThrow();
    assertThat(stored.state()).isEqualTo(LoanState.APPLIED);
    assertThat(stored.reservedPrincipal()).isEqualByComparingTo("0.00");
    assertThat(stored.liableParty()).isNull();
  }

  @Test
  void shouldPutTheRiskOnTheMicrofinancerWhenTheLoanIsOutsideTheQuarters() {
    Loan loan = testLoans.apply(null, "8000.00");

    Reservation reservation = reservations.reserve(loan.reference());

    assertThat(reservation.reserved()).isTrue();
    assertThat(reservation.liableParty()).isEqualTo(LiableParty.MICROFINANCER);
    Loan stored = loans.findByReference(loan.reference()).orElseThrow();
    assertThat(stored.state()).isEqualTo(LoanState.APPROVED);
    assertThat(stored.liableParty()).isEqualTo(LiableParty.MICROFINANCER);
    assertThat(stored.reservedPrincipal()).isEqualByComparingTo("0.00");
  }

  @Test
  void shouldReserveOnlyOnceWhenReserveIsCalledTwice() {
    Loan loan = testLoans.apply(DUISBURG, "3000.00");
    var committedBefore = testLoans.committed(DUISBURG);

    reservations.reserve(loan.reference());
    Reservation again = reservations.reserve(loan.reference());

    assertThat(again.reserved()).isTrue();
    assertThat(loans.findByReference(loan.reference()).orElseThrow().reservedPrincipal())
        .isEqualByComparingTo("3000.00");
    assertThat(testLoans.committed(DUISBURG)).isEqualByComparingTo(committedBefore.add(loan.amount()));
  }

  @Test
  void shouldReleaseTheReservationOnceWhenReleasedTwice() {
    Loan loan = testLoans.apply(DUISBURG, "3000.00");
    var committedBefore = testLoans.committed(DUISBURG);
    reservations.reserve(loan.reference());

    reservations.release(loan.reference());
    reservations.release(loan.reference());

    assertThat(loans.findByReference(loan.reference()).orElseThrow().reservedPrincipal())
        .isEqualByComparingTo("0.00");
    assertThat(testLoans.committed(DUISBURG)).isEqualByComparingTo(committedBefore);
  }

  @Test
  void shouldHaveNoCapacityWhenTheQuarterHasNoRegisteredFund() {
    // the fund disappears only inside this transaction, which is rolled back
    transactions.executeWithoutResult(status -> {
      Loan loan = testLoans.apply("pforzheim", "1000.00");
      jdbc.sql("DELETE FROM fund_partner WHERE fund_id IN (SELECT id FROM local_fund WHERE quarter_code = 'pforzheim')")
          .update();
      jdbc.sql("DELETE FROM local_fund WHERE quarter_code = 'pforzheim'").update();

      Reservation reservation = reservations.reserve(loan.reference());

      assertThat(reservation.reserved()).isFalse();
      assertThat(reservation.reason()).contains("Pforzheim").contains("kein lokaler Haftungsfonds");
      assertThat(loans.findByReference(loan.reference()).orElseThrow().state()).isEqualTo(LoanState.APPLIED);
      status.setRollbackOnly();
    });
    assertThat(funds.findByQuarter("pforzheim")).isPresent();
  }

  @Test
  void shouldReserveForExactlyOneLoanWhenTwoApprovalsCompeteForTheLastCapacity() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        Loan first = testLoans.apply(KIEL, "5000.00");
        Loan second = testLoans.apply(KIEL, "5000.00");
        testLoans.leaveFree(KIEL, "7500.00");
        CountDownLatch startGate = new CountDownLatch(1);

        List<Future<Reservation>> results = List.of(
            threads.submit(() -> {
              startGate.await();
              return reservations.reserve(first.reference());
            }),
            threads.submit(() -> {
              startGate.await();
              return reservations.reserve(second.reference());
            }));
        startGate.countDown();

        long reserved = 0;
        for (Future<Reservation> result : results) {
          reserved += result.get(30, TimeUnit.SECONDS).reserved() ? 1 : 0;
        }
        assertThat(reserved).as("round %d", round).isEqualTo(1);
        assertThat(testLoans.committed(KIEL)).isLessThanOrEqualTo(testLoans.capacity(KIEL));
        assertThat(testLoans.committed(KIEL))
            .isEqualByComparingTo(testLoans.capacity(KIEL).subtract(new java.math.BigDecimal("2500.00")));
        testLoans.cleanUp();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
