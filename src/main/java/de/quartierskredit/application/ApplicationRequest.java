package de.quartierskredit.application;

import java.math.BigDecimal;

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
    BigDecimal loanAmount) {}
