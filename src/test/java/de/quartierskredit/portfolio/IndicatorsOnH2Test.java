package de.quartierskredit.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.portfolio.PortfolioIndicators.AgingBucket;
import de.quartierskredit.portfolio.PortfolioIndicators.ParThreshold;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded demo runs on H2: the migrations (V11's history table and backfill included) and the
 * indicators' SQL must run there as on PostgreSQL. No Spring context: Flyway and the repository alone.
 */
class IndicatorsOnH2Test {

  @Test
  void shouldComputeTheIndicatorsOnH2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:indicators-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("INSERT INTO applicant (first_name, last_name, created_at) VALUES ('A', 'B', CURRENT_TIMESTAMP)").update();
    jdbc.sql("""
            INSERT INTO business (applicant_id, name, stage, created_at)
            SELECT id, 'Betrieb', 'EXISTING', CURRENT_TIMESTAMP FROM applicant""").update();
    jdbc.sql("""
            INSERT INTO loan (reference, applicant_id, business_id, quarter_code, purpose, amount, state, applied_on,
                approved_on, disbursed_on, created_at, updated_at)
            SELECT 'QK-H2-1', a.id, b.id, 'offenbach', 'Ware', 1000, 'ACTIVE', DATE '2005-01-01', DATE '2005-01-11',
                   DATE '2005-01-21', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
            FROM applicant a JOIN business b ON b.applicant_id = a.id""").update();
    long loan = jdbc.sql("SELECT id FROM loan").query(Long.class).single();
    jdbc.sql("""
            INSERT INTO loan_principal_movement (loan_id, value_date, amount, kind, source, created_at)
            VALUES (:id, DATE '2005-01-21', 1000, 'DISBURSEMENT', 'd', CURRENT_TIMESTAMP)""").param("id", loan).update();
    jdbc.sql("""
            INSERT INTO loan_oldest_unpaid (loan_id, oldest_unpaid_due_on, valid_from)
            VALUES (:id, DATE '2005-02-21', DATE '2005-01-21')""").param("id", loan).update();

    var repository = new PortfolioIndicatorsRepository(jdbc, dataSource);
    Map<String, PortfolioIndicatorsRepository.Figures> figures =
        repository.figures(LocalDate.of(2005, 3, 24), LocalDate.of(2005, 1, 1));

    var offenbach = figures.get("offenbach");
    assertThat(offenbach.agingLoans.get(AgingBucket.D31_60)[0]).isEqualTo(1);
    assertThat(offenbach.parPrincipal.get(ParThreshold.PAR30)).isEqualByComparingTo("1000.00");
    assertThat(offenbach.daysToDecision).containsEntry(10, 1);
    assertThat(offenbach.daysToDisbursement).containsEntry(20, 1);
    assertThat(offenbach.grossOnAveragingDates).containsExactly(new BigDecimal("1000.00"),
        new BigDecimal("1000.00"), new BigDecimal("1000.00"));
    assertThat(repository.advisors(LocalDate.of(2005, 3, 24), LocalDate.of(2005, 1, 1))).isEmpty();
  }
}
