package de.quartierskredit.audit;

/**
 * What an audit entry records (Prüfpfad), each with the German label an auditor reads and the German
 * words for the roles of its actor and, for four-eyes steps, its second actor.
 */
public enum AuditAction {

  /** The award committee's decision as entered: approve, reject or return (step 7). */
  COMMITTEE_DECISION("Entscheidung des Vergabeausschusses", "erfasst von", null),
  /** A defaulted loan written off: requested by one person, approved by another (step 12). */
  WRITE_OFF("Abschreibung", "beantragt von", "genehmigt von"),
  /** A requested write-off turned down by the second person; the loan stays defaulted. */
  WRITE_OFF_REJECTED("Abschreibung zurückgewiesen", "beantragt von", "zurückgewiesen von"),
  /** A repayment plan change approved (step 11): requested by one person, approved by another. */
  RESCHEDULING_APPROVED("Tilgungsplanänderung genehmigt", "beantragt von", "genehmigt von"),
  /** A repayment plan change rejected (step 11). */
  RESCHEDULING_REJECTED("Tilgungsplanänderung abgelehnt", "beantragt von", "abgelehnt von"),
  /** The intervention plan agreed with a disturbed borrower (step 10). */
  INTERVENTION_PLAN_AGREED("Interventionsplan vereinbart", "erfasst von", null),
  /** The loan's running process moved to another version of its model (Cockpit or the migration API). */
  MODEL_MIGRATION("Umstellung auf eine neue Modellversion", "gestartet von", null),
  /** A document added to the loan file. */
  DOCUMENT_ADDED("Unterlage hinzugefügt", "hochgeladen von", null),
  /** A document withdrawn from the loan file. */
  DOCUMENT_WITHDRAWN("Unterlage zurückgezogen", "zurückgezogen von", null),
  /** Personal data of the loan's borrower or guarantors erased or anonymised (DSGVO). */
  PERSONAL_DATA_ERASED("Personenbezogene Daten gelöscht", "ausgelöst von", null),
  /** Everything stored about a person of the loan exported on request (DSGVO Art. 15). */
  PERSONAL_DATA_EXPORTED("Auskunft über gespeicherte Daten erteilt", "erteilt von", null);

  private final String label;
  private final String actorRole;
  private final String secondActorRole;

  AuditAction(String label, String actorRole, String secondActorRole) {
    this.label = label;
    this.actorRole = actorRole;
    this.secondActorRole = secondActorRole;
  }

  /** The German name of the step: {@code Abschreibung}. */
  public String label() {
    return label;
  }

  /** What the actor did, in German: {@code beantragt von}. */
  public String actorRole() {
    return actorRole;
  }

  /** What the second actor did, in German ({@code genehmigt von}); null when the step has none. */
  public String secondActorRole() {
    return secondActorRole;
  }
}
