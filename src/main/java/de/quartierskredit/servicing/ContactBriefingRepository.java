package de.quartierskredit.servicing;

import de.quartierskredit.servicing.ContactBriefing.LastContact;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a loan's {@link ContactBriefing}: one query for the loan and its schedule, one for its last contact. */
@Repository
class ContactBriefingRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  ContactBriefingRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Optional<ContactBriefing> find(String reference) {
    LocalDate today = LocalDate.now(clock);
    Optional<LastContact> last = jdbc.sql("""
            SELECT c.contacted_on, c.channel, c.outcome, c.business_situation
            FROM borrower_contact c JOIN loan l ON l.id = c.loan_id
            WHERE l.reference = :reference ORDER BY c.contacted_on DESC, c.id DESC FETCH FIRST 1 ROWS ONLY""")
        .param("reference", reference)
        .query((rs, row) -> new LastContact(rs.getObject("contacted_on", LocalDate.class), rs.getString("channel"),
            rs.getString("outcome"), rs.getString("business_situation")))
        .optional();
    return jdbc.sql("""
            SELECT a.first_name, a.last_name, a.phone, a.email, b.name AS business, b.sector, b.street,
                   b.postal_code, b.city, l.outstanding_principal, l.disturbed_since,
                   (SELECT count(*) FROM repayment_schedule_line sl JOIN repayment_schedule s ON s.id = sl.schedule_id
                    WHERE s.loan_id = l.id AND s.current AND sl.state = 'PAID') AS paid,
                   (SELECT count(*) FROM repayment_schedule_line sl JOIN repayment_schedule s ON s.id = sl.schedule_id
                    WHERE s.loan_id = l.id AND s.current AND sl.state <> 'SUPERSEDED') AS instalments,
                   (SELECT COALESCE(sum(sl.instalment - sl.paid_amount), 0)
                    FROM repayment_schedule_line sl JOIN repayment_schedule s ON s.id = sl.schedule_id
                    WHERE s.loan_id = l.id AND s.current AND sl.due_on <= :today
                      AND sl.state IN ('MISSED', 'PARTLY_PAID')) AS arrears,
                   (SELECT min(sl.due_on) FROM repayment_schedule_line sl JOIN repayment_schedule s ON s.id = sl.schedule_id
                    WHERE s.loan_id = l.id AND s.current AND sl.state = 'OPEN' AND sl.due_on >= :today) AS next_due,
                   (SELECT sl.instalment FROM repayment_schedule_line sl JOIN repayment_schedule s ON s.id = sl.schedule_id
                    WHERE s.loan_id = l.id AND s.current AND sl.state = 'OPEN' AND sl.due_on >= :today
                    ORDER BY sl.due_on, sl.instalment_no FETCH FIRST 1 ROWS ONLY) AS next_instalment
            FROM loan l JOIN applicant a ON a.id = l.applicant_id JOIN business b ON b.id = l.business_id
            WHERE l.reference = :reference""")
        .param("reference", reference)
        .param("today", today)
        .query((rs, row) -> {
          return new ContactBriefing(
              rs.getString("first_name") + " " + rs.getString("last_name"),
              rs.getString("phone"), rs.getString("email"), rs.getString("business"), rs.getString("sector"),
              address(rs.getString("street"), rs.getString("postal_code"), rs.getString("city")),
              rs.getInt("paid"), rs.getInt("instalments"), rs.getBigDecimal("outstanding_principal"),
              rs.getBigDecimal("arrears"), rs.getObject("disturbed_since", LocalDate.class),
              rs.getObject("next_due", LocalDate.class),
              rs.getBigDecimal("next_instalment"), last.orElse(null));
        })
        .optional();
  }

  private static String address(String street, String postalCode, String city) {
    String place = ((postalCode == null ? "" : postalCode) + " " + (city == null ? "" : city)).trim();
    if (street == null || street.isBlank()) {
      return place;
    }
    return place.isEmpty() ? street : street + ", " + place;
  }
}
