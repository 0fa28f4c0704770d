package de.quartierskredit.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trend reads PAR30/PAR90 of the 15ths from the stored snapshots (V14) and computes only the dates
 * without them: a missing snapshot, or a row taken before PAR was stored. The portfolio of 1997 is one
 * Kiel loan of 1,000 EUR, unpaid since its first instalment (due 02.02.1997: over 90 days overdue on the
 * 15th of May and June), repaid on 01.09.1997 so that no later date sees it.
 */
@QuartierskreditTest
class TrendFromSnapshotsTest {

  static final LocalDate MAY = LocalDate.of(1997, 5, 15);
  static final LocalDate JUNE = LocalDate.of(1997, 6, 15);
  static final PortfolioVisibility WHOLE = new PortfolioVisibility(true, List.of(), null);

  @Autowired PortfolioService portfolio;
  @Autowired IndicatorsService indicators;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void portfolioOf1997() {
    if (jdbc.sql("SELECT COUNT(*) FROM loan_principal_movement WHERE value_date = DATE '1997-01-02'")
        .query(Long.class).single() > 0) {
      return;
    }
    var build = new HandBuiltPortfolio(loans, jdbc);
    Loan loan = build.activeLoanWithoutRepayment("kiel", "1000.00", LocalDate.of(1997, 1, 2));
    jdbc.sql("""
            INSERT INTO loan_oldest_unpaid (loan_id, oldest_unpaid_due_on, valid_from, valid_to)
            VALUES (:id, DATE '1997-02-02', DATE '1997-01-02', DATE '1997-09-01')""")
        .param("id", loan.id()).update();
    build.repay(loan, LocalDate.of(1997, 9, 1), "1000.00");
  }

  @Test
  void shouldStorePar30AndPar90OfEveryScopeWithTheSnapshotOfThe15th() {
    portfolio.takeSnapshot(MAY);

    Map<String, Object> kiel = jdbc.sql("""
            SELECT par30_principal, par30_ratio, par90_principal, par90_ratio FROM portfolio_snapshot
            WHERE reporting_date = :d AND scope = 'kiel'""").param("d", MAY).query().singleRow();
    assertThat((BigDecimal) kiel.get("par30_principal")).isEqualByComparingTo("1000.00");
    assertThat((BigDecimal) kiel.get("par30_ratio")).isEqualByComparingTo("1.0000");
    assertThat((BigDecimal) kiel.get("par90_principal")).isEqualByComparingTo("1000.00");
    assertThat((BigDecimal) kiel.get("par90_ratio")).isEqualByComparingTo("1.0000");
    // every stored scope has PAR, ALL included, and it is what the trend computes for the date
    assertThat(jdbc.sql("SELECT COUNT(*) FROM portfolio_snapshot WHERE reporting_date = :d AND par30_ratio IS NULL")
        .param("d", MAY).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM portfolio_snapshot WHERE reporting_date = :d AND scope = 'ALL'")
        .param("d", MAY).query(Long.class).single()).isEqualTo(1);
    var computed = indicators.trend(1, LocalDate.of(1997, 5, 20), WHOLE);
    jdbc.sql("DELETE FROM portfolio_snapshot WHERE reporting_date = :d").param("d", MAY).update();
    var recomputed = indicators.trend(1, LocalDate.of(1997, 5, 20), WHOLE);
    assertThat(computed.points()).usingRecursiveFieldByFieldElementComparator(
            org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
        .isEqualTo(recomputed.points());
  }

  @Test
  void shouldReadAStored15thAndComputeOnlyTheMissingOne() {
    portfolio.takeSnapshot(MAY);
    // stored figures that differ on purpose from what the tables give (1.0000): the trend must show these
    jdbc.sql("""
            UPDATE portfolio_snapshot SET par30_ratio = 0.1234, par90_ratio = 0.0567, disturbance_rate = 0.2500
            WHERE reporting_date = :d AND scope = 'kiel'""").param("d", MAY).update();
    jdbc.sql("DELETE FROM portfolio_snapshot WHERE reporting_date = :d").param("d", JUNE).update();

    TrendReport trend = indicators.trend(2, LocalDate.of(1997, 6, 20), WHOLE);

    TrendReport.Point may = point(trend, MAY, "kiel");
    assertThat(may.par30()).isEqualByComparingTo("0.1234");
    assertThat(may.par90()).isEqualByComparingTo("0.0567");
    assertThat(may.disturbanceRate()).isEqualByComparingTo("0.2500");
    TrendReport.Point june = point(trend, JUNE, "kiel");
    assertThat(june.par30()).isEqualByComparingTo("1.0000");
    assertThat(june.par90()).isEqualByComparingTo("1.0000");
    assertThat(trend.points()).hasSize(2 * (int) trend.points().stream().map(TrendReport.Point::scope).distinct().count());

    // an advisor of Kiel sees only Kiel, read from the same stored row
    TrendReport own = indicators.trend(2, LocalDate.of(1997, 6, 20), new PortfolioVisibility(false, List.of("kiel"), "x"));
    assertThat(own.points()).extracting(TrendReport.Point::scope).containsOnly("kiel");
    assertThat(point(own, MAY, "kiel").par30()).isEqualByComparingTo("0.1234");
  }

  @Test
  void shouldComputeARowTakenBeforeParWasStoredAndKeepItsDisturbanceRate() {
    portfolio.takeSnapshot(MAY);
    // as a row of before V14 looks: no PAR
    jdbc.sql("""
            UPDATE portfolio_snapshot SET par30_principal = NULL, par30_ratio = NULL, par90_principal = NULL,
                   par90_ratio = NULL WHERE reporting_date = :d""").param("d", MAY).update();
    jdbc.sql("UPDATE portfolio_snapshot SET disturbance_rate = 0.3000 WHERE reporting_date = :d AND scope = 'kiel'")
        .param("d", MAY).update();

    TrendReport.Point may = point(indicators.trend(1, LocalDate.of(1997, 5, 20), WHOLE), MAY, "kiel");

    assertThat(may.par30()).isEqualByComparingTo("1.0000");
    assertThat(may.par90()).isEqualByComparingTo("1.0000");
    assertThat(may.disturbanceRate()).isEqualByComparingTo("0.3000");
  }

  private static TrendReport.Point point(TrendReport trend, LocalDate date, String scope) {
    return trend.points().stream().filter(p -> p.reportingDate().equals(date) && p.scope().equals(scope))
        .findFirst().orElseThrow(() -> new AssertionError("no point " + date + " " + scope));
  }
}
