package de.quartierskredit.loan;

import java.math.BigDecimal;

/** What is recorded when an application starts: the person, the business and the request. */
public record NewApplication(
    String firstName,
    String lastName,
    String email,
    String phone,
    boolean sgb2Recipient,
    String businessName,
    BusinessStage stage,
    String sector,
    String street,
    String postalCode,
    String city,
    String quarterCode,
    String purpose,
    BigDecimal amount) {}
