package de.quartierskredit.privacy;

import de.quartierskredit.loan.LoanState;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where personal data of borrowers, guarantors and outreach contact persons lives in our tables, and how
 * it is anonymised: names, contact data, free texts and document bytes go; ids, quarter, amounts, dates,
 * states, schedules and payments stay (docs/data-protection.md lists every column). The {@code loan} row
 * itself is erased by its owner, {@code LoanRepository.erasePersonalData}.
 */
@Repository
class PersonalDataRepository {

  /** What an erased text column reads where the column may not be empty. */
  static final String ERASED = "gelöscht";

  /** A case whose retention may have ended: an ended loan not yet erased. */
  record EndedLoan(long id, String reference, LoanState state, LocalDate closedOn, long applicantId, long businessId) {}

  /** An outreach contact that led to no application, not yet erased. */
  record ContactWithoutApplication(long id, LocalDate contactedOn, String processInstanceId) {}

  /** What the anonymisation of one case changed, as counts (for the log). */
  record Counts(int guarantors, int contacts, int texts, int documents, int outreachContacts) {

    int total() {
      return guarantors + contacts + texts + documents + outreachContacts;
    }

    @Override
    public String toString() {
      return "guarantors=" + guarantors + ", contacts=" + contacts + ", texts=" + texts + ", documents=" + documents
          + ", outreachContacts=" + outreachContacts;
    }
  }

  private static final List<String> WITHOUT_LOAN = List.of(LoanState.ENDED_BY_ADVICE.name(),
      LoanState.FINANCED_PRIVATELY.name(), LoanState.REFERRED.name(), LoanState.REJECTED.name(),
      LoanState.WITHDRAWN.name());
  private static final List<String> CLOSED_LOANS = List.of(LoanState.REPAID.name(), LoanState.WRITTEN_OFF.name());

  private final JdbcClient jdbc;
  private final Clock clock;

  PersonalDataRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Ended cases not yet erased that may be due: applications without a loan that ended on or before
   * {@code applicationsEndedBy}, loans closed before {@code loansClosedBefore} (the policy decides each).
   */
  List<EndedLoan> endedLoans(LocalDate applicationsEndedBy, LocalDate loansClosedBefore, int offset, int limit) {
    return jdbc.sql("""
            SELECT id, reference, state, closed_on, applicant_id, business_id FROM loan
            WHERE personal_data_erased_at IS NULL AND closed_on IS NOT NULL
              AND ((state IN (:withoutLoan) AND closed_on <= :applicationsBy)
                OR (state IN (:closed) AND closed_on < :loansBefore))
            ORDER BY closed_on, id
            LIMIT :limit OFFSET :offset""")
        .param("limit", limit)
        .param("offset", offset)
        .param("withoutLoan", WITHOUT_LOAN)
        .param("applicationsBy", applicationsEndedBy)
        .param("closed", CLOSED_LOANS)
        .param("loansBefore", loansClosedBefore)
        .query((rs, row) -> new EndedLoan(rs.getLong("id"), rs.getString("reference"),
            LoanState.valueOf(rs.getString("state")), rs.getObject("closed_on", LocalDate.class),
            rs.getLong("applicant_id"), rs.getLong("business_id")))
        .list();
  }

  Optional<EndedLoan> loan(String reference) {
    return jdbc.sql("""
            SELECT id, reference, state, closed_on, applicant_id, business_id, personal_data_erased_at FROM loan
            WHERE reference = :reference""")
        .param("reference", reference)
        .query((rs, row) -> new EndedLoan(rs.getLong("id"), rs.getString("reference"),
            LoanState.valueOf(rs.getString("state")), rs.getObject("closed_on", LocalDate.class),
            rs.getLong("applicant_id"), rs.getLong("business_id")))
        .optional();
  }

  boolean erased(String reference) {
    return jdbc.sql("SELECT COUNT(*) FROM loan WHERE reference = :reference AND personal_data_erased_at IS NOT NULL")
        .param("reference", reference).query(Integer.class).single() > 0;
  }

  /** Outreach contacts that led to no application, made on or before {@code contactedBy}, not yet erased. */
  List<ContactWithoutApplication> contactsWithoutApplication(LocalDate contactedBy, int offset, int limit) {
    return jdbc.sql("""
            SELECT id, contacted_on, process_instance_id FROM outreach_contact
            WHERE personal_data_erased_at IS NULL AND loan_reference IS NULL AND contacted_on <= :by
            ORDER BY contacted_on, id
            LIMIT :limit OFFSET :offset""")
        .param("limit", limit)
        .param("offset", offset)
        .param("by", contactedBy)
        .query((rs, row) -> new ContactWithoutApplication(rs.getLong("id"), rs.getObject("contacted_on", LocalDate.class),
            rs.getString("process_instance_id")))
        .list();
  }

