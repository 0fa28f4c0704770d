package de.quartierskredit.servicing;

import java.time.LocalDate;

/** A contact with the borrower as the advisor recorded it (checked by {@link ServicingInputPolicy}). */
record BorrowerContact(String channel, String outcome, String businessSituation, String notes, LocalDate contactedOn) {}
