package de.quartierskredit.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * All test classes share one database, and several leave loans of a quarter outstanding. A test
 * whose approval must find fund capacity raises the quarter's paid-in capital just enough and puts
 * it back afterwards ({@link #close()}).
 */
public final class FundRoom implements AutoCloseable {

  private final JdbcClient jdbc;
  private final String quarter;
  private final BigDecimal capitalBefore;

  private FundRoom(JdbcClient jdbc, String quarter, BigDecimal capitalBefore) {
    this.jdbc = jdbc;
    this.quarter = quarter;
    this.capitalBefore = capitalBefore;
  }

  /** Makes room for at least {@code amount} more in the quarter's local fund (5 x capital). */
  public static FundRoom ensure(JdbcClient jdbc, String quarter, BigDecimal amount) {
    BigDecimal capital = jdbc.sql("SELECT paid_in_capital FROM local_fund WHERE quarter_code = :q")
        .param("q", quarter).query(BigDecimal.class).single();
    BigDecimal committed = jdbc.sql("""
            SELECT COALESCE(SUM(outstanding_principal + reserved_principal), 0) FROM loan WHERE quarter_code = :q""")
        .param("q", quarter).query(BigDecimal.class).single();
    BigDecimal needed = committed.add(amount).divide(BigDecimal.valueOf(5), 2, RoundingMode.UP);
    jdbc.sql("UPDATE local_fund SET paid_in_capital = :c WHERE quarter_code = :q")
        .param("c", needed.max(capital)).param("q", quarter).update();
    return new FundRoom(jdbc, quarter, capital);
  }

  @Override
  public void close() {
    jdbc.sql("UPDATE local_fund SET paid_in_capital = :c WHERE quarter_code = :q")
        .param("c", capitalBefore).param("q", quarter).update();
  }
}
