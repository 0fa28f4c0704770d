package de.quartierskredit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded demo runs on H2: the erasure's and the search's SQL (paging, optional parameters, LIKE with
 * an escape character, the anonymisation) must run there as on PostgreSQL. No Spring context.
 */
class PersonalDataOnH2Test {

  @Test
  void shouldFindAnonymiseAndSearchOnH2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:privacy-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    Clock clock = Clock.fixed(LocalDate.of(2006, 1, 20).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant(),
        ZoneId.of("Europe/Berlin"));
    jdbc.sql("""
        INSERT INTO applicant (first_name, last_name, phone, created_at) VALUES ('Rita', 'Fenn_50%', '0151 1', CURRENT_TIMESTAMP)""")
        .update();
    jdbc.sql("""
            INSERT INTO business (applicant_id, name, stage, street, created_at)
            SELECT id, 'Fenn Blumen', 'EXISTING', 'Weg 1', CURRENT_TIMESTAMP FROM applicant""").update();
    jdbc.sql("""
            INSERT INTO loan (reference, applicant_id, business_id, quarter_code, purpose, amount, state, applied_on,
                closed_on, ended_reason, created_at, updated_at)
            SELECT 'QK-H2-1', a.id, b.id, 'offenbach', 'Ware', 1000, 'REJECTED', DATE '2005-01-01', DATE '2005-06-10',
                   'Grund', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
            FROM applicant a JOIN business b ON b.applicant_id = a.id""").update();
    long loan = jdbc.sql("SELECT id FROM loan").query(Long.class).single();
    jdbc.sql("""
            INSERT INTO guarantor (loan_id, name, contact, guaranteed_amount, created_at)
            VALUES (:id, 'Gero Fenn', '0160 2', 500, CURRENT_TIMESTAMP)""").param("id", loan).update();
    jdbc.sql("""
            INSERT INTO committee_decision (loan_id, decision, reason, amount, votes_for, votes_against, abstentions, decided_at)
            VALUES (:id, 'REJECT', 'Fenn kann nicht zahlen', 1000, 0, 3, 0, CURRENT_TIMESTAMP)""").param("id", loan).update();
    jdbc.sql("""
            INSERT INTO loan_document (loan_id, stage, document_type, file_name, content_type, size_bytes, sha256, storage,
                                       uploaded_by, uploaded_at)
            VALUES (:id, 'APPLICATION', 'ID_DOCUMENT', 'fenn.pdf', 'application/pdf', 3, 'x', 'DATABASE', 'anna',
                    CURRENT_TIMESTAMP)""").param("id", loan).update();
    jdbc.sql("INSERT INTO loan_document_content (document_id, content) SELECT id, X'255044' FROM loan_document").update();
    for (String reference : new String[] {"QK-H2-1", null}) {
      jdbc.sql("""
              INSERT INTO outreach_contact (quarter_code, contact_type, contact_person, outcome, notes, contacted_on,
                                            loan_reference, process_instance_id, created_at)
              VALUES ('offenbach', 'SHOP_VISIT', 'Rita Fenn', :outcome, 'Notiz', DATE '2005-01-01', :reference, :pi,
                      CURRENT_TIMESTAMP)""")
          .param("outcome", reference == null ? "ENDED" : "APPLICATION").param("reference", reference)
          .param("pi", "pi-" + reference).update();
    }
    var data = new PersonalDataRepository(jdbc, clock);
    var export = new PersonalDataExport(jdbc, null, new DataProtectionLog(jdbc, clock), null, clock);

    // the search: optional parameters, a name with LIKE's special characters taken literally
    assertThat(export.search(null, "fenn_50%", "admin")).extracting(PersonalDataExport.Subject::subjectId)
        .hasSize(1).allMatch(id -> id.startsWith("applicant-"));
    assertThat(export.search("QK-H2-1", null, "admin")).hasSize(3);
    assertThat(export.search(null, "fenn_5x", "admin")).isEmpty();

    // candidates, paged
    assertThat(data.endedLoans(LocalDate.of(2005, 6, 9), LocalDate.of(1996, 1, 1), 0, 10)).isEmpty();
    var due = data.endedLoans(LocalDate.of(2005, 12, 13), LocalDate.of(1996, 1, 1), 0, 10);
    assertThat(due).hasSize(1);
    assertThat(data.endedLoans(LocalDate.of(2005, 12, 13), LocalDate.of(1996, 1, 1), 1, 10)).isEmpty();
    assertThat(data.contactsWithoutApplication(LocalDate.of(2005, 7, 4), 0, 10)).hasSize(1);

    // the loan row is erased by its owner (LoanRepository); here: the rest of the case
    jdbc.sql("UPDATE loan SET personal_data_erased_at = CURRENT_TIMESTAMP WHERE id = :id").param("id", loan).update();
    var counts = data.anonymiseCase(due.get(0), 0); // documents: LoanDocuments.eraseAll (LoanDocumentsTest)
    assertThat(counts.guarantors()).isEqualTo(1);
    assertThat(counts.outreachContacts()).isEqualTo(1);
    assertThat(data.anonymiseContact(data.contactsWithoutApplication(LocalDate.of(2005, 7, 4), 0, 10).get(0).id())).isTrue();
    assertThat(jdbc.sql("""
            SELECT COUNT(*) FROM applicant a, business b, guarantor g, committee_decision c
            WHERE a.last_name = 'gelöscht' AND a.phone IS NULL AND b.name = 'gelöscht' AND b.street IS NULL
              AND g.name = 'gelöscht' AND g.contact = 'gelöscht' AND c.reason = 'gelöscht'""")
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM outreach_contact WHERE contact_person = 'gelöscht' AND notes IS NULL")
        .query(Integer.class).single()).isEqualTo(2);
    assertThat(export.search(null, "fenn", "admin")).isEmpty();
  }
}
