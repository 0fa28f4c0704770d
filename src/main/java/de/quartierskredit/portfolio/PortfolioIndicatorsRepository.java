package de.quartierskredit.portfolio;

import de.quartierskredit.portfolio.PortfolioIndicators.AgingBucket;
import de.quartierskredit.portfolio.PortfolioIndicators.LossBearer;
import de.quartierskredit.portfolio.PortfolioIndicators.ParThreshold;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The indicators' SQL over our own tables (PostgreSQL and H2): a handful of grouped statements, each
 * returning a few rows per quarter however large the portfolio, so the database adds up and the
 * application only combines quarters into scopes. The rules come from {@link PortfolioIndicators}.
 */
@Repository
class PortfolioIndicatorsRepository {

  /** The scope key of a loan: its quarter's code, or OUTSIDE. */
  static final String SCOPE = "COALESCE(l.quarter_code, '" + PortfolioReport.OUTSIDE + "')";

  /**
   * Principal due in :from..:asOf per scope: the lines falling due in the period in the schedule in force
   * on their due date (not superseded, before the next version started), up to the loan's closing.
   * Summed per schedule first (one pass over the lines of the period); only for the few schedules of
   * rescheduled or closed loans, a correlated sum (by the schedule's index) takes off their lines outside
   * those bounds, so that the lines of the period are read once, not joined twice.
   */
  static final String DUE = """
      SELECT scope, SUM(due) AS due FROM (
        SELECT %1$s AS scope,
               x.due - CASE WHEN n.id IS NULL AND l.closed_on IS NULL THEN 0 ELSE COALESCE(
                 (SELECT SUM(sl.principal) FROM repayment_schedule_line sl
                  WHERE sl.schedule_id = x.schedule_id AND sl.due_on BETWEEN :from AND :asOf
                    AND sl.state <> 'SUPERSEDED'
                    AND NOT ((n.id IS NULL OR sl.due_on < CAST(n.created_at AS DATE))
                             AND (l.closed_on IS NULL OR sl.due_on <= l.closed_on))), 0) END AS due
        FROM (SELECT schedule_id, SUM(principal) AS due FROM repayment_schedule_line
              WHERE due_on BETWEEN :from AND :asOf AND state <> 'SUPERSEDED' GROUP BY schedule_id) x
        JOIN repayment_schedule s ON s.id = x.schedule_id
        JOIN loan l ON l.id = s.loan_id
        LEFT JOIN repayment_schedule n ON n.loan_id = s.loan_id AND n.version = s.version + 1) y
      GROUP BY scope""".formatted(SCOPE);

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private volatile String daysBetweenTemplate;

