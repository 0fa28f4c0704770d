package de.quartierskredit.application;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * A loan application as entered on the start form or posted to {@code POST /api/applications}.
 * Field names equal the process variable names of {@code loan-application}.
 */
@Schema(description = "Ein Kreditantrag (Schritt 2), wie ihn das Startformular erfasst")
public record ApplicationRequest(
    @Schema(description = "Vorname der Antragstellerin / des Antragstellers", example = "Ayşe", requiredMode = Schema.RequiredMode.REQUIRED)
    String applicantFirstName,
    @Schema(description = "Nachname", example = "Demir", requiredMode = Schema.RequiredMode.REQUIRED)
    String applicantLastName,
    @Schema(description = "E-Mail-Adresse", example = "ayse.demir@example.org")
    String applicantEmail,
    @Schema(description = "Telefonnummer", example = "069 123456")
    String applicantPhone,
    @Schema(description = "Bezieht Leistungen nach SGB II (Jobcenter)?", requiredMode = Schema.RequiredMode.REQUIRED)
    Boolean sgb2Recipient,
    @Schema(description = "Name des Unternehmens", example = "Änderungsschneiderei Demir", requiredMode = Schema.RequiredMode.REQUIRED)
    String businessName,
    @Schema(description = "Stand des Unternehmens: NEW_FOUNDER (Gründung), TAKEOVER (Übernahme), EXISTING (bestehend)", example = "NEW_FOUNDER", requiredMode = Schema.RequiredMode.REQUIRED)
    String businessStage,
    @Schema(description = "Branche (jede gewerbliche Branche ist zulässig)", example = "Handwerk", requiredMode = Schema.RequiredMode.REQUIRED)
    String businessSector,
    @Schema(description = "Straße und Hausnummer des Unternehmens", example = "Frankfurter Straße 12", requiredMode = Schema.RequiredMode.REQUIRED)
    String businessStreet,
    @Schema(description = "Postleitzahl (fünf Ziffern)", example = "63065", requiredMode = Schema.RequiredMode.REQUIRED)
    String businessPostalCode,
    @Schema(description = "Ort", example = "Offenbach am Main", requiredMode = Schema.RequiredMode.REQUIRED)
    String businessCity,
    @Schema(description = "Quartier (Code, z. B. offenbach) oder OUTSIDE für außerhalb der Quartiere. Quartiersberater erfassen nur für ihr eigenes Quartier", example = "offenbach")
    String quarterCode,
    @Schema(description = "Verwendungszweck", example = "Industrienähmaschine und Ladeneinrichtung", requiredMode = Schema.RequiredMode.REQUIRED)
    String loanPurpose,
    @Schema(description = "Dient der Kredit einem gewerblichen Zweck? (nur dann ist er möglich)", requiredMode = Schema.RequiredMode.REQUIRED)
    Boolean commercialPurpose,
    @Schema(description = "Kreditbetrag in EUR, 500,00 bis 20.000,00 (höchstens zwei Nachkommastellen)", example = "7500.00", requiredMode = Schema.RequiredMode.REQUIRED)
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
