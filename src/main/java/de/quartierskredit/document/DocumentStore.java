package de.quartierskredit.document;

/**
 * Where the bytes of a document live. The row in {@code loan_document} is always ours; the bytes are
 * in the database ({@link DatabaseDocumentStore}, table {@code loan_document_content}, the default
 * and today the only implementation) or, where one is configured, an object store that keeps them
 * under {@code storage_key}. Never in engine variables: those stay in the history and cannot be
 * erased on their own. Each call runs in the caller's transaction.
 */
interface DocumentStore {

  /** {@code DATABASE} or {@code OBJECT_STORE}: stored with the row, so a later change of store still finds old files. */
  String kind();

  /** Keeps the bytes of the new document; answers the storage key (null when the row's id is the key). */
  String put(long documentId, byte[] content);

  /** The bytes of the document. */
  byte[] get(long documentId, String storageKey);

  /** Removes the bytes for good (erasure when the retention ended). */
  void erase(long documentId, String storageKey);
}
