package de.quartierskredit.outreach;

import de.quartierskredit.outreach.OutreachProcess.ContactType;
import de.quartierskredit.outreach.OutreachProcess.Outcome;

/** One outreach contact as the advisor recorded it; quarterCode null means outside the quarters. */
record OutreachContact(String quarterCode, ContactType type, String referralPartner, String businessName,
    String contactPerson, Outcome outcome, String referralOffer, String notes) {}
