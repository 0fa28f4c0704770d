package de.quartierskredit.document;

import java.time.LocalDateTime;

/**
 * One stored file of a loan, withdrawn (replaced by a newer file of the same item) and erased ones
 * included. {@code fileName} and {@code downloadUrl} are null for a caller who may see the list but
 * not the files (managers) and for an erased file; {@code typeLabel} is the checklist's German name.
 */
public record LoanDocumentView(long id, String stage, String stageLabel, String type, String typeLabel,
    String fileName, String contentType, long sizeBytes, String sha256, String uploadedBy,
    LocalDateTime uploadedAt, boolean withdrawn, String withdrawnBy, LocalDateTime withdrawnAt, boolean erased,
    String downloadUrl) {

  /** The address of a file: {@code /api/loans/{reference}/documents/{id}}. */
  public static String downloadUrl(String reference, long id) {
    return "/api/loans/" + reference + "/documents/" + id;
  }

  LoanDocumentView withoutFile() {
    return new LoanDocumentView(id, stage, stageLabel, type, typeLabel, null, contentType, sizeBytes, sha256,
        uploadedBy, uploadedAt, withdrawn, withdrawnBy, withdrawnAt, erased, null);
  }
}
