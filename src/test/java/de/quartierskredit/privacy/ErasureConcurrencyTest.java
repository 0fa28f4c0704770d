package de.quartierskredit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes erasing the same case at once (the nightly run on one, a process owner's request on the
 * other): the second waits for the first's row lock on the loan, then finds the case erased and changes
 * nothing; the case is erased and logged once.
 */
@QuartierskreditTest
class ErasureConcurrencyTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Autowired CaseErasure erasure;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @AfterEach
  void backToNow() {
    ClockUtil.reset();
  }

  @Test
  void shouldEraseACaseOnceWhenTwoNodesEraseItAtTheSameTime() throws Exception {
    LocalDate ended = LocalDate.of(2037, 5, 4);
    setDay(ended);
    String name = "Parallel" + UUID.randomUUID().toString().substring(0, 8);
    String reference = loans.register(new NewApplication("Pia", name, null, null, false, "Laden " + name,
        BusinessStage.EXISTING, "Handel", null, null, null, "offenbach", "Ware", new BigDecimal("1500"))).reference();
    loans.endCase(reference, LoanState.WITHDRAWN, "zurückgezogen");
    setDay(ended.plusMonths(6));

    CountDownLatch firstErased = new CountDownLatch(1);
    CountDownLatch secondWaiting = new CountDownLatch(1);
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    CompletableFuture<CaseErasure.Outcome> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
      CaseErasure.Outcome outcome = erasure.eraseLoan(reference, null).outcome();
      firstErased.countDown();
      await(secondWaiting);
      return outcome; // commits now, releasing the row lock
    }));
    assertThat(firstErased.await(60, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<CaseErasure.Outcome> second = CompletableFuture.supplyAsync(() -> erasure.eraseLoan(reference, "admin").outcome());
    waitUntilABackendWaitsForALock();
    secondWaiting.countDown();

    assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(CaseErasure.Outcome.ERASED);
    assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(CaseErasure.Outcome.ALREADY_ERASED);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM data_protection_log WHERE loan_reference = :r AND action = 'ERASURE'")
        .param("r", reference).query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT a.last_name FROM applicant a JOIN loan l ON l.applicant_id = a.id WHERE l.reference = :r")
        .param("r", reference).query(String.class).single()).isEqualTo(PersonalDataRepository.ERASED);
  }

  /** The second erasure blocks on the first's row lock: PostgreSQL shows a backend waiting for a lock. */
  private void waitUntilABackendWaitsForALock() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
        .query(Integer.class).single() == 0) {
      assertThat(System.nanoTime()).as("the second erasure never waited for the lock").isLessThan(deadline);
      Thread.sleep(20); // polling for the state, not waiting for time to pass
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void setDay(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(BERLIN).toInstant()));
  }
}
