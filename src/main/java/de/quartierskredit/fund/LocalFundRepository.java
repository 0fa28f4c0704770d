package de.quartierskredit.fund;

import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Registers and reads local liability funds with their partners. */
@Repository
public class LocalFundRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  LocalFundRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Registers the fund of a quarter; its paid-in capital is the sum of the partners' contributions. */
  @Transactional
  public LocalFund register(String quarterCode, String name, List<LocalFund.Partner> partners) {
    if (partners.isEmpty()) {
      throw new IllegalArgumentException("a local fund needs at least one partner");
    }
    BigDecimal capital = Money.euros(partners.stream()
        .map(LocalFund.Partner::contribution)
        .reduce(BigDecimal.ZERO, BigDecimal::add));
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO local_fund (quarter_code, name, paid_in_capital, created_at)
            VALUES (:quarter, :name, :capital, :now)""")
        .param("quarter", quarterCode)
        .param("name", name)
        .param("capital", capital)
        .param("now", LocalDateTime.now(clock))
        .update(keys, "id");
    long fundId = keys.getKey().longValue();
    for (LocalFund.Partner partner : partners) {
      jdbc.sql("""
              INSERT INTO fund_partner (fund_id, name, kind, contribution)
              VALUES (:fund, :name, :kind, :contribution)""")
          .param("fund", fundId)
          .param("name", partner.name())
          .param("kind", partner.kind().name())
          .param("contribution", Money.euros(partner.contribution()))
          .update();
    }
    return new LocalFund(fundId, quarterCode, name, capital, partners);
  }

  public Optional<LocalFund> findByQuarter(String quarterCode) {
    return jdbc.sql("SELECT id, quarter_code, name, paid_in_capital FROM local_fund WHERE quarter_code = :q")
        .param("q", quarterCode)
        .query((rs, row) -> new LocalFund(rs.getLong("id"), rs.getString("quarter_code"),
            rs.getString("name"), rs.getBigDecimal("paid_in_capital"), partnersOf(rs.getLong("id"))))
        .optional();
  }

  /**
   * Reads the quarter's fund and locks its row until the transaction ends, so that capacity checks of
   * the same quarter run one after the other (SELECT ... FOR UPDATE; H2 and PostgreSQL).
   */
  public Optional<LocalFund> lockByQuarter(String quarterCode) {
    return jdbc.sql("""
            SELECT id, quarter_code, name, paid_in_capital FROM local_fund WHERE quarter_code = :q FOR UPDATE""")
        .param("q", quarterCode)
        .query((rs, row) -> new LocalFund(rs.getLong("id"), rs.getString("quarter_code"),
            rs.getString("name"), rs.getBigDecimal("paid_in_capital"), List.of()))
        .optional();
  }

  private List<LocalFund.Partner> partnersOf(long fundId) {
    return jdbc.sql("SELECT name, kind, contribution FROM fund_partner WHERE fund_id = :id ORDER BY id")
        .param("id", fundId)
        .query((rs, row) -> new LocalFund.Partner(rs.getString("name"),
            LocalFund.PartnerKind.valueOf(rs.getString("kind")), rs.getBigDecimal("contribution")))
        .list();
  }
}
