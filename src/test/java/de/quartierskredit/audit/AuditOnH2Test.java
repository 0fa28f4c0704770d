package de.quartierskredit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded demo runs on H2 with the same Flyway locations as PostgreSQL (db/vendor/h2 holds no
 * migration): the audit trail's SQL (row lock, last entry, insert) runs there too and its chain
 * check names an entry changed by SQL, which H2, without the PostgreSQL trigger, does not refuse.
 */
class AuditOnH2Test {

  @Test
  void shouldAppendAndVerifyOnH2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:audit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2")
        .load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("INSERT INTO applicant (first_name, last_name, created_at) VALUES ('A', 'B', CURRENT_TIMESTAMP)").update();
    jdbc.sql("""
            INSERT INTO business (applicant_id, name, stage, created_at)
            SELECT id, 'Betrieb', 'EXISTING', CURRENT_TIMESTAMP FROM applicant""").update();
    jdbc.sql("""
            INSERT INTO loan (reference, applicant_id, business_id, quarter_code, purpose, amount, state, applied_on,
                created_at, updated_at)
            SELECT 'QK-H2-1', a.id, b.id, 'offenbach', 'Ware', 1000, 'ACTIVE', DATE '2026-01-01', CURRENT_TIMESTAMP,
                   CURRENT_TIMESTAMP
            FROM applicant a JOIN business b ON b.applicant_id = a.id""").update();
    AuditTrail audit = new AuditTrail(jdbc, Clock.systemDefaultZone());

    audit.record("QK-H2-1", AuditAction.WRITE_OFF, "mia", "max",
        Map.of(AuditDetails.WRITTEN_OFF_AMOUNT, new BigDecimal("1000")));
    audit.record("QK-H2-1", AuditAction.MODEL_MIGRATION, "admin", null,
        Map.of(AuditDetails.PROCESS, "loan-servicing", AuditDetails.SOURCE_VERSION, 1, AuditDetails.TARGET_VERSION, 2));

    assertThat(audit.of("QK-H2-1")).extracting(AuditEntryView::sequenceNo).containsExactly(1, 2);
    assertThat(audit.verify("QK-H2-1").intact()).isTrue();
    jdbc.sql("UPDATE audit_entry SET second_actor = 'mia' WHERE sequence_no = 1").update();
    assertThat(audit.verify("QK-H2-1").firstBrokenSequenceNo()).isEqualTo(1);
  }
}