  /** The engine instances of the outreach contacts that led to this loan. */
  List<String> outreachInstancesOf(String reference) {
    return jdbc.sql("SELECT process_instance_id FROM outreach_contact WHERE loan_reference = :reference")
        .param("reference", reference).query(String.class).list();
  }

  /**
   * Anonymises everything of the loan's case except the loan row: applicant and business (unless another
   * loan not yet erased shares them), guarantors, contacts, interventions, reschedulings, committee
   * decisions, outreach contacts. The documents are erased by their own package ({@code
   * LoanDocuments.eraseAll}, which also knows where their bytes are); {@code documents} is how many it erased.
   */
  Counts anonymiseCase(EndedLoan loan, int documents) {
    LocalDateTime now = LocalDateTime.now(clock);
    long id = loan.id();
    jdbc.sql("""
            UPDATE applicant SET first_name = 'Name', last_name = :erased, email = NULL, phone = NULL,
                   personal_data_erased_at = :now
            WHERE id = :applicant AND NOT EXISTS (
                SELECT 1 FROM loan o WHERE o.applicant_id = :applicant AND o.personal_data_erased_at IS NULL)""")
        .param("erased", ERASED).param("now", now).param("applicant", loan.applicantId()).update();
    jdbc.sql("""
            UPDATE business SET name = :erased, street = NULL, postal_code = NULL, city = NULL
            WHERE id = :business AND NOT EXISTS (
                SELECT 1 FROM loan o WHERE o.business_id = :business AND o.personal_data_erased_at IS NULL)""")
        .param("erased", ERASED).param("business", loan.businessId()).update();
    int guarantors = jdbc.sql("UPDATE guarantor SET name = :erased, contact = :erased WHERE loan_id = :id")
        .param("erased", ERASED).param("id", id).update();
    int contacts = jdbc.sql("UPDATE borrower_contact SET notes = :erased WHERE loan_id = :id")
        .param("erased", ERASED).param("id", id).update();
    int texts = 0;
    texts += jdbc.sql("UPDATE intervention SET measures = NULL, soft_topics = NULL WHERE loan_id = :id")
        .param("id", id).update();
    texts += jdbc.sql("UPDATE loan_reschedule_request SET reason = :erased, decision_comment = NULL WHERE loan_id = :id")
        .param("erased", ERASED).param("id", id).update();
    texts += jdbc.sql("""
            UPDATE repayment_schedule SET reason = 'Tilgungsplanänderung (Begründung gelöscht)'
            WHERE loan_id = :id AND version > 1""")
        .param("id", id).update();
    texts += jdbc.sql("UPDATE contact_obligation SET overdue_action = NULL WHERE loan_id = :id AND overdue_action IS NOT NULL")
        .param("id", id).update();
    texts += jdbc.sql("UPDATE committee_decision SET reason = :erased, missing_documents_reason = NULL WHERE loan_id = :id")
        .param("erased", ERASED).param("id", id).update();
    int outreach = jdbc.sql("""
            UPDATE outreach_contact SET contact_person = :erased, business_name = NULL, notes = NULL,
                   personal_data_erased_at = :now
            WHERE loan_reference = :reference AND personal_data_erased_at IS NULL""")
        .param("erased", ERASED).param("now", now).param("reference", loan.reference()).update();
    return new Counts(guarantors, contacts, texts, documents, outreach);
  }

  /**
   * Erases the text of the 15th's quality measures recorded before {@code before}: they may name borrowers of
   * the loans disturbed that day, and each of those loans closed on or after it. Answers how many.
   */
  int eraseQualityMeasuresBefore(LocalDate before) {
    return jdbc.sql("""
            UPDATE quality_assurance_measure SET measures = :erased
            WHERE reporting_date < :before AND measures <> :erased""")
        .param("erased", ERASED).param("before", before).update();
  }

  /** Anonymises an outreach contact that led to no application; false if it was erased already. */
  boolean anonymiseContact(long contactId) {
    return jdbc.sql("""
            UPDATE outreach_contact SET contact_person = :erased, business_name = NULL, notes = NULL,
                   personal_data_erased_at = :now
            WHERE id = :id AND personal_data_erased_at IS NULL""")
        .param("erased", ERASED).param("now", LocalDateTime.now(clock)).param("id", contactId).update() == 1;
  }
}
