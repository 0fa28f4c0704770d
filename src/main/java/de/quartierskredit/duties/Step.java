package de.quartierskredit.duties;

/**
 * A step of a loan whose person counts for the separation of duties (Funktionstrennung), with the
 * German word a caseworker reads in a refusal. Stored as {@code loan_participant.step}.
 */
public enum Step {
  APPLICATION_RECORDED("Antragsaufnahme", true),
  ADVICE("Beratung", true),
  GUARANTORS_RECORDED("Bürgenerfassung", true),
  DECISION_TEMPLATE("Entscheidungsvorlage", true),
  COMMITTEE_DECISION("Ausschussentscheidung", false),
  WRITE_OFF_REQUESTED("Abschreibung beantragt", false),
  WRITE_OFF_APPROVED("Abschreibung freigegeben", false),
  WRITE_OFF_REJECTED("Abschreibung zurückgewiesen", false);

  private final String label;
  private final boolean preparesApplication;

  Step(String label, boolean preparesApplication) {
    this.label = label;
    this.preparesApplication = preparesApplication;
  }

  /** The German name of the step, e.g. {@code Beratung}. */
  public String label() {
    return label;
  }

  /** True for the steps that prepare the committee's decision: their person must not decide. */
  public boolean preparesApplication() {
    return preparesApplication;
  }
}
