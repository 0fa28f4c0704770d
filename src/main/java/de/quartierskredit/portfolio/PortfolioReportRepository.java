package de.quartierskredit.portfolio;

import de.quartierskredit.fund.FundCapacityPolicy;
import de.quartierskredit.fund.Quarter;
import de.quartierskredit.fund.QuarterRepository;
import de.quartierskredit.portfolio.PortfolioReport.FundFigures;
import de.quartierskredit.portfolio.PortfolioReport.MicrofinancerFigures;
import de.quartierskredit.portfolio.PortfolioReport.Outcomes;
import de.quartierskredit.portfolio.PortfolioReport.ScopeFigures;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Computes the portfolio report as of any date by SQL over our own tables: outstanding principal
 * from the principal movements up to that date, disturbance from the disturbance periods that
 * cover it. Nothing is read from process variables.
 */
@Repository
class PortfolioReportRepository {

  /** A disturbance period {@code d} covers :asOf: started on or before it, not ended by it. */
  static final String DISTURBANCE_COVERS_AS_OF = "d.started_on <= :asOf AND (d.ended_on IS NULL OR d.ended_on > :asOf)";

  /**
   * Loans and principal outstanding as of :asOf, grouped by quarter, liable party and whether a
   * disturbance covers that date: a few dozen rows however large the portfolio (the database adds up,
   * not the application).
   */
  private static final String BALANCES = """
      SELECT l.quarter_code, l.liable_party,
             CASE WHEN d.loan_id IS NULL THEN FALSE ELSE TRUE END AS disturbed,
             COUNT(*) AS loans, SUM(b.outstanding) AS outstanding
      FROM (SELECT loan_id, SUM(amount) AS outstanding FROM loan_principal_movement
            WHERE value_date <= :asOf GROUP BY loan_id HAVING SUM(amount) > 0) b
      JOIN loan l ON l.id = b.loan_id
      LEFT JOIN (SELECT DISTINCT d.loan_id FROM loan_disturbance_period d
                 WHERE %s) d ON d.loan_id = b.loan_id
      GROUP BY l.quarter_code, l.liable_party, CASE WHEN d.loan_id IS NULL THEN FALSE ELSE TRUE END"""
      .formatted(DISTURBANCE_COVERS_AS_OF);

  /** The outcome counts as of :asOf in one pass over the loans (defaults as the indicators count them). */
  private static final String OUTCOMES = """
      SELECT SUM(CASE WHEN disbursed_on <= :asOf THEN 1 ELSE 0 END) AS disbursed,
             SUM(CASE WHEN applied_on <= :asOf AND amount < requested_amount THEN 1 ELSE 0 END) AS need_reduced,
             SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS defaults,
             SUM(CASE WHEN state = 'ENDED_BY_ADVICE' AND closed_on <= :asOf THEN 1 ELSE 0 END) AS ended_by_advice,
             SUM(CASE WHEN state = 'FINANCED_PRIVATELY' AND closed_on <= :asOf THEN 1 ELSE 0 END) AS financed_privately,
             SUM(CASE WHEN state = 'REFERRED' AND closed_on <= :asOf THEN 1 ELSE 0 END) AS referred
      FROM loan l""".formatted(PortfolioIndicators.DEFAULTED_BY_AS_OF);

  private final JdbcClient jdbc;
  private final QuarterRepository quarters;

  PortfolioReportRepository(JdbcClient jdbc, QuarterRepository quarters) {
    this.jdbc = jdbc;
    this.quarters = quarters;
  }

  PortfolioReport reportAsOf(LocalDate asOf) {
    List<Balance> balances = jdbc.sql(BALANCES).param("asOf", asOf)
        .query((rs, row) -> new Balance(rs.getString("quarter_code"), rs.getString("liable_party"),
            rs.getInt("loans"), rs.getBigDecimal("outstanding"), rs.getBoolean("disturbed")))
        .list();
    List<Quarter> all = quarters.findAll();
    List<ScopeFigures> scopes = new ArrayList<>();
    for (Quarter quarter : all) {
      scopes.add(figures(quarter.code(), quarter.name(),
          balances.stream().filter(b -> quarter.code().equals(b.quarterCode())).toList()));
    }
    scopes.add(figures(PortfolioReport.OUTSIDE, "außerhalb der Quartiere",
        balances.stream().filter(b -> b.quarterCode() == null).toList()));
    ScopeFigures system = figures(PortfolioReport.ALL, "gesamtes System", balances);
    return new PortfolioReport(asOf, scopes, system, funds(all, balances), microfinancer(asOf, balances, system),
        outcomes(asOf));
  }

