package de.quartierskredit.duties;

import java.time.LocalDateTime;

/** One step a person did on a loan, and when. */
public record Participation(Step step, String userId, LocalDateTime at) {}
