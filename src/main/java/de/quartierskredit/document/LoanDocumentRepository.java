package de.quartierskredit.document;

import de.quartierskredit.loan.LoanState;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The one writer of {@code loan_document}: files are added, replaced (withdrawn) and erased, never edited. */
@Repository
class LoanDocumentRepository {

  /** What the documents of a loan depend on: its quarter, its state, its business and whether SGB II. */
  record LoanFacts(long id, String reference, String quarterCode, LoanState state, String businessStage,
      boolean sgb2Recipient) {}

  /** A stored file's description (never its bytes). */
  record StoredDocument(long id, String stage, String type, String fileName, String contentType, long sizeBytes,
      String sha256, String storage, String storageKey, String uploadedBy, LocalDateTime uploadedAt,
      String withdrawnBy, LocalDateTime withdrawnAt, LocalDateTime erasedAt) {

    boolean current() {
      return withdrawnAt == null && erasedAt == null;
    }
  }

  /** A new file as it is stored. */
  record NewDocument(long loanId, String stage, String type, String fileName, String contentType, long sizeBytes,
      String sha256, String storage, String uploadedBy, LocalDateTime uploadedAt) {}

  private static final String COLUMNS = """
      id, stage, document_type, file_name, content_type, size_bytes, sha256, storage, storage_key, uploaded_by,
      uploaded_at, withdrawn_by, withdrawn_at, erased_at""";

  private final JdbcClient jdbc;

  LoanDocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<LoanFacts> facts(String reference) {
    return jdbc.sql("""
            SELECT l.id, l.reference, l.quarter_code, l.state, b.stage AS business_stage, a.sgb2_recipient
            FROM loan l JOIN business b ON b.id = l.business_id JOIN applicant a ON a.id = l.applicant_id
            WHERE l.reference = :reference""")
        .param("reference", reference)
        .query((rs, row) -> new LoanFacts(rs.getLong("id"), rs.getString("reference"), rs.getString("quarter_code"),
            LoanState.valueOf(rs.getString("state")), rs.getString("business_stage"), rs.getBoolean("sgb2_recipient")))
        .optional();
  }

  /** Holds the loan's row until the transaction ends, so that two uploads of one item replace one another in turn. */
  void lock(long loanId) {
    jdbc.sql("SELECT id FROM loan WHERE id = :id FOR UPDATE").param("id", loanId).query(Long.class).single();
  }

  /** Newest first. */
  List<StoredDocument> ofLoan(long loanId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM loan_document WHERE loan_id = :loan ORDER BY uploaded_at DESC, id DESC")
        .param("loan", loanId).query(LoanDocumentRepository::map).list();
  }

  Optional<StoredDocument> find(long loanId, long documentId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM loan_document WHERE loan_id = :loan AND id = :id")
        .param("loan", loanId).param("id", documentId).query(LoanDocumentRepository::map).optional();
  }

  /** Marks the current files of one checklist item withdrawn: a newer file replaces them. */
  int withdrawCurrent(long loanId, String stage, String type, String by, LocalDateTime at) {
    return jdbc.sql("""
            UPDATE loan_document SET withdrawn_by = :by, withdrawn_at = :at
            WHERE loan_id = :loan AND stage = :stage AND document_type = :type
              AND withdrawn_at IS NULL AND erased_at IS NULL""")
        .param("by", by).param("at", at).param("loan", loanId).param("stage", stage).param("type", type).update();
  }

  long insert(NewDocument d) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO loan_document (loan_id, stage, document_type, file_name, content_type, size_bytes, sha256,
                                       storage, uploaded_by, uploaded_at)
            VALUES (:loan, :stage, :type, :name, :contentType, :size, :sha, :storage, :by, :at)""")
        .param("loan", d.loanId()).param("stage", d.stage()).param("type", d.type()).param("name", d.fileName())
        .param("contentType", d.contentType()).param("size", d.sizeBytes()).param("sha", d.sha256())
        .param("storage", d.storage()).param("by", d.uploadedBy()).param("at", d.uploadedAt())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void storageKey(long documentId, String key) {
    jdbc.sql("UPDATE loan_document SET storage_key = :key WHERE id = :id").param("key", key).param("id", documentId)
        .update();
  }

  /** The bytes are gone: the name goes too (it often names the person), the row stays as a trace. */
  void markErased(long documentId, LocalDateTime at) {
    jdbc.sql("UPDATE loan_document SET erased_at = :at, file_name = :name, storage_key = NULL WHERE id = :id")
        .param("at", at).param("name", ERASED_NAME).param("id", documentId).update();
  }

  static final String ERASED_NAME = "gelöscht";

  private static StoredDocument map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new StoredDocument(rs.getLong("id"), rs.getString("stage"), rs.getString("document_type"),
        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
        rs.getString("storage"), rs.getString("storage_key"), rs.getString("uploaded_by"),
        rs.getObject("uploaded_at", LocalDateTime.class), rs.getString("withdrawn_by"),
        rs.getObject("withdrawn_at", LocalDateTime.class), rs.getObject("erased_at", LocalDateTime.class));
  }
}
