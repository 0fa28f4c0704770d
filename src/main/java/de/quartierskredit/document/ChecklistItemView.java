package de.quartierskredit.document;

/**
 * One item of a loan's document checklist (bpmn/document-checklist.dmn) and whether it is answered:
 * {@code satisfied} when a current (not withdrawn, not erased) file exists for it; {@code status} says
 * the same in German for a page ({@code vorhanden}, {@code fehlt}, {@code nicht erforderlich});
 * {@code currentDocumentId} names that file, null when there is none.
 */
public record ChecklistItemView(String stage, String stageLabel, String type, String label, String hint,
    boolean required, boolean satisfied, String status, Long currentDocumentId) {

  static final String PRESENT = "vorhanden";
  static final String MISSING = "fehlt";
  static final String NOT_REQUIRED = "nicht erforderlich";
}
