package de.quartierskredit.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the advisors' outreach contacts, one row per outreach process instance. */
@Repository
class OutreachContactRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  OutreachContactRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records the contact; a repeated call for the same process instance changes nothing. */
  void record(OutreachContact contact, String processInstanceId, String recordedBy) {
    int existing = jdbc.sql("SELECT count(*) FROM outreach_contact WHERE process_instance_id = :pi")
        .param("pi", processInstanceId).query(Integer.class).single();
    if (existing > 0) {
      return;
    }
    jdbc.sql("""
            INSERT INTO outreach_contact (quarter_code, contact_type, referral_partner, business_name,
                contact_person, outcome, referral_offer, notes, recorded_by, contacted_on,
                process_instance_id, created_at)
            VALUES (:quarter, :type, :partner, :business, :person, :outcome, :offer, :notes, :by, :on, :pi, :now)""")
        .param("quarter", contact.quarterCode())
        .param("type", contact.type().name())
        .param("partner", contact.referralPartner())
        .param("business", contact.businessName())
        .param("person", contact.contactPerson())
        .param("outcome", contact.outcome().name())
        .param("offer", contact.referralOffer())
        .param("notes", contact.notes())
        .param("by", recordedBy)
        .param("on", LocalDate.now(clock))
        .param("pi", processInstanceId)
        .param("now", LocalDateTime.now(clock))
        .update();
  }

  /** The quarter of the contact an outreach process instance recorded (null: outside the quarters). */
  /** Who recorded the contact of the process instance (the advisor logged in), if anyone. */
  Optional<String> recorderOf(String processInstanceId) {
    return jdbc.sql("SELECT recorded_by FROM outreach_contact WHERE process_instance_id = :pi")
        .param("pi", processInstanceId).query(String.class).optional();
  }

  Optional<String> quarterOf(String processInstanceId) {
    return jdbc.sql("SELECT quarter_code FROM outreach_contact WHERE process_instance_id = :pi")
        .param("pi", processInstanceId).query((rs, row) -> Optional.ofNullable(rs.getString(1))).optional()
        .orElseThrow(() -> new IllegalStateException("no outreach contact recorded by " + processInstanceId));
  }

  /** The person, business and quarter name of the contact an outreach process instance recorded. */
  Optional<ContactSummary> summaryOf(String processInstanceId) {
    return jdbc.sql("""
            SELECT c.contact_person, c.business_name, q.name AS quarter_name
            FROM outreach_contact c LEFT JOIN quarter q ON q.code = c.quarter_code
            WHERE c.process_instance_id = :pi""")
        .param("pi", processInstanceId)
        .query((rs, row) -> new ContactSummary(rs.getString("contact_person"), rs.getString("business_name"),
            rs.getString("quarter_name")))
        .optional();
  }

  void linkApplication(String processInstanceId, String loanReference) {
    jdbc.sql("UPDATE outreach_contact SET loan_reference = :ref WHERE process_instance_id = :pi")
        .param("ref", loanReference).param("pi", processInstanceId).update();
  }
}
