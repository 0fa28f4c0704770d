package de.quartierskredit.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.support.EmbeddedPostgresConfiguration;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 16's target: the indicators report over 100,000 loans within 2x of the raw SQL aggregate. The
 * raw aggregate it is compared with computes the same figures ({@link #RAW_SAME_FIGURES}, one hand-written
 * statement, asserted equal to the report); the PAR-only statement ({@link #RAW_PAR}) is printed too. Also
 * times the trend with no 15th stored (computed) and with all twelve stored (read). The portfolio is seeded directly by SQL (generate_series: loans, schedules,
 * principal movements, oldest-unpaid history, disturbance periods, reschedulings, write-offs, contacts,
 * advisors; no engine instances), so it takes minutes, not an hour. Not part of the test suite (the name
 * matches no test pattern): {@code ./mvnw -Pbenchmark verify -Dit.test=IndicatorsBenchmark
 * -DindicatorLoans=100000}, or without the jar {@code ./mvnw -o test -Dtest=IndicatorsBenchmark}. Prints a
 * markdown table and writes it to {@code target/indicators-benchmark.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(EmbeddedPostgresConfiguration.class)
@TestPropertySource(properties = {"quartierskredit.test.isolated-context=indicators-benchmark",
    "camunda.bpm.process-engine-name=indicators-benchmark"})
class IndicatorsBenchmark {

  /** The reporting date: two years after the first disbursement. */
  static final LocalDate AS_OF = LocalDate.of(2031, 1, 15);
  static final LocalDate FIRST_DISBURSEMENT = LocalDate.of(2029, 1, 1);

  @Autowired IndicatorsService indicators;
  @Autowired PortfolioService portfolio;
  @Autowired JdbcClient jdbc;

  /**
   * PAR30 and PAR90 per quarter in one statement, the way one would write it by hand: balances from the
   * movements, the oldest unpaid instalment valid that day, rescheduled loans.
   */
  static final String RAW_PAR = """
      SELECT l.quarter_code, SUM(b.outstanding) AS gross,
             SUM(CASE WHEN r.loan_id IS NOT NULL OR h.oldest_unpaid_due_on < :d30 THEN b.outstanding ELSE 0 END) AS par30,
             SUM(CASE WHEN r.loan_id IS NOT NULL OR h.oldest_unpaid_due_on < :d90 THEN b.outstanding ELSE 0 END) AS par90
      FROM (SELECT loan_id, SUM(amount) AS outstanding FROM loan_principal_movement WHERE value_date <= :asOf
            GROUP BY loan_id HAVING SUM(amount) > 0) b
      JOIN loan l ON l.id = b.loan_id
      LEFT JOIN loan_oldest_unpaid h ON h.loan_id = b.loan_id
           AND h.valid_from <= :asOf AND (h.valid_to IS NULL OR h.valid_to > :asOf)
      LEFT JOIN (SELECT DISTINCT loan_id FROM loan_reschedule_request
                 WHERE status = 'APPROVED' AND approved_on <= :asOf) r ON r.loan_id = b.loan_id
      GROUP BY l.quarter_code""";

  /**
   * The same figures the report computes (besides the durations and the advisors' rows), written by hand
   * in one statement per scope: PAR30/PAR90 with their loans, the aging buckets, rescheduled loans, the
   * gross portfolio and its average over the averaging dates, principal written off and repaid (to date
   * and in the period), defaulted principal, loans granted and defaults (the Ausfallquote both ways),
   * losses by bearer and the principal due in the period in the schedule in force on the due date. The
   * averaging weight is a CASE on the value date (built from {@link PortfolioIndicators#averagingDates}):
   * {@code %s}.
   */
  static final String RAW_SAME_FIGURES = """
      WITH m AS (
        SELECT loan_id, SUM(amount) AS outstanding, SUM(amount * %s) AS weighted,
               SUM(CASE WHEN kind = 'WRITE_OFF' THEN -amount ELSE 0 END) AS written_off,
               SUM(CASE WHEN kind = 'WRITE_OFF' AND value_date >= :from THEN -amount ELSE 0 END) AS written_off_in_period,
               SUM(CASE WHEN kind = 'REPAYMENT' THEN -amount ELSE 0 END) AS repaid,
               SUM(CASE WHEN kind = 'REPAYMENT' AND value_date >= :from THEN -amount ELSE 0 END) AS repaid_in_period
        FROM loan_principal_movement WHERE value_date <= :asOf GROUP BY loan_id),
      per_loan AS (
        SELECT COALESCE(l.quarter_code, 'OUTSIDE') AS scope, m.*, GREATEST(m.outstanding, 0) AS balance,
               CASE WHEN m.outstanding > 0 THEN 1 ELSE 0 END AS counted,
               r.loan_id IS NOT NULL AS rescheduled, h.oldest_unpaid_due_on AS oldest,
               ((l.state = 'WRITTEN_OFF' AND l.closed_on <= :asOf) OR (l.state = 'DEFAULTED' AND l.updated_at < :endOfAsOf))
                 AS defaulted
        FROM m JOIN loan l ON l.id = m.loan_id
        LEFT JOIN loan_oldest_unpaid h ON h.loan_id = m.loan_id
             AND h.valid_from <= :asOf AND (h.valid_to IS NULL OR h.valid_to > :asOf)
        LEFT JOIN (SELECT DISTINCT loan_id FROM loan_reschedule_request
                   WHERE status = 'APPROVED' AND approved_on <= :asOf) r ON r.loan_id = m.loan_id),
      balances AS (
        SELECT scope, SUM(counted) AS loans, SUM(balance) AS gross, SUM(weighted) AS weighted,
               SUM(CASE WHEN rescheduled OR oldest < :d30 THEN counted ELSE 0 END) AS par30_loans,
               SUM(CASE WHEN rescheduled OR oldest < :d30 THEN balance ELSE 0 END) AS par30,
               SUM(CASE WHEN rescheduled OR oldest < :d90 THEN counted ELSE 0 END) AS par90_loans,
               SUM(CASE WHEN rescheduled OR oldest < :d90 THEN balance ELSE 0 END) AS par90,
               SUM(CASE WHEN rescheduled THEN balance ELSE 0 END) AS rescheduled,
               SUM(CASE WHEN oldest IS NULL OR oldest >= :asOf THEN balance ELSE 0 END) AS current,
               SUM(CASE WHEN oldest < :asOf AND oldest >= :d30 THEN balance ELSE 0 END) AS d1_30,
               SUM(CASE WHEN oldest < :d30 AND oldest >= :d60 THEN balance ELSE 0 END) AS d31_60,
               SUM(CASE WHEN oldest < :d60 AND oldest >= :d90 THEN balance ELSE 0 END) AS d61_90,
               SUM(CASE WHEN oldest < :d90 THEN balance ELSE 0 END) AS over_90,
               SUM(written_off) AS written_off, SUM(written_off_in_period) AS written_off_in_period,
               SUM(repaid) AS repaid, SUM(repaid_in_period) AS repaid_in_period,
               SUM(CASE WHEN defaulted THEN balance ELSE 0 END) AS defaulted_outstanding
        FROM per_loan GROUP BY scope),
      granted AS (
        SELECT COALESCE(l.quarter_code, 'OUTSIDE') AS scope,
               SUM(CASE WHEN l.disbursed_on <= :asOf THEN 1 ELSE 0 END) AS granted,
               SUM(CASE WHEN (l.state = 'WRITTEN_OFF' AND l.closed_on <= :asOf)
                          OR (l.state = 'DEFAULTED' AND l.updated_at < :endOfAsOf) THEN 1 ELSE 0 END) AS defaults
        FROM loan l WHERE l.disbursed_on IS NOT NULL GROUP BY 1),
      losses AS (
        SELECT COALESCE(l.quarter_code, 'OUTSIDE') AS scope,
               SUM(CASE WHEN a.bearer = 'LOCAL_FUND' THEN a.amount ELSE 0 END) AS local_fund,
               SUM(CASE WHEN a.bearer = 'MICROFINANCER' THEN a.amount ELSE 0 END) AS microfinancer,
               SUM(CASE WHEN a.bearer = 'NATIONAL_FUND' THEN a.amount ELSE 0 END) AS national_fund
        FROM loss_allocation a JOIN loan l ON l.id = a.loan_id
        WHERE a.allocated_on BETWEEN :from AND :asOf GROUP BY 1),
      due AS (
        SELECT COALESCE(l.quarter_code, 'OUTSIDE') AS scope, SUM(sl.principal) AS due
        FROM repayment_schedule_line sl
        JOIN repayment_schedule s ON s.id = sl.schedule_id
        JOIN loan l ON l.id = s.loan_id
        LEFT JOIN repayment_schedule n ON n.loan_id = s.loan_id AND n.version = s.version + 1
        WHERE sl.due_on BETWEEN :from AND :asOf AND sl.state <> 'SUPERSEDED'
          AND (n.id IS NULL OR sl.due_on < CAST(n.created_at AS DATE))
          AND (l.closed_on IS NULL OR sl.due_on <= l.closed_on)
        GROUP BY 1)
      SELECT COALESCE(b.scope, g.scope) AS scope, b.*, g.granted, g.defaults,
             COALESCE(x.local_fund, 0) AS local_fund, COALESCE(x.microfinancer, 0) AS microfinancer,
             COALESCE(x.national_fund, 0) AS national_fund, COALESCE(d.due, 0) AS due
      FROM balances b FULL JOIN granted g ON g.scope = b.scope
      LEFT JOIN losses x ON x.scope = COALESCE(b.scope, g.scope)
      LEFT JOIN due d ON d.scope = COALESCE(b.scope, g.scope)""";

  /** {@link #RAW_SAME_FIGURES} with the averaging weight of the period {@code [from, asOf]}. */
  static String rawSameFigures(LocalDate from, LocalDate asOf) {
    List<LocalDate> dates = PortfolioIndicators.averagingDates(from, asOf);
    if (dates.size() == 1) {
      return RAW_SAME_FIGURES.formatted("1");
    }
    StringBuilder weight = new StringBuilder("CASE");
    for (int i = 0; i < dates.size() - 1; i++) {
      weight.append(" WHEN value_date <= DATE '").append(dates.get(i)).append("' THEN ").append(dates.size() - i);
    }
    return RAW_SAME_FIGURES.formatted(weight.append(" ELSE 1 END"));
  }

  private List<Map<String, Object>> rawSameFigures(LocalDate from) {
    return jdbc.sql(rawSameFigures(from, AS_OF)).params(rawParams(from)).query().listOfRows();
  }

  private static Map<String, Object> rawParams(LocalDate from) {
    return Map.of("asOf", AS_OF, "from", from, "endOfAsOf", AS_OF.plusDays(1).atStartOfDay(),
        "d30", AS_OF.minusDays(30), "d60", AS_OF.minusDays(60), "d90", AS_OF.minusDays(90));
  }

  /** The raw statement's figures summed over the scopes, by column. */
  private static BigDecimal total(List<Map<String, Object>> rows, String column) {
    return rows.stream().map(r -> r.get(column)).filter(java.util.Objects::nonNull)
        .map(v -> new BigDecimal(v.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void measure() throws Exception {
    int loans = Integer.getInteger("indicatorLoans", 100_000);
    Instant began = Instant.now();
    seed(loans);
    double seedSeconds = Duration.between(began, Instant.now()).toMillis() / 1000.0;
    long movements = count("loan_principal_movement");
    long lines = count("repayment_schedule_line");
    long history = count("loan_oldest_unpaid");

    boolean statements = jdbc.sql("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_stat_statements'")
        .query(Long.class).single() > 0 && Boolean.getBoolean("quartierskredit.test.postgres.durable");
    if (statements) {
      jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
    }
    LocalDate from = PortfolioIndicators.defaultFrom(AS_OF);
    double raw = millis(() -> jdbc.sql(RAW_PAR).param("asOf", AS_OF).param("d30", AS_OF.minusDays(30))
        .param("d90", AS_OF.minusDays(90)).query().listOfRows());
    double rawSame = millis(() -> rawSameFigures(from));
    double rawSameOneDay = millis(() -> rawSameFigures(AS_OF));
    if (statements) {
      jdbc.sql("SELECT pg_stat_statements_reset()").query().listOfRows();
    }
    double report = millis(() -> indicators.indicators(AS_OF, from));
    String perStatement = statements ? jdbc.sql("""
            SELECT calls, round(mean_exec_time::numeric, 0) AS ms, regexp_replace(left(query, 110), '\\s+', ' ', 'g') AS q
            FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 12""")
        .query((rs, row) -> "| " + rs.getString("q").replace("|", "/") + " | " + rs.getLong("calls") + " | "
            + rs.getLong("ms") + " |")
        .list().stream().reduce("| statement of the indicators report | calls | mean ms |\n|---|---:|---:|",
            (a, b) -> a + "\n" + b) : "";
    double parOnly = millis(() -> indicators.indicators(AS_OF, AS_OF));
    PortfolioVisibility whole = new PortfolioVisibility(true, List.of(), null);
    double trend = millis(() -> indicators.trend(12, AS_OF, whole), 3);
    TrendReport computedTrend = indicators.trend(12, AS_OF, whole);
    // the 15ths stored as the monthly process stores them (with PAR30/PAR90): the trend then reads them
    double snapshot = millis(() -> portfolio.takeSnapshot(AS_OF), 1);
    for (int i = 1; i < 12; i++) {
      portfolio.takeSnapshot(AS_OF.minusMonths(i));
    }
    double trendStored = millis(() -> indicators.trend(12, AS_OF, whole), 3);
    TrendReport storedTrend = indicators.trend(12, AS_OF, whole);
    List<String> rateMismatches = new java.util.ArrayList<>();
    assertThat(storedTrend.points()).hasSameSizeAs(computedTrend.points());
    for (int i = 0; i < storedTrend.points().size(); i++) {
      var stored = storedTrend.points().get(i);
      var computed = computedTrend.points().get(i);
      assertThat(stored.scope()).isEqualTo(computed.scope());
      assertThat(stored.par30()).as(stored.reportingDate() + " " + stored.scope()).isEqualByComparingTo(computed.par30());
      assertThat(stored.par90()).as(stored.reportingDate() + " " + stored.scope()).isEqualByComparingTo(computed.par90());
      if (stored.disturbanceRate().compareTo(computed.disturbanceRate()) != 0) {
        rateMismatches.add(stored.reportingDate() + " " + stored.scope() + ": stored " + stored.disturbanceRate()
            + ", computed " + computed.disturbanceRate());
      }
    }

    // the report and the raw statement agree
    BigDecimal rawPar30 = jdbc.sql("SELECT SUM(par30) FROM (" + RAW_PAR + ") x").param("asOf", AS_OF)
        .param("d30", AS_OF.minusDays(30)).param("d90", AS_OF.minusDays(90)).query(BigDecimal.class).single();
    IndicatorsReport figures = indicators.indicators(AS_OF, from);
    assertThat(figures.system().par30().principal()).isEqualByComparingTo(rawPar30);
    // ... and so do the report and the hand-written statement of the same figures
    List<Map<String, Object>> same = rawSameFigures(from);
    var system = figures.system();
    assertThat(system.grossPortfolio()).isEqualByComparingTo(total(same, "gross"));
    assertThat(system.loansOutstanding()).isEqualTo(total(same, "loans").intValue());
    assertThat(system.par30().principal()).isEqualByComparingTo(total(same, "par30"));
    assertThat(system.par30().loans()).isEqualTo(total(same, "par30_loans").intValue());
    assertThat(system.par90().principal()).isEqualByComparingTo(total(same, "par90"));
    assertThat(system.par90().loans()).isEqualTo(total(same, "par90_loans").intValue());
    assertThat(system.rescheduled().principal()).isEqualByComparingTo(total(same, "rescheduled"));
    for (var bucket : system.aging()) {
      assertThat(bucket.principal()).as(bucket.bucket()).isEqualByComparingTo(total(same, bucket.bucket().toLowerCase(Locale.ROOT)));
    }
    assertThat(system.writeOff().principal()).isEqualByComparingTo(total(same, "written_off_in_period"));
    assertThat(system.writeOff().averageGrossPortfolio()).isEqualByComparingTo(
        PortfolioIndicators.averageGrossPortfolio(total(same, "weighted"), PortfolioIndicators.averagingDates(from, AS_OF).size()));
    assertThat(system.repayment().due()).isEqualByComparingTo(total(same, "due"));
    assertThat(system.repayment().received()).isEqualByComparingTo(total(same, "repaid_in_period"));
    assertThat(system.ausfallquote().defaults()).isEqualTo(total(same, "defaults").intValue());
    assertThat(system.ausfallquote().loansGranted()).isEqualTo(total(same, "granted").intValue());
    assertThat(system.ausfallquote().defaultedPrincipal())
        .isEqualByComparingTo(total(same, "written_off").add(total(same, "defaulted_outstanding")));
    assertThat(system.ausfallquote().repaidPrincipal()).isEqualByComparingTo(total(same, "repaid"));
    for (var loss : system.losses()) {
      assertThat(loss.amount()).as(loss.bearer()).isEqualByComparingTo(total(same, loss.bearer().toLowerCase(Locale.ROOT)));
    }
    assertThat(system.writeOff().principal()).isPositive();
    assertThat(system.repayment().due()).isPositive();

    if (Boolean.getBoolean("explain")) {
      explain("raw", RAW_PAR, Map.of("asOf", AS_OF, "d30", AS_OF.minusDays(30), "d90", AS_OF.minusDays(90)));
      explain("raw same figures", rawSameFigures(from, AS_OF), rawParams(from));
      Map<String, Object> params = new java.util.HashMap<>(Map.of("asOf", AS_OF, "from", from,
          "endOfAsOf", AS_OF.plusDays(1).atStartOfDay()));
      for (var b : PortfolioIndicators.AgingBucket.values()) {
        params.put("due_" + b.name(), b.dueOnOrBefore(AS_OF));
      }
      List<LocalDate> averaging = PortfolioIndicators.averagingDates(from, AS_OF);
      for (int i = 1; i < averaging.size(); i++) {
        params.put("on" + i, averaging.get(i - 1));
      }
      explain("balances", new PortfolioIndicatorsRepository(jdbc, null).balancesSql(averaging, true), params);
      explain("due", PortfolioIndicatorsRepository.DUE, params);
      explain("advisors", PortfolioIndicatorsRepository.ADVISORS, params);
    }
    String table = String.join("\n",
        "| Indicators over " + String.format(Locale.ROOT, "%,d", loans) + " loans (" + movements + " movements, "
            + lines + " schedule lines, " + history + " oldest-unpaid rows), median of 5 | ms |",
        "|---|---:|",
        row("raw single-statement SQL aggregate of PAR30/PAR90 per quarter", raw),
        row("raw single-statement SQL aggregate of the report's figures (PAR, aging, write-off, average gross, "
            + "repaid, due, losses by bearer, Ausfallquote) per quarter, 12-month period", rawSame),
        row("the same raw aggregate, period of one day", rawSameOneDay),
        row("indicators report (PAR, aging, Ausfallquote, write-off, losses, repayment, durations, advisors), "
            + "12-month period", report),
        row("indicators report, period of one day", parOnly),
        row("trend: 12 reporting dates, none stored: each computed (PAR30/PAR90 and disturbance rate), median of 3",
            trend),
        row("trend: 12 reporting dates, all stored by the 15th's snapshot (read), median of 3", trendStored),
        row("the 15th's snapshot (disturbance report and PAR30/PAR90 per scope, stored), once", snapshot),
        "| **report / raw aggregate of the same figures (12-month period)** | **"
            + String.format(Locale.ROOT, "%.2f", report / rawSame) + "x** |",
        "| report / raw aggregate of the same figures (one day) | "
            + String.format(Locale.ROOT, "%.2f", parOnly / rawSameOneDay) + "x |",
        "| report / raw PAR-only aggregate (12-month period) | " + String.format(Locale.ROOT, "%.2f", report / raw) + "x |",
        "",
        "Seeded in " + String.format(Locale.ROOT, "%.0f", seedSeconds) + " s. System as of " + AS_OF + ": gross "
            + figures.system().grossPortfolio() + " EUR, PAR30 " + figures.system().par30().ratio() + ", PAR90 "
            + figures.system().par90().ratio() + ", write-off ratio " + figures.system().writeOff().ratio()
            + ", repayment rate " + figures.system().repayment().rate() + ".",
        "",
        perStatement);
    System.out.println(table);
    Files.writeString(Path.of("target", "indicators-benchmark.md"), table + "\n");
    assertThat(figures.system().loansOutstanding()).isPositive();
    // the stored disturbance rate (the report's rule) is the one the trend computes where none is stored
    assertThat(rateMismatches).isEmpty();
  }

  private void explain(String name, String sql, Map<String, Object> params) {
    var statement = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql);
    for (var p : params.entrySet()) {
      if (sql.contains(":" + p.getKey())) {
        statement = statement.param(p.getKey(), p.getValue());
      }
    }
    System.out.println("EXPLAIN " + name + "\n" + String.join("\n", statement.query(String.class).list()));
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  private static String row(String what, double ms) {
    return "| " + what + " | " + String.format(Locale.ROOT, "%,.0f", ms) + " |";
  }

  /**
   * 100,000 loans of 4,800 EUR in 24 instalments of 200 EUR principal (no interest), disbursed daily over two
   * years, spread over the seven quarters and outside. By {@code i % 100}: 0-79 pay every instalment on its
   * due date; 80-89 stop paying (1-6 instalments unpaid: 1-180 days overdue); 90-94 are rescheduled (and
   * keep paying); 95-97 are written off after missing; 98 defaulted, not yet written off; 99 repaid early.
   */
  private void seed(int loans) {
    long applicant = jdbc.sql("""
            INSERT INTO applicant (first_name, last_name, created_at) VALUES ('Bench', 'Mark', now()) RETURNING id""")
        .query(Long.class).single();
    long business = jdbc.sql("""
            INSERT INTO business (applicant_id, name, stage, created_at) VALUES (:a, 'Bench', 'EXISTING', now())
            RETURNING id""").param("a", applicant).query(Long.class).single();
    jdbc.sql("""
            CREATE TEMPORARY TABLE bench (i INT PRIMARY KEY, loan_id BIGINT, kind INT, disbursed DATE, paid INT)""")
        .update();
    // loans: class by i % 100, disbursed on day i % 730, quarter by i % 8 (7 = outside)
    jdbc.sql("""
            INSERT INTO loan (reference, applicant_id, business_id, quarter_code, purpose, amount, state, liable_party,
                outstanding_principal, interest_rate, term_months, applied_on, approved_on, contracted_on,
                disbursed_on, closed_on, created_at, updated_at)
            SELECT 'BM-' || g, :a, :b, q.code, 'Benchmark', 4800,
                   CASE WHEN g % 100 BETWEEN 95 AND 97 THEN 'WRITTEN_OFF' WHEN g % 100 = 98 THEN 'DEFAULTED'
                        WHEN g % 100 = 99 THEN 'REPAID' ELSE 'ACTIVE' END,
                   CASE WHEN q.code IS NULL THEN 'MICROFINANCER' ELSE 'LOCAL_FUND' END,
                   0, 0, 24,
                   d - (20 + g % 40), d - (5 + g % 10), d - 2, d,
                   CASE WHEN g % 100 BETWEEN 95 AND 97 THEN d + 200 WHEN g % 100 = 99 THEN d + 100 END,
                   now(), CASE WHEN g % 100 = 98 THEN (d + 200)::timestamp ELSE now() END
            FROM generate_series(1, :n) g
            CROSS JOIN LATERAL (SELECT DATE '2029-01-01' + (g % 730) AS d) dd
            LEFT JOIN LATERAL (SELECT code FROM quarter ORDER BY code OFFSET (g % 8) LIMIT 1) q ON g % 8 < 7""")
        .param("a", applicant).param("b", business).param("n", loans).update();
    jdbc.sql("""
            INSERT INTO bench (i, loan_id, kind, disbursed, paid)
            SELECT CAST(substr(reference, 4) AS INT), id, CAST(substr(reference, 4) AS INT) % 100, disbursed_on,
                   -- instalments due by AS_OF, less what the class leaves unpaid
                   GREATEST(0, LEAST(24, (EXTRACT(YEAR FROM age(:asOf, disbursed_on)) * 12
                                       + EXTRACT(MONTH FROM age(:asOf, disbursed_on)))::int)
                     - CASE WHEN CAST(substr(reference, 4) AS INT) % 100 BETWEEN 80 AND 89
                            THEN 1 + CAST(substr(reference, 4) AS INT) % 6
                            WHEN CAST(substr(reference, 4) AS INT) % 100 BETWEEN 95 AND 98 THEN 24 ELSE 0 END)
            FROM loan WHERE reference LIKE 'BM-%'""")
        .param("asOf", AS_OF).update();
    // written-off and defaulted loans paid the instalments due before their 6th month
    jdbc.sql("UPDATE bench SET paid = LEAST(5, paid + 24) WHERE kind BETWEEN 95 AND 98").update();
    jdbc.sql("UPDATE bench SET paid = 24 WHERE kind = 99").update();
    jdbc.sql("""
            INSERT INTO repayment_schedule (loan_id, version, reason, principal, annual_rate, current, created_at)
            SELECT loan_id, 1, 'Auszahlung', 4800, 0, TRUE, disbursed FROM bench""").update();
    jdbc.sql("""
            INSERT INTO repayment_schedule_line (schedule_id, instalment_no, due_on, principal, interest, instalment,
                remaining_principal, paid_amount, state)
            SELECT s.id, n, (b.disbursed + make_interval(months => n))::date, 200, 0, 200, 4800 - 200 * n,
                   CASE WHEN n <= b.paid THEN 200 ELSE 0 END, CASE WHEN n <= b.paid THEN 'PAID' ELSE 'OPEN' END
            FROM bench b JOIN repayment_schedule s ON s.loan_id = b.loan_id CROSS JOIN generate_series(1, 24) n""")
        .update();
    jdbc.sql("""
            INSERT INTO loan_principal_movement (loan_id, value_date, amount, kind, source, created_at)
            SELECT loan_id, disbursed, 4800, 'DISBURSEMENT', 'disbursement', now() FROM bench""").update();
    jdbc.sql("""
            INSERT INTO loan_principal_movement (loan_id, value_date, amount, kind, source, created_at)
            SELECT b.loan_id, CASE WHEN b.kind = 99 THEN b.disbursed + 100 ELSE (b.disbursed + make_interval(months => n))::date END,
                   -200, 'REPAYMENT', 'bank-event:' || b.i || '-' || n, now()
            FROM bench b CROSS JOIN generate_series(1, 24) n WHERE n <= b.paid""").update();
    jdbc.sql("""
            INSERT INTO loan_principal_movement (loan_id, value_date, amount, kind, source, created_at)
            SELECT loan_id, disbursed + 200, -(4800 - 200 * paid), 'WRITE_OFF', 'write-off', now()
            FROM bench WHERE kind BETWEEN 95 AND 97""").update();
    // the oldest unpaid instalment: line r + 1 from the payment of line r on (line 1 from disbursement)
    jdbc.sql("""
            INSERT INTO loan_oldest_unpaid (loan_id, oldest_unpaid_due_on, valid_from, valid_to)
            SELECT b.loan_id,
                   CASE WHEN r < 24 THEN (b.disbursed + make_interval(months => r + 1))::date END,
                   CASE WHEN r = 0 THEN b.disbursed ELSE (b.disbursed + make_interval(months => r))::date END,
                   CASE WHEN r < b.paid THEN (b.disbursed + make_interval(months => r + 1))::date END
            FROM bench b CROSS JOIN generate_series(0, 24) r WHERE r <= b.paid AND b.kind <> 99""").update();
    jdbc.sql("""
            INSERT INTO loan_oldest_unpaid (loan_id, oldest_unpaid_due_on, valid_from)
            SELECT loan_id, NULL, disbursed FROM bench WHERE kind = 99""").update();
    jdbc.sql("""
            INSERT INTO loan_disturbance_period (loan_id, started_on)
            SELECT loan_id, (disbursed + make_interval(months => paid + 1))::date FROM bench
            WHERE kind BETWEEN 80 AND 89 AND paid < 24""").update();
    jdbc.sql("""
            INSERT INTO loan_reschedule_request (loan_id, kind, reason, status, submitted_on, based_on_version, principal,
                annual_rate, first_due_on, instalments, instalment, approved_on, process_instance_id, created_at)
            SELECT loan_id, 'LONGER_TERM', 'Benchmark', 'APPROVED', disbursed + 150, 1, 3000, 0, disbursed + 200, 24,
                   125, disbursed + 160, 'bench-' || i, now()
            FROM bench WHERE kind BETWEEN 90 AND 94""").update();
    jdbc.sql("""
            INSERT INTO loss_allocation (loan_id, bearer, amount, allocated_on, created_at)
            SELECT loan_id, CASE WHEN i % 8 = 7 THEN 'MICROFINANCER' ELSE 'LOCAL_FUND' END, 4800 - 200 * paid,
                   disbursed + 210, now()
            FROM bench WHERE kind BETWEEN 95 AND 97""").update();
    jdbc.sql("""
            INSERT INTO loan_participant (loan_id, step, user_id, occurred_at)
            SELECT b.loan_id, 'ADVICE', 'advisor-' || COALESCE(l.quarter_code, 'mf') || '-' || (b.i % 5),
                   (b.disbursed - 10)::timestamp
            FROM bench b JOIN loan l ON l.id = b.loan_id""").update();
    // monthly contacts of the last twelve months of each loan's life, one in ten held late
    jdbc.sql("""
            INSERT INTO contact_obligation (loan_id, contact_month, due_on, fulfilled_on, process_instance_id, created_at)
            SELECT b.loan_id, to_char(m, 'YYYY-MM'), (m + interval '1 month - 1 day')::date,
                   CASE WHEN (b.i + EXTRACT(MONTH FROM m)::int) % 10 = 0 THEN (m + interval '1 month + 3 days')::date
                        ELSE (m + interval '20 days')::date END,
                   'bench-' || b.i, now()
            FROM bench b CROSS JOIN generate_series(DATE '2030-01-01', DATE '2030-12-01', interval '1 month') m
            WHERE m >= b.disbursed""").update();
    jdbc.sql("UPDATE loan SET outstanding_principal = 4800 - 200 * b.paid FROM bench b "
        + "WHERE loan.id = b.loan_id AND b.kind < 95").update();
    // as autovacuum leaves a table in production: statistics and the visibility map (index-only scans)
    jdbc.sql("VACUUM ANALYZE").update();
  }

  private static double millis(Callable<?> work) {
    return millis(work, 5);
  }

  private static double millis(Callable<?> work, int runs) {
    try {
      work.call();
      double[] times = new double[runs];
      for (int i = 0; i < runs; i++) {
        Instant began = Instant.now();
        work.call();
        times[i] = Duration.between(began, Instant.now()).toNanos() / 1_000_000.0;
      }
      Arrays.sort(times);
      return times[runs / 2];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