  PortfolioIndicatorsRepository(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /** Mutable sums of one quarter (or OUTSIDE); scopes add several of them up. */
  static final class Figures {
    final Map<AgingBucket, long[]> agingLoans = new EnumMap<>(AgingBucket.class);
    final Map<AgingBucket, BigDecimal> agingPrincipal = new EnumMap<>(AgingBucket.class);
    final Map<ParThreshold, Integer> parLoans = new EnumMap<>(ParThreshold.class);
    final Map<ParThreshold, BigDecimal> parPrincipal = new EnumMap<>(ParThreshold.class);
    int rescheduledLoans;
    BigDecimal rescheduledPrincipal = BigDecimal.ZERO;
    BigDecimal defaultedOutstanding = BigDecimal.ZERO;
    /** The gross portfolio summed over the averaging dates (their mean is the average gross portfolio). */
    BigDecimal grossOverAveragingDates = BigDecimal.ZERO;
    final int averagingDates;
    BigDecimal writtenOffInPeriod = BigDecimal.ZERO;
    BigDecimal writtenOffToDate = BigDecimal.ZERO;
    BigDecimal repaidToDate = BigDecimal.ZERO;
    BigDecimal repaidInPeriod = BigDecimal.ZERO;
    int defaults;
    int loansGranted;
    int disturbedLoans;
    final Map<LossBearer, BigDecimal> losses = new EnumMap<>(LossBearer.class);
    BigDecimal duePrincipal = BigDecimal.ZERO;
    final SortedMap<Integer, Integer> daysToDecision = new TreeMap<>();
    final SortedMap<Integer, Integer> daysToDisbursement = new TreeMap<>();

    Figures(int averagingDates) {
      this.averagingDates = averagingDates;
      for (AgingBucket bucket : AgingBucket.values()) {
        agingLoans.put(bucket, new long[1]);
        agingPrincipal.put(bucket, BigDecimal.ZERO);
      }
      for (ParThreshold par : ParThreshold.values()) {
        parLoans.put(par, 0);
        parPrincipal.put(par, BigDecimal.ZERO);
      }
      for (LossBearer bearer : LossBearer.values()) {
        losses.put(bearer, BigDecimal.ZERO);
      }
    }

    int loansOutstanding() {
      return (int) agingLoans.values().stream().mapToLong(count -> count[0]).sum();
    }

    BigDecimal grossPortfolio() {
      return Money.euros(agingPrincipal.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Adds another quarter's figures to these. */
    void add(Figures other) {
      for (AgingBucket bucket : AgingBucket.values()) {
        agingLoans.get(bucket)[0] += other.agingLoans.get(bucket)[0];
        agingPrincipal.merge(bucket, other.agingPrincipal.get(bucket), BigDecimal::add);
      }
      for (ParThreshold par : ParThreshold.values()) {
        parLoans.merge(par, other.parLoans.get(par), Integer::sum);
        parPrincipal.merge(par, other.parPrincipal.get(par), BigDecimal::add);
      }
      rescheduledLoans += other.rescheduledLoans;
      rescheduledPrincipal = rescheduledPrincipal.add(other.rescheduledPrincipal);
      defaultedOutstanding = defaultedOutstanding.add(other.defaultedOutstanding);
      grossOverAveragingDates = grossOverAveragingDates.add(other.grossOverAveragingDates);
      writtenOffInPeriod = writtenOffInPeriod.add(other.writtenOffInPeriod);
      writtenOffToDate = writtenOffToDate.add(other.writtenOffToDate);
      repaidToDate = repaidToDate.add(other.repaidToDate);
      repaidInPeriod = repaidInPeriod.add(other.repaidInPeriod);
      defaults += other.defaults;
      disturbedLoans += other.disturbedLoans;
      loansGranted += other.loansGranted;
      other.losses.forEach((bearer, amount) -> losses.merge(bearer, amount, BigDecimal::add));
      duePrincipal = duePrincipal.add(other.duePrincipal);
      other.daysToDecision.forEach((days, count) -> daysToDecision.merge(days, count, Integer::sum));
      other.daysToDisbursement.forEach((days, count) -> daysToDisbursement.merge(days, count, Integer::sum));
    }
  }

  /** The figures of every quarter with loans (and OUTSIDE), keyed by scope, as of {@code asOf} for {@code [from, asOf]}. */
  Map<String, Figures> figures(LocalDate asOf, LocalDate from) {
    List<LocalDate> averaging = PortfolioIndicators.averagingDates(from, asOf);
    Map<String, Figures> byScope = new HashMap<>();
    Function<String, Figures> scope = key -> byScope.computeIfAbsent(key, k -> new Figures(averaging.size()));
    balances(asOf, from, averaging, scope);
    loans(asOf, from, scope);
    jdbc.sql("""
            SELECT scope, bearer, SUM(amount) AS amount FROM (
              SELECT %s AS scope, a.bearer, a.amount FROM loss_allocation a JOIN loan l ON l.id = a.loan_id
              WHERE a.allocated_on BETWEEN :from AND :asOf) x
            GROUP BY scope, bearer""".formatted(SCOPE))
        .param("from", from).param("asOf", asOf)
        .query(rs -> {
          scope.apply(rs.getString("scope")).losses
              .merge(LossBearer.valueOf(rs.getString("bearer")), rs.getBigDecimal("amount"), BigDecimal::add);
        });
    jdbc.sql(DUE).param("from", from).param("asOf", asOf)
        .query(rs -> {
          scope.apply(rs.getString("scope")).duePrincipal = rs.getBigDecimal("due");
        });
    return byScope;
  }

  /**
   * Only the aging, PAR and disturbance figures as of {@code asOf} (for the trend): one statement, loans
   * with principal outstanding only.
   */
  Map<String, Figures> atRiskOnly(LocalDate asOf) {
    Map<String, Figures> byScope = new HashMap<>();
    balances(asOf, null, List.of(), key -> byScope.computeIfAbsent(key, k -> new Figures(0)));
    return byScope;
  }

  /**
   * PAR30 and PAR90 as of {@code asOf} of each of {@code scopes} (quarters, OUTSIDE) and of ALL, as the
   * trend computes them ({@link #atRiskOnly}): a scope without outstanding loans has zero at risk.
   */
  Map<String, PortfolioSnapshotRepository.ParFigures> atRiskByScope(LocalDate asOf, java.util.Collection<String> scopes) {
    Map<String, Figures> figures = atRiskOnly(asOf);
    Figures total = new Figures(0);
    figures.values().forEach(total::add);
    Map<String, PortfolioSnapshotRepository.ParFigures> byScope = new HashMap<>();
    for (String scope : scopes) {
      byScope.put(scope, atRisk(figures.getOrDefault(scope, new Figures(0))));
    }
    byScope.put(PortfolioReport.ALL, atRisk(total));
    return byScope;
  }

  /** A scope's PAR30/PAR90 principal (in euros) and ratio to its gross portfolio. */
  static PortfolioSnapshotRepository.ParFigures atRisk(Figures f) {
    BigDecimal gross = f.grossPortfolio();
    BigDecimal par30 = Money.euros(f.parPrincipal.get(ParThreshold.PAR30));
    BigDecimal par90 = Money.euros(f.parPrincipal.get(ParThreshold.PAR90));
    return new PortfolioSnapshotRepository.ParFigures(par30, PortfolioIndicators.ratio(par30, gross),
        par90, PortfolioIndicators.ratio(par90, gross));
  }

  /**
   * The one pass over the principal movements up to {@code asOf} that the PAR, aging, gross portfolio,
   * write-off, repayment and Ausfallquote figures share. Per loan: the balance on {@code asOf}, the sum
   * of its balances on the averaging dates (each movement weighted by
   * {@link PortfolioIndicators#averagingWeight}), principal written off and repaid up to {@code asOf}
   * and within the period. Per loan also its aging bucket (the oldest unpaid instalment valid
   * on {@code asOf}), whether it is rescheduled, defaulted, and (without a period, for the trend)
   * disturbed. Grouped by scope and those flags: a few dozen rows however large the portfolio.
   * Without a period only loans with principal outstanding are read (as the raw PAR statement does).
   */
  String balancesSql(List<LocalDate> averaging, boolean period) {
    StringBuilder bucket = new StringBuilder("CASE");
    for (AgingBucket b : AgingBucket.mostOverdueFirst()) {
      if (b != AgingBucket.CURRENT) {
        bucket.append(" WHEN h.oldest_unpaid_due_on <= :due_").append(b.name()).append(" THEN '").append(b.name())
            .append("'");
      }
    }
    bucket.append(" ELSE '").append(AgingBucket.CURRENT.name()).append("' END");
    StringBuilder perLoan = new StringBuilder("SUM(amount) AS outstanding");
    StringBuilder sums = new StringBuilder();
    if (period) {
      perLoan.append(", SUM(amount * ").append(weight(averaging)).append(") AS weighted");
      sums.append(", SUM(weighted) AS weighted");
      perLoan.append("""
          , SUM(CASE WHEN kind = 'WRITE_OFF' THEN amount ELSE 0 END) AS written_off
          , SUM(CASE WHEN kind = 'WRITE_OFF' AND value_date >= :from THEN amount ELSE 0 END) AS written_off_in_period
          , SUM(CASE WHEN kind = 'REPAYMENT' THEN amount ELSE 0 END) AS repaid
          , SUM(CASE WHEN kind = 'REPAYMENT' AND value_date >= :from THEN amount ELSE 0 END) AS repaid_in_period""");
      sums.append("""
          , SUM(written_off) AS written_off, SUM(written_off_in_period) AS written_off_in_period
          , SUM(repaid) AS repaid, SUM(repaid_in_period) AS repaid_in_period""");
    }
    String disturbed = period ? "0" : """
        CASE WHEN EXISTS (SELECT 1 FROM loan_disturbance_period d WHERE d.loan_id = b.loan_id
                          AND %s) THEN 1 ELSE 0 END""".formatted(PortfolioReportRepository.DISTURBANCE_COVERS_AS_OF);
    return """
        SELECT scope, bucket, rescheduled, defaulted, disturbed,
               SUM(CASE WHEN outstanding > 0 THEN 1 ELSE 0 END) AS loans,
               SUM(CASE WHEN outstanding > 0 THEN outstanding ELSE 0 END) AS principal%5$s
        FROM (SELECT %1$s AS scope, %2$s AS bucket,
                     CASE WHEN r.loan_id IS NULL THEN 0 ELSE 1 END AS rescheduled,
                     CASE WHEN l.state = 'DEFAULTED' AND %3$s THEN 1 ELSE 0 END AS defaulted,
                     %4$s AS disturbed, b.*
              FROM (SELECT loan_id, %6$s FROM loan_principal_movement
                    WHERE value_date <= :asOf GROUP BY loan_id%7$s) b
              JOIN loan l ON l.id = b.loan_id
              LEFT JOIN loan_oldest_unpaid h ON h.loan_id = b.loan_id
                   AND h.valid_from <= :asOf AND (h.valid_to IS NULL OR h.valid_to > :asOf)
              LEFT JOIN (SELECT DISTINCT loan_id FROM loan_reschedule_request
                         WHERE status = 'APPROVED' AND approved_on <= :asOf) r ON r.loan_id = b.loan_id) x
        GROUP BY scope, bucket, rescheduled, defaulted, disturbed"""
        .formatted(SCOPE, bucket, PortfolioIndicators.DEFAULTED_BY_AS_OF, disturbed, sums, perLoan,
            period ? "" : " HAVING SUM(amount) > 0");
  }

  /** The weight of a movement's amount in the sum over the averaging dates, as a CASE on its value date. */
  private static String weight(List<LocalDate> averaging) {
    if (averaging.size() <= 1) {
      return "1";
    }
    StringBuilder weight = new StringBuilder("CASE");
    for (int i = 1; i < averaging.size(); i++) {
      weight.append(" WHEN value_date <= :on").append(i).append(" THEN ")
          .append(PortfolioIndicators.averagingWeight(averaging.get(i - 1), averaging));
    }
    return weight.append(" ELSE 1 END").toString();
  }

  /** Runs {@link #balancesSql}; {@code from} null: no period (trend). */
  private void balances(LocalDate asOf, LocalDate from, List<LocalDate> averaging, Function<String, Figures> scope) {
    boolean period = from != null;
    var statement = jdbc.sql(balancesSql(averaging, period))
        .param("asOf", asOf).param("endOfAsOf", asOf.plusDays(1).atStartOfDay());
    for (AgingBucket b : AgingBucket.values()) {
      if (b != AgingBucket.CURRENT) {
        statement = statement.param("due_" + b.name(), b.dueOnOrBefore(asOf));
      }
    }
    if (period) {
      statement = statement.param("from", from);
      for (int i = 1; i < averaging.size(); i++) {
        statement = statement.param("on" + i, averaging.get(i - 1));
      }
    }
    statement.query(rs -> {
      Figures figures = scope.apply(rs.getString("scope"));
      AgingBucket bucket = AgingBucket.valueOf(rs.getString("bucket"));
      boolean rescheduled = rs.getInt("rescheduled") == 1;
      int loans = rs.getInt("loans");
      BigDecimal principal = rs.getBigDecimal("principal");
      figures.agingLoans.get(bucket)[0] += loans;
      figures.agingPrincipal.merge(bucket, principal, BigDecimal::add);
      if (rescheduled) {
        figures.rescheduledLoans += loans;
        figures.rescheduledPrincipal = figures.rescheduledPrincipal.add(principal);
      }
      for (ParThreshold par : ParThreshold.values()) {
        if (rescheduled || par.includes(bucket)) {
          figures.parLoans.merge(par, loans, Integer::sum);
          figures.parPrincipal.merge(par, principal, BigDecimal::add);
        }
      }
      if (rs.getInt("defaulted") == 1) {
        figures.defaultedOutstanding = figures.defaultedOutstanding.add(principal);
      }
      if (rs.getInt("disturbed") == 1) {
        figures.disturbedLoans += loans;
      }
      if (period) {
        figures.grossOverAveragingDates = figures.grossOverAveragingDates.add(rs.getBigDecimal("weighted"));
        figures.writtenOffToDate = figures.writtenOffToDate.subtract(rs.getBigDecimal("written_off"));
        figures.writtenOffInPeriod = figures.writtenOffInPeriod.subtract(rs.getBigDecimal("written_off_in_period"));
        figures.repaidToDate = figures.repaidToDate.subtract(rs.getBigDecimal("repaid"));
        figures.repaidInPeriod = figures.repaidInPeriod.subtract(rs.getBigDecimal("repaid_in_period"));
      }
    });
  }

  /** Loans granted and defaulted by {@code asOf}, and the days to decision and to disbursement in the period. */
  private void loans(LocalDate asOf, LocalDate from, Function<String, Figures> scope) {
    jdbc.sql("""
            SELECT scope, SUM(granted) AS granted, SUM(defaulted) AS defaulted FROM (
              SELECT %s AS scope,
                     CASE WHEN l.disbursed_on <= :asOf THEN 1 ELSE 0 END AS granted,
                     CASE WHEN %s THEN 1 ELSE 0 END AS defaulted
              FROM loan l WHERE l.disbursed_on IS NOT NULL) x
            GROUP BY scope""".formatted(SCOPE, PortfolioIndicators.DEFAULTED_BY_AS_OF))
        .param("asOf", asOf).param("endOfAsOf", asOf.plusDays(1).atStartOfDay())
        .query(rs -> {
          Figures figures = scope.apply(rs.getString("scope"));
          figures.loansGranted += rs.getInt("granted");
          figures.defaults += rs.getInt("defaulted");
        });
    String decidedOn = "CASE WHEN l.approved_on IS NOT NULL THEN l.approved_on"
        + " WHEN l.state = 'REJECTED' THEN l.closed_on END";
    histogram(decidedOn, asOf, from, scope, figures -> figures.daysToDecision);
    histogram("l.disbursed_on", asOf, from, scope, figures -> figures.daysToDisbursement);
  }

  private void histogram(String endExpression, LocalDate asOf, LocalDate from, Function<String, Figures> scope,
      Function<Figures, SortedMap<Integer, Integer>> target) {
    jdbc.sql("""
            SELECT scope, days, COUNT(*) AS cases FROM (
              SELECT scope, %s AS days FROM (
                SELECT %s AS scope, l.applied_on, %s AS ended_on FROM loan l) y
              WHERE ended_on BETWEEN :from AND :asOf AND ended_on >= applied_on) x
            GROUP BY scope, days""".formatted(daysBetween("applied_on", "ended_on"), SCOPE, endExpression))
        .param("from", from).param("asOf", asOf)
        .query(rs -> {
          target.apply(scope.apply(rs.getString("scope"))).merge(rs.getInt("days"), rs.getInt("cases"), Integer::sum);
        });
  }

  /** An advisor's sums in one scope (a loan's quarter). */
  record AdvisorRow(String userId, String scope, int caseload, int contactsDue, int contactsOnTime) {}

  /** The loan's advisor (the latest advisor step in loan_participant), as a derived table {@code adv(loan_id, user_id)}. */
  private static final String LOAN_ADVISOR = """
      SELECT p.loan_id, p.user_id FROM loan_participant p
      WHERE p.step IN (%1$s)
        AND NOT EXISTS (SELECT 1 FROM loan_participant q
                        WHERE q.loan_id = p.loan_id AND q.step IN (%1$s)
                          AND (q.occurred_at > p.occurred_at OR (q.occurred_at = p.occurred_at AND q.id > p.id)))"""
      .formatted(String.join(", ", PortfolioIndicators.ADVISOR_STEPS.stream().map(s -> "'" + s + "'").toList()));

  /** See {@link #advisors}. */
  static final String ADVISORS = """
      SELECT user_id, scope, SUM(active) AS caseload, SUM(due) AS due, SUM(on_time) AS on_time FROM (
        SELECT adv.user_id, %1$s AS scope,
               CASE WHEN l.disbursed_on <= :asOf AND (l.closed_on IS NULL OR l.closed_on > :asOf)
                    THEN 1 ELSE 0 END AS active,
               0 AS due, 0 AS on_time
        FROM loan l
        JOIN (%2$s) adv ON adv.loan_id = l.id
        WHERE l.disbursed_on <= :asOf
        UNION ALL
        SELECT adv.user_id, %1$s AS scope, 0 AS active, 1 AS due,
               CASE WHEN c.fulfilled_on IS NOT NULL AND c.fulfilled_on <= c.due_on THEN 1 ELSE 0 END AS on_time
        FROM contact_obligation c
        JOIN loan l ON l.id = c.loan_id
        JOIN (%2$s) adv ON adv.loan_id = l.id
        WHERE c.due_on BETWEEN :from AND :asOf AND l.disbursed_on <= :asOf) x
      GROUP BY user_id, scope
      HAVING SUM(active) > 0 OR SUM(due) > 0""".formatted(SCOPE, LOAN_ADVISOR);

  /**
   * Caseload as of {@code asOf} and monthly contacts due in {@code [from, asOf]} per advisor and scope, in
   * one statement: the loans with their advisor, and the contacts of the period (an index range) joined to
   * them and counted per advisor and scope directly (no per-loan grouping of the contacts).
   */
  List<AdvisorRow> advisors(LocalDate asOf, LocalDate from) {
    return jdbc.sql(ADVISORS)
        .param("from", from).param("asOf", asOf)
        .query((rs, row) -> new AdvisorRow(rs.getString("user_id"), rs.getString("scope"), rs.getInt("caseload"),
            rs.getInt("due"), rs.getInt("on_time")))
        .list();
  }

  /** Whole days from {@code start} to {@code end} (two DATE columns), in this database's dialect. */
  String daysBetween(String start, String end) {
    if (daysBetweenTemplate == null) {
      try (Connection connection = dataSource.getConnection()) {
        String product = connection.getMetaData().getDatabaseProductName();
        daysBetweenTemplate = product != null && product.toUpperCase(java.util.Locale.ROOT).contains("H2")
            ? "DATEDIFF(DAY, %1$s, %2$s)" : "(%2$s - %1$s)";
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the database product", e);
      }
    }
    return daysBetweenTemplate.formatted(start, end);
  }
}
