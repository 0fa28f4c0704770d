package de.quartierskredit.outreach;

/** Whom an outreach contact is about: the person, the business (may be null) and the quarter name (null outside). */
public record ContactSummary(String contactPerson, String businessName, String quarterName) {}
