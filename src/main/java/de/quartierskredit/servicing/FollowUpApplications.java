package de.quartierskredit.servicing;

import de.quartierskredit.application.ApplicationRequest;
import de.quartierskredit.application.ApplicationValidator;
import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Step 12: a follow-up application prefilled from the repaid loan's applicant and business rows. */
@Repository
class FollowUpApplications {

  private final JdbcClient jdbc;

  FollowUpApplications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  ApplicationRequest prefilled(String repaidReference, String purpose, BigDecimal amount) {
    return jdbc.sql("""
            SELECT a.first_name, a.last_name, a.email, a.phone, a.sgb2_recipient, b.name, b.stage, b.sector, b.street,
                   b.postal_code, b.city, b.quarter_code
            FROM loan l JOIN applicant a ON a.id = l.applicant_id JOIN business b ON b.id = l.business_id
            WHERE l.reference = :reference""")
        .param("reference", repaidReference)
        .query((rs, row) -> new ApplicationRequest(rs.getString("first_name"), rs.getString("last_name"),
            rs.getString("email"), rs.getString("phone"), rs.getBoolean("sgb2_recipient"), rs.getString("name"),
            rs.getString("stage"), rs.getString("sector"), rs.getString("street"), rs.getString("postal_code"),
            rs.getString("city"),
            rs.getString("quarter_code") == null ? ApplicationValidator.OUTSIDE_QUARTERS : rs.getString("quarter_code"),
            purpose, true, amount))
        .single();
  }
}
