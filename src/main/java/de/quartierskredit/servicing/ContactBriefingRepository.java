package de.quartierskredit.servicing;

import de.quartierskredit.bank.RepaymentStanding;
import de.quartierskredit.servicing.ContactBriefing.LastContact;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a loan's {@link ContactBriefing}: the borrower and business by the loan's reference, its last
 * contact, and its repayment as the ledger sees it ({@link RepaymentStanding}); three indexed reads (the
 * open early warning is joined into the first).
 */
@Repository
class ContactBriefingRepository {

  private final JdbcClient jdbc;
  private final RepaymentStanding repayment;
  private final Clock clock;

  ContactBriefingRepository(JdbcClient jdbc, RepaymentStanding repayment, Clock clock) {
    this.jdbc = jdbc;
    this.repayment = repayment;
    this.clock = clock;
  }

  Optional<ContactBriefing> find(String reference) {
    return borrower(reference).map(row -> {
      RepaymentStanding.Standing standing = repayment.of(row.loanId(), LocalDate.now(clock));
      return new ContactBriefing(row.name(), row.phone(), row.email(), row.business(), row.sector(), row.address(),
          standing.instalmentsPaid(), standing.instalments(), row.outstanding(), standing.arrears(),
          row.disturbedSince(), standing.nextDueOn(), standing.nextInstalment(), lastContact(row.loanId()).orElse(null),
          row.warning());
    });
  }

  /** The loan's row with its borrower and business, as the briefing shows them. */
  private record BorrowerRow(long loanId, String name, String phone, String email, String business, String sector,
      String address, BigDecimal outstanding, LocalDate disturbedSince, EarlyWarnings.Warning warning) {}

  private Optional<BorrowerRow> borrower(String reference) {
    return jdbc.sql("""
            SELECT l.id, a.first_name, a.last_name, a.phone, a.email, b.name AS business, b.sector, b.street,
                   b.postal_code, b.city, l.outstanding_principal, l.disturbed_since,
                   w.raised_on AS warned_since, w.reasons AS warning_reasons
            FROM loan l JOIN applicant a ON a.id = l.applicant_id JOIN business b ON b.id = l.business_id
            LEFT JOIN loan_warning w ON w.open_loan_id = l.id
            WHERE l.reference = :reference""")
        .param("reference", reference)
        .query((rs, row) -> new BorrowerRow(rs.getLong("id"),
            rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("phone"),
            rs.getString("email"), rs.getString("business"), rs.getString("sector"),
            address(rs.getString("street"), rs.getString("postal_code"), rs.getString("city")),
            rs.getBigDecimal("outstanding_principal"), rs.getObject("disturbed_since", LocalDate.class),
            rs.getObject("warned_since", LocalDate.class) == null ? null
                : new EarlyWarnings.Warning(rs.getObject("warned_since", LocalDate.class),
                    EarlyWarningPolicy.parse(rs.getString("warning_reasons")))))
        .optional();
  }

  private Optional<LastContact> lastContact(long loanId) {
    return jdbc.sql("""
            SELECT contacted_on, channel, outcome, business_situation FROM borrower_contact
            WHERE loan_id = :loan ORDER BY contacted_on DESC, id DESC FETCH FIRST 1 ROWS ONLY""")
        .param("loan", loanId)
        .query((rs, row) -> new LastContact(rs.getObject("contacted_on", LocalDate.class), rs.getString("channel"),
            rs.getString("outcome"), rs.getString("business_situation")))
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
