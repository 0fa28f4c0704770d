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
    BigDecimal[] grossOnAveragingDates;
    BigDecimal writtenOffInPeriod = BigDecimal.ZERO;
    BigDecimal writtenOffToDate = BigDecimal.ZERO;
    BigDecimal repaidToDate = BigDecimal.ZERO;
    BigDecimal repaidInPeriod = BigDecimal.ZERO;
    int defaults;
    int loansGranted;
    final Map<LossBearer, BigDecimal> losses = new EnumMap<>(LossBearer.class);
    BigDecimal duePrincipal = BigDecimal.ZERO;
    final SortedMap<Integer, Integer> daysToDecision = new TreeMap<>();
    final SortedMap<Integer, Integer> daysToDisbursement = new TreeMap<>();

    Figures(int averagingDates) {
      grossOnAveragingDates = new BigDecimal[averagingDates];
      java.util.Arrays.fill(grossOnAveragingDates, BigDecimal.ZERO);
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
      for (int i = 0; i < grossOnAveragingDates.length; i++) {
        grossOnAveragingDates[i] = grossOnAveragingDates[i].add(other.grossOnAveragingDates[i]);
      }
      writtenOffInPeriod = writtenOffInPeriod.add(other.writtenOffInPeriod);
      writtenOffToDate = writtenOffToDate.add(other.writtenOffToDate);
      repaidToDate = repaidToDate.add(other.repaidToDate);
      repaidInPeriod = repaidInPeriod.add(other.repaidInPeriod);
      defaults += other.defaults;
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
    atRisk(asOf, scope);
    movements(asOf, from, averaging, scope);
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
    jdbc.sql("""
            SELECT scope, SUM(principal) AS due FROM (
              SELECT %s AS scope, sl.principal
              FROM repayment_schedule_line sl
              JOIN repayment_schedule s ON s.id = sl.schedule_id
              JOIN loan l ON l.id = s.loan_id
              LEFT JOIN repayment_schedule n ON n.loan_id = s.loan_id AND n.version = s.version + 1
              WHERE sl.due_on BETWEEN :from AND :asOf AND sl.state <> 'SUPERSEDED'
                AND (n.id IS NULL OR sl.due_on < CAST(n.created_at AS DATE))
                AND (l.closed_on IS NULL OR sl.due_on <= l.closed_on)) x
            GROUP BY scope""".formatted(SCOPE))
        .param("from", from).param("asOf", asOf)
        .query(rs -> {
          scope.apply(rs.getString("scope")).duePrincipal = rs.getBigDecimal("due");
        });
    return byScope;
  }

  /** Only the aging and PAR figures as of {@code asOf} (for the trend): one statement. */
  Map<String, Figures> atRiskOnly(LocalDate asOf) {
    Map<String, Figures> byScope = new HashMap<>();
    atRisk(asOf, key -> byScope.computeIfAbsent(key, k -> new Figures(1)));
    return byScope;
  }

  /**
   * The aging statement: every loan with principal outstanding on {@code asOf}, its bucket by the oldest
   * unpaid instalment valid that day, whether it is rescheduled and whether it has defaulted; grouped.
   */
  String agingSql() {
    StringBuilder bucket = new StringBuilder("CASE");
    for (AgingBucket b : AgingBucket.mostOverdueFirst()) {
      if (b != AgingBucket.CURRENT) {
        bucket.append(" WHEN h.oldest_unpaid_due_on <= :due_").append(b.name()).append(" THEN '").append(b.name())
            .append("'");
      }
    }
    bucket.append(" ELSE '").append(AgingBucket.CURRENT.name()).append("' END");
    return """
        SELECT scope, bucket, rescheduled, defaulted, COUNT(*) AS loans, SUM(outstanding) AS principal FROM (
          SELECT %s AS scope, %s AS bucket,
                 CASE WHEN r.loan_id IS NULL THEN 0 ELSE 1 END AS rescheduled,
                 CASE WHEN l.state = 'DEFAULTED' AND %s THEN 1 ELSE 0 END AS defaulted,
                 b.outstanding
          FROM (SELECT loan_id, SUM(amount) AS outstanding FROM loan_principal_movement
                WHERE value_date <= :asOf GROUP BY loan_id HAVING SUM(amount) > 0) b
          JOIN loan l ON l.id = b.loan_id
          LEFT JOIN loan_oldest_unpaid h ON h.loan_id = b.loan_id
               AND h.valid_from <= :asOf AND (h.valid_to IS NULL OR h.valid_to > :asOf)
          LEFT JOIN (SELECT DISTINCT loan_id FROM loan_reschedule_request
                     WHERE status = 'APPROVED' AND approved_on <= :asOf) r ON r.loan_id = b.loan_id) x
        GROUP BY scope, bucket, rescheduled, defaulted""".formatted(SCOPE, bucket, PortfolioIndicators.DEFAULTED_BY_AS_OF);
  }

  private void atRisk(LocalDate asOf, Function<String, Figures> scope) {
    var statement = jdbc.sql(agingSql()).param("asOf", asOf).param("endOfAsOf", asOf.plusDays(1).atStartOfDay());
    for (AgingBucket b : AgingBucket.values()) {
      if (b != AgingBucket.CURRENT) {
        statement = statement.param("due_" + b.name(), b.dueOnOrBefore(asOf));
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
    });
  }

  /**
   * One pass over the principal movements up to {@code asOf}, summed per scope, kind and slice of time:
   * slice 0 ends the day before {@code from}, slice i (1..n) ends on the i-th averaging date. The gross
   * portfolio on averaging date i is the sum of every movement in slices 0..i (balances never go below 0).
   */
  private void movements(LocalDate asOf, LocalDate from, List<LocalDate> averaging, Function<String, Figures> scope) {
    StringBuilder slice = new StringBuilder("CASE WHEN m.value_date <= :slice0 THEN 0");
    for (int i = 1; i <= averaging.size(); i++) {
      slice.append(" WHEN m.value_date <= :slice").append(i).append(" THEN ").append(i);
    }
    slice.append(" END");
    var statement = jdbc.sql("""
            SELECT scope, kind, slice, SUM(amount) AS amount FROM (
              SELECT %s AS scope, m.kind, %s AS slice, m.amount
              FROM loan_principal_movement m JOIN loan l ON l.id = m.loan_id
              WHERE m.value_date <= :asOf) x
            GROUP BY scope, kind, slice""".formatted(SCOPE, slice))
        .param("asOf", asOf).param("slice0", from.minusDays(1));
    for (int i = 1; i <= averaging.size(); i++) {
      statement = statement.param("slice" + i, averaging.get(i - 1));
    }
    statement.query(rs -> {
      Figures figures = scope.apply(rs.getString("scope"));
      String kind = rs.getString("kind");
      int at = rs.getInt("slice");
      BigDecimal amount = rs.getBigDecimal("amount");
      for (int i = Math.max(at, 1); i <= averaging.size(); i++) {
        figures.grossOnAveragingDates[i - 1] = figures.grossOnAveragingDates[i - 1].add(amount);
      }
      if ("WRITE_OFF".equals(kind)) {
        figures.writtenOffToDate = figures.writtenOffToDate.add(amount.negate());
        if (at >= 1) {
          figures.writtenOffInPeriod = figures.writtenOffInPeriod.add(amount.negate());
        }
      } else if ("REPAYMENT".equals(kind)) {
        figures.repaidToDate = figures.repaidToDate.add(amount.negate());
        if (at >= 1) {
          figures.repaidInPeriod = figures.repaidInPeriod.add(amount.negate());
        }
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

  /** Caseload as of {@code asOf} and monthly contacts due in {@code [from, asOf]} per advisor and scope. */
  List<AdvisorRow> advisors(LocalDate asOf, LocalDate from) {
    Map<String, int[]> sums = new HashMap<>();
    jdbc.sql("""
            SELECT user_id, scope, COUNT(*) AS caseload FROM (
              SELECT adv.user_id, %s AS scope FROM loan l JOIN (%s) adv ON adv.loan_id = l.id
              WHERE l.disbursed_on <= :asOf AND (l.closed_on IS NULL OR l.closed_on > :asOf)) x
            GROUP BY user_id, scope""".formatted(SCOPE, LOAN_ADVISOR))
        .param("asOf", asOf)
        .query(rs -> {
          sums.computeIfAbsent(rs.getString("user_id") + "\n" + rs.getString("scope"), k -> new int[3])[0] =
              rs.getInt("caseload");
        });
    jdbc.sql("""
            SELECT user_id, scope, COUNT(*) AS due, SUM(on_time) AS on_time FROM (
              SELECT adv.user_id, %s AS scope,
                     CASE WHEN c.fulfilled_on IS NOT NULL AND c.fulfilled_on <= c.due_on THEN 1 ELSE 0 END AS on_time
              FROM contact_obligation c JOIN loan l ON l.id = c.loan_id JOIN (%s) adv ON adv.loan_id = c.loan_id
              WHERE c.due_on BETWEEN :from AND :asOf) x
            GROUP BY user_id, scope""".formatted(SCOPE, LOAN_ADVISOR))
        .param("from", from).param("asOf", asOf)
        .query(rs -> {
          int[] row = sums.computeIfAbsent(rs.getString("user_id") + "\n" + rs.getString("scope"), k -> new int[3]);
          row[1] = rs.getInt("due");
          row[2] = rs.getInt("on_time");
        });
    List<AdvisorRow> rows = new ArrayList<>();
    sums.forEach((key, row) -> {
      String[] parts = key.split("\n", 2);
      rows.add(new AdvisorRow(parts[0], parts[1], row[0], row[1], row[2]));
    });
    return rows;
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
