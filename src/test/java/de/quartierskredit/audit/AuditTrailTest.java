package de.quartierskredit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail on PostgreSQL: entries chain per loan and verify; the database refuses to change or
 * remove one; a changed or forged entry is named by the chain check; an entry exists only if its
 * step commits; two nodes appending to one loan at once keep one unbroken chain.
 */
@QuartierskreditTest
class AuditTrailTest {

  @Autowired AuditTrail audit;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  private String reference;

  @BeforeEach
  void loan() {
    reference = loans.register(new NewApplication("Aylin", "Prüfpfadtest", "aylin@example.org", "069 123456", false,
        "Schneiderei", BusinessStage.EXISTING, "Handwerk", "Marktplatz 3", "63065", "Offenbach", "offenbach",
        "Nähmaschine", new BigDecimal("3000.00"))).reference();
  }

  @Test
  void shouldChainTheEntriesOfALoanAndVerifyThem() {
    recordDecision("sven", 3);
    recordDecision("ines", 2);
    audit.record(reference, AuditAction.WRITE_OFF, "mia", "max",
        Map.of(AuditDetails.WRITTEN_OFF_AMOUNT, new BigDecimal("2500")));

    List<AuditEntryView> entries = audit.of(reference);
    assertThat(entries).extracting(AuditEntryView::sequenceNo).containsExactly(1, 2, 3);
    assertThat(entries.get(0).previousHash()).isEqualTo("0".repeat(64));
    assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).entryHash());
    AuditEntryView writeOff = entries.get(2);
    assertThat(writeOff.actionLabel()).isEqualTo("Abschreibung");
    assertThat(writeOff.actor()).isEqualTo("mia");
    assertThat(writeOff.actorRole()).isEqualTo("beantragt von");
    assertThat(writeOff.secondActor()).isEqualTo("max");
    assertThat(writeOff.secondActorRole()).isEqualTo("genehmigt von");
    assertThat(writeOff.description()).isEqualTo("abgeschriebener Betrag: 2.500,00 EUR");
    assertThat(writeOff.occurredOn()).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");
    assertThat(audit.verify(reference)).isEqualTo(new ChainCheck(true, 3, null,
        "Der Prüfpfad ist unverändert: alle 3 Einträge sind lückenlos verkettet."));
  }

  @Test
  void shouldWriteNothingWhenTheStepIsRolledBackOrTheLoanIsUnknown() {
    transactions.executeWithoutResult(step -> {
      recordDecision("sven", 3);
      step.setRollbackOnly();
    });
    assertThat(audit.of(reference)).isEmpty();
    assertThatThrownBy(() -> audit.record("QK-0000-000000", AuditAction.COMMITTEE_DECISION, "sven", null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE loan_reference = 'QK-0000-000000'")
        .query(Integer.class).single()).isZero();
  }

  @Test
  void shouldRefuseToUpdateDeleteOrTruncateAnEntryInTheDatabase() {
    recordDecision("sven", 3);

    assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'max' WHERE loan_reference = :r")
        .param("r", reference).update())
        .isInstanceOf(DataIntegrityViolationException.class).rootCause()
        .hasMessageContaining("audit_entry is append-only: UPDATE refused");
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE loan_reference = :r").param("r", reference).update())
        .isInstanceOf(DataIntegrityViolationException.class).rootCause()
        .hasMessageContaining("audit_entry is append-only: DELETE refused");
    assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update())
        .isInstanceOf(DataIntegrityViolationException.class).rootCause()
        .hasMessageContaining("audit_entry is append-only: TRUNCATE refused");

    assertThat(audit.of(reference)).singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo("sven"));
    assertThat(audit.verify(reference).intact()).isTrue();
  }

  @Test
  void shouldNameAnEntryChangedWhileTheTriggerWasDisabled() {
    recordDecision("sven", 3);
    recordDecision("ines", 2);
    recordDecision("jana", 1);

    transactions.executeWithoutResult(tampering -> {
      tampering.setRollbackOnly();
      jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete").update();
      jdbc.sql("UPDATE audit_entry SET details = replace(details, '\"votesFor\":2', '\"votesFor\":0') "
          + "WHERE loan_reference = :r AND sequence_no = 2").param("r", reference).update();
      assertThat(audit.of(reference).get(1).details()).containsEntry(AuditDetails.VOTES_FOR, 0);
      ChainCheck check = audit.verify(reference);
      assertThat(check.intact()).isFalse();
      assertThat(check.firstBrokenSequenceNo()).isEqualTo(2);
      assertThat(check.message()).isEqualTo("Der Prüfpfad wurde verändert: Eintrag 2 wurde nach dem Schreiben geändert.");

      // the same entry removed: the gap is named
      jdbc.sql("DELETE FROM audit_entry WHERE loan_reference = :r AND sequence_no = 2").param("r", reference).update();
      assertThat(audit.verify(reference).firstBrokenSequenceNo()).isEqualTo(3);
    });

    assertThat(audit.verify(reference).intact()).isTrue();
  }

  @Test
  void shouldNameAForgedEntryInsertedBySql() {
    recordDecision("sven", 3);
    String last = audit.of(reference).get(0).entryHash();

    transactions.executeWithoutResult(forging -> {
      forging.setRollbackOnly();
      jdbc.sql("""
              INSERT INTO audit_entry (loan_reference, sequence_no, action, actor, second_actor, occurred_at, details,
                                       previous_hash, entry_hash)
              VALUES (:r, 2, 'WRITE_OFF', 'mia', 'max', CURRENT_TIMESTAMP, '{}', :previous, :hash)""")
          .param("r", reference).param("previous", last).param("hash", "e".repeat(64)).update();
      ChainCheck check = audit.verify(reference);
      assertThat(check.intact()).isFalse();
      assertThat(check.firstBrokenSequenceNo()).isEqualTo(2);
    });
  }

  @Test
  void shouldKeepOneUnbrokenChainWhenTwoNodesAppendToOneLoanAtOnce() throws Exception {
    int perThread = 15;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> appends = new ArrayList<>();
      for (String member : List.of("sven", "ines")) {
        appends.add(nodes.submit(() -> {
          start.await();
          for (int n = 0; n < perThread; n++) {
            // each append its own transaction, as each step is
            transactions.executeWithoutResult(step -> recordDecision(member, 1));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> append : appends) {
        append.get(60, TimeUnit.SECONDS);
      }
    } finally {
      nodes.shutdownNow();
    }

    List<AuditEntryView> entries = audit.of(reference);
    assertThat(entries).extracting(AuditEntryView::sequenceNo)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 2 * perThread).boxed().toList());
    assertThat(entries).filteredOn(entry -> entry.actor().equals("sven")).hasSize(perThread);
    assertThat(audit.verify(reference).intact()).isTrue();
  }

  private void recordDecision(String member, int votesFor) {
    audit.record(reference, AuditAction.COMMITTEE_DECISION, member, null, Map.of(
        AuditDetails.DECISION, "APPROVE", AuditDetails.VOTES_FOR, votesFor, AuditDetails.VOTES_AGAINST, 0,
        AuditDetails.ABSTENTIONS, 0, AuditDetails.AMOUNT, new BigDecimal("3000.00"),
        AuditDetails.REASON_SHA256, AuditTrail.sha256("Tragfähig.")));
  }
}
