package de.quartierskredit.application;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * A loan application as entered on the start form or posted to {@code POST /api/applications}.
 * Field names equal the process variable names of {@code loan-application}.
 */
public record ApplicationRequest(
    String applicantFirstName,
    String applicantLastName,
    String applicantEmail,
    String applicantPhone,
    Boolean sgb2Recipient,
    String businessName,
    String businessStage,
    String businessSector,
    String businessStreet,
    String businessPostalCode,
    String businessCity,
    String quarterCode,
    String loanPurpose,
    Boolean commercialPurpose,
    BigDecimal loanAmount) {

  /** The start variables of {@code loan-application}; the amount as text, never as a double. */
  public Map<String, Object> toVariables() {
    Map<String, Object> v = new HashMap<>();
    v.put("applicantFirstName", applicantFirstName);
    v.put("applicantLastName", applicantLastName);
    v.put("applicantEmail", applicantEmail);
    v.put("applicantPhone", applicantPhone);
    v.put("sgb2Recipient", sgb2Recipient);
    v.put("businessName", businessName);
    v.put("businessStage", businessStage);
    v.put("businessSector", businessSector);
    v.put("businessStreet", businessStreet);
    v.put("businessPostalCode", businessPostalCode);
    v.put("businessCity", businessCity);
    v.put("quarterCode", quarterCode);
    v.put("loanPurpose", loanPurpose);
    v.put("commercialPurpose", commercialPurpose);
    v.put("loanAmount", loanAmount == null ? null : loanAmount.toPlainString());
    return v;
  }
}
