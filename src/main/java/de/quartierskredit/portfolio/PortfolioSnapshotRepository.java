package de.quartierskredit.portfolio;

import de.quartierskredit.portfolio.PortfolioReport.ScopeFigures;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The monthly snapshots of the 15th, one row per scope and reporting date, for trends. */
@Repository
class PortfolioSnapshotRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  PortfolioSnapshotRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Stores the report's figures with PAR30/PAR90 per scope ({@code atRisk}: scope to its at-risk figures,
   * ALL included; a scope missing there is stored without PAR); a second run for the same date replaces
   * the first.
   */
  @Transactional
  void store(PortfolioReport report, Map<String, ParFigures> atRisk) {
    jdbc.sql("DELETE FROM portfolio_snapshot WHERE reporting_date = :d").param("d", report.asOf()).update();
    List<ScopeFigures> rows = new ArrayList<>(report.scopes());
    rows.add(report.system());
    for (ScopeFigures f : rows) {
      jdbc.sql("""
              INSERT INTO portfolio_snapshot (reporting_date, scope, loans_outstanding, principal_outstanding,
                  loans_disturbed, principal_disturbed, disturbance_rate, above_standard, created_at,
                  par30_principal, par30_ratio, par90_principal, par90_ratio)
              VALUES (:d, :scope, :loans, :principal, :disturbed, :principalDisturbed, :rate, :above, :now,
                  :par30, :par30Ratio, :par90, :par90Ratio)""")
          .param("d", report.asOf())
          .param("scope", f.scope())
          .param("loans", f.loansOutstanding())
          .param("principal", f.principalOutstanding())
          .param("disturbed", f.loansDisturbed())
          .param("principalDisturbed", f.principalDisturbed())
          .param("rate", f.disturbanceRate())
          .param("above", f.aboveStandard())
          .param("now", LocalDateTime.now(clock))
          .param("par30", par(atRisk, f.scope(), ParFigures::par30Principal), Types.NUMERIC)
          .param("par30Ratio", par(atRisk, f.scope(), ParFigures::par30Ratio), Types.NUMERIC)
          .param("par90", par(atRisk, f.scope(), ParFigures::par90Principal), Types.NUMERIC)
          .param("par90Ratio", par(atRisk, f.scope(), ParFigures::par90Ratio), Types.NUMERIC)
          .update();
    }
  }

  private static BigDecimal par(Map<String, ParFigures> atRisk, String scope, Function<ParFigures, BigDecimal> figure) {
    ParFigures figures = atRisk.get(scope);
    return figures == null ? null : figure.apply(figures);
  }

  /** PAR30 and PAR90 of one scope on a reporting date: principal at risk in EUR, and its ratio to the gross portfolio. */
  record ParFigures(BigDecimal par30Principal, BigDecimal par30Ratio, BigDecimal par90Principal, BigDecimal par90Ratio) {}

  /**
   * The stored PAR figures of the reporting dates from {@code from} up to {@code until}, by date and scope;
   * rows taken before PAR was stored (V14) are left out.
   */
  Map<LocalDate, Map<String, ParFigures>> storedAtRisk(LocalDate from, LocalDate until) {
    Map<LocalDate, Map<String, ParFigures>> stored = new HashMap<>();
    jdbc.sql("""
            SELECT reporting_date, scope, par30_principal, par30_ratio, par90_principal, par90_ratio
            FROM portfolio_snapshot WHERE reporting_date BETWEEN :from AND :until
              AND par30_ratio IS NOT NULL AND par90_ratio IS NOT NULL""")
        .param("from", from).param("until", until)
        .query(rs -> {
          stored.computeIfAbsent(rs.getObject("reporting_date", LocalDate.class), d -> new HashMap<>())
              .put(rs.getString("scope"), new ParFigures(rs.getBigDecimal("par30_principal"), rs.getBigDecimal("par30_ratio"),
                  rs.getBigDecimal("par90_principal"), rs.getBigDecimal("par90_ratio")));
        });
    return stored;
  }

  /** Snapshots from {@code from} up to {@code until} (both included), oldest first. */
  List<Snapshot> between(LocalDate from, LocalDate until) {
    return jdbc.sql("""
            SELECT reporting_date, scope, loans_outstanding, principal_outstanding, loans_disturbed,
                   principal_disturbed, disturbance_rate, above_standard
            FROM portfolio_snapshot WHERE reporting_date BETWEEN :from AND :until ORDER BY reporting_date, scope""")
        .param("from", from)
        .param("until", until)
        .query((rs, row) -> new Snapshot(rs.getObject("reporting_date", LocalDate.class), rs.getString("scope"),
            rs.getInt("loans_outstanding"), rs.getBigDecimal("principal_outstanding"), rs.getInt("loans_disturbed"),
            rs.getBigDecimal("principal_disturbed"), rs.getBigDecimal("disturbance_rate"),
            rs.getBoolean("above_standard")))
        .list();
  }

  /** One stored row. */
  record Snapshot(LocalDate reportingDate, String scope, int loansOutstanding, BigDecimal principalOutstanding,
      int loansDisturbed, BigDecimal principalDisturbed, BigDecimal disturbanceRate, boolean aboveStandard) {}

  /** The disturbed loans of the given scopes on the date, for the quality-assurance task. */
  List<DisturbedLoan> disturbedLoans(LocalDate asOf, List<String> scopes) {
    return jdbc.sql("""
            SELECT l.reference, COALESCE(l.quarter_code, 'OUTSIDE') AS scope, a.first_name, a.last_name,
                   b.name AS business, p.started_on
            FROM loan_disturbance_period p
            JOIN loan l ON l.id = p.loan_id
            JOIN applicant a ON a.id = l.applicant_id
            JOIN business b ON b.id = l.business_id
            WHERE p.started_on <= :d AND (p.ended_on IS NULL OR p.ended_on > :d)
              AND (SELECT SUM(m.amount) FROM loan_principal_movement m WHERE m.loan_id = l.id AND m.value_date <= :d) > 0
            ORDER BY scope, p.started_on, l.reference""")
        .param("d", asOf)
        .query((rs, row) -> new DisturbedLoan(rs.getString("reference"), rs.getString("scope"),
            rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("business"),
            rs.getObject("started_on", LocalDate.class)))
        .list()
        .stream()
        .filter(loan -> scopes.contains(PortfolioReport.ALL) || scopes.contains(loan.scope()))
        .toList();
  }

  /** A loan the microfinancer has to look at. */
  record DisturbedLoan(String reference, String scope, String borrower, String business, LocalDate disturbedSince) {}

  void recordMeasures(LocalDate reportingDate, String scopes, String measures, String recordedBy, String processInstanceId) {
    int exists = jdbc.sql("SELECT COUNT(*) FROM quality_assurance_measure WHERE process_instance_id = :pi")
        .param("pi", processInstanceId).query(Integer.class).single();
    if (exists > 0) {
      return;
    }
    jdbc.sql("""
            INSERT INTO quality_assurance_measure (reporting_date, scopes, measures, recorded_by, recorded_at, process_instance_id)
            VALUES (:d, :scopes, :measures, :by, :now, :pi)""")
        .param("d", reportingDate).param("scopes", scopes).param("measures", measures).param("by", recordedBy)
        .param("now", LocalDateTime.now(clock)).param("pi", processInstanceId)
        .update();
  }
}
