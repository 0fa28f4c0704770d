package de.quartierskredit.document;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bytes of each document in {@code loan_document_content}, in the same database and transaction
 * as its row (PostgreSQL {@code bytea}, H2 binary): a backup holds files and rows together.
 */
@Component
class DatabaseDocumentStore implements DocumentStore {

  static final String KIND = "DATABASE";

  private final JdbcClient jdbc;

  DatabaseDocumentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String put(long documentId, byte[] content) {
    jdbc.sql("INSERT INTO loan_document_content (document_id, content) VALUES (:id, :content)")
        .param("id", documentId).param("content", content).update();
    return null;
  }

  @Override
  public byte[] get(long documentId, String storageKey) {
    return jdbc.sql("SELECT content FROM loan_document_content WHERE document_id = :id")
        .param("id", documentId).query(byte[].class).single();
  }

  @Override
  public void erase(long documentId, String storageKey) {
    jdbc.sql("DELETE FROM loan_document_content WHERE document_id = :id").param("id", documentId).update();
  }
}
