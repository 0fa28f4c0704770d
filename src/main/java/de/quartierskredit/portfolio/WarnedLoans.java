package de.quartierskredit.portfolio;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How many loans carry an open early warning ({@code loan_warning}, written only by
 * {@code servicing.EarlyWarnings}), per quarter code, {@code OUTSIDE} and {@code ALL}: for the
 * Prometheus gauge; read here, never written.
 */
@Repository
class WarnedLoans {

  private final JdbcClient jdbc;

  WarnedLoans(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Long> openWarningsByScope() {
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql("""
            SELECT COALESCE(l.quarter_code, 'OUTSIDE') AS scope, COUNT(*) AS warned
              FROM loan_warning w JOIN loan l ON l.id = w.loan_id
             WHERE w.open_loan_id IS NOT NULL
             GROUP BY COALESCE(l.quarter_code, 'OUTSIDE')""")
        .query((rs, row) -> counts.put(rs.getString("scope"), rs.getLong("warned"))).list();
    counts.put(PortfolioReport.ALL, counts.values().stream().mapToLong(Long::longValue).sum());
    return counts;
  }
}
