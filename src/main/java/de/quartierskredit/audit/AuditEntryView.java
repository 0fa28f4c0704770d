package de.quartierskredit.audit;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * One audit entry as a reader sees it: the step in German ({@code actionLabel}), a German sentence
 * describing its facts ({@code description}), who did it and, for four-eyes steps, who approved it
 * (each with the German word for their role), when (German {@code occurredOn}: {@code 02.12.2026 09:43}),
 * the facts themselves ({@code details}: amounts, votes, versions, hashes; never names, phones or
 * notes) and the entry's place in the loan's hash chain.
 */
public record AuditEntryView(
    int sequenceNo,
    AuditAction action,
    String actionLabel,
    String description,
    String actor,
    String actorRole,
    String secondActor,
    String secondActorRole,
    LocalDateTime occurredAt,
    String occurredOn,
    Map<String, Object> details,
    String previousHash,
    String entryHash) {}