  private static ScopeFigures figures(String scope, String name, List<Balance> balances) {
    int outstanding = balances.stream().mapToInt(Balance::loans).sum();
    int disturbed = balances.stream().filter(Balance::disturbed).mapToInt(Balance::loans).sum();
    return new ScopeFigures(scope, name, outstanding, sum(balances),
        disturbed, sum(balances.stream().filter(Balance::disturbed).toList()),
        DisturbanceStandardPolicy.rate(disturbed, outstanding),
        DisturbanceStandardPolicy.aboveStandard(disturbed, outstanding));
  }

  private List<FundFigures> funds(List<Quarter> all, List<Balance> balances) {
    Map<String, BigDecimal> reserved = new HashMap<>();
    jdbc.sql("SELECT quarter_code, SUM(reserved_principal) AS reserved FROM loan WHERE quarter_code IS NOT NULL GROUP BY quarter_code")
        .query(rs -> { reserved.put(rs.getString("quarter_code"), rs.getBigDecimal("reserved")); });
    Map<String, BigDecimal> capital = new HashMap<>();
    jdbc.sql("SELECT quarter_code, paid_in_capital FROM local_fund")
        .query(rs -> { capital.put(rs.getString("quarter_code"), rs.getBigDecimal("paid_in_capital")); });
    List<FundFigures> funds = new ArrayList<>();
    for (Quarter quarter : all) {
      if (!capital.containsKey(quarter.code())) {
        continue;
      }
      BigDecimal outstanding = sum(balances.stream()
          .filter(b -> quarter.code().equals(b.quarterCode()) && "LOCAL_FUND".equals(b.liableParty())).toList());
      BigDecimal held = Money.euros(reserved.getOrDefault(quarter.code(), BigDecimal.ZERO));
      var assessment = FundCapacityPolicy.assess(quarter.name(), capital.get(quarter.code()), outstanding.add(held),
          BigDecimal.ZERO);
      BigDecimal utilisation = assessment.capacity().signum() == 0 ? BigDecimal.ZERO
          : outstanding.add(held).divide(assessment.capacity(), 4, RoundingMode.HALF_UP);
      funds.add(new FundFigures(quarter.code(), quarter.name(), Money.euros(capital.get(quarter.code())),
          assessment.capacity(), outstanding, held, assessment.free(), utilisation));
    }
    return funds;
  }

  private MicrofinancerFigures microfinancer(LocalDate asOf, List<Balance> balances, ScopeFigures system) {
    BigDecimal liable = sum(balances.stream().filter(b -> "MICROFINANCER".equals(b.liableParty())).toList());
    BigDecimal outside = sum(balances.stream().filter(b -> b.quarterCode() == null).toList());
    BigDecimal share = system.principalOutstanding().signum() == 0 ? BigDecimal.ZERO
        : outside.divide(system.principalOutstanding(), 4, RoundingMode.HALF_UP);
    return new MicrofinancerFigures(liable, lossesBorneByMicrofinancer(asOf),
        Money.euros(liable.multiply(new BigDecimal("0.20"))), share);
  }

  /** What the microfinancer has borne of defaulted loans up to the date (loan-servicing's loss allocation). */
  private BigDecimal lossesBorneByMicrofinancer(LocalDate asOf) {
    return Money.euros(jdbc.sql(
            "SELECT COALESCE(SUM(amount), 0) FROM loss_allocation WHERE bearer = 'MICROFINANCER' AND allocated_on <= :asOf")
        .param("asOf", asOf).query(BigDecimal.class).single());
  }

  private Outcomes outcomes(LocalDate asOf) {
    // defaulted: written off by the date, or marked defaulted and not yet written off
    return jdbc.sql(OUTCOMES).param("asOf", asOf).param("endOfAsOf", asOf.plusDays(1).atStartOfDay())
        .query((rs, row) -> {
          int disbursed = rs.getInt("disbursed");
          int defaults = rs.getInt("defaults");
          BigDecimal defaultRate = disbursed == 0 ? BigDecimal.ZERO.setScale(4)
              : BigDecimal.valueOf(defaults).divide(BigDecimal.valueOf(disbursed), 4, RoundingMode.HALF_UP);
          return new Outcomes(disbursed, defaults, defaultRate, rs.getInt("ended_by_advice"),
              rs.getInt("financed_privately"), rs.getInt("need_reduced"), rs.getInt("referred"));
        })
        .single();
  }

  private static BigDecimal sum(List<Balance> balances) {
    return Money.euros(balances.stream().map(Balance::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  /** Loans of one quarter and liable party, disturbed or not, and their principal outstanding. */
  private record Balance(String quarterCode, String liableParty, int loans, BigDecimal outstanding, boolean disturbed) {}
}
