package de.quartierskredit.rescheduling;

/** The three ways the microfinancer may change a repayment plan (DOMAIN.md step 11), with their German labels. */
enum ReschedulingKind {
  LOWER_INSTALMENT("niedrigere Rate"),
  LONGER_TERM("längere Laufzeit"),
  PAYMENT_PAUSE("Zahlungspause");

  private final String label;

  ReschedulingKind(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The kind named by a form value, or null when missing or unknown (the policy reports it). */
  static ReschedulingKind parse(Object value) {
    if (value == null) {
      return null;
    }
    for (ReschedulingKind kind : values()) {
      if (kind.name().equals(value.toString().strip())) {
        return kind;
      }
    }
    return null;
  }
}
