package de.quartierskredit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.shared.Dates;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail (Prüfpfad) of each loan, the only writer of {@code audit_entry}: who decided what
 * and when, append-only and hash-chained per loan ({@link AuditChain}). An entry is written in the
 * transaction of the step it records, so it exists exactly when the step does; appends to one loan
 * are serialised across cluster nodes by locking the loan's row, so a chain never forks. There is no
 * method to change or remove an entry (on PostgreSQL a trigger refuses it too, db/vendor/postgresql).
 */
@Service
public class AuditTrail {

  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditTrail(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Appends an entry to the loan's chain, in the caller's transaction (or a new one). {@code actor}
   * is the logged-in user who did the step (null: the system), {@code secondActor} the one who
   * approved a four-eyes step; {@code details} only keys of {@link AuditDetails}. An unknown loan, an
   * unknown key or a value of the wrong kind is a programming error (IllegalArgumentException) and
   * rolls the step back.
   */
  @Transactional
  public void record(String reference, AuditAction action, String actor, String secondActor,
      Map<String, Object> details) {
    if (!append(reference, action, actor, secondActor, details)) {
      throw new IllegalArgumentException("no loan " + reference + " to audit");
    }
  }

  /**
   * Appends the entry when {@code reference} names a loan, else does nothing and answers false: for
   * steps of processes that may run without a loan (a model migration of any process instance).
   */
  @Transactional
  boolean recordIfLoan(String reference, AuditAction action, String actor, String secondActor,
      Map<String, Object> details) {
    return reference != null && append(reference, action, actor, secondActor, details);
  }

  private boolean append(String reference, AuditAction action, String actor, String secondActor,
      Map<String, Object> details) {
    if (action == null) {
      throw new IllegalArgumentException("audit action is missing");
    }
    requireUser(actor);
    requireUser(secondActor);
    Map<String, Object> facts = new TreeMap<>();
    (details == null ? Map.<String, Object>of() : details)
        .forEach((key, value) -> facts.put(key, AuditDetails.normalise(key, value)));
    String detailsJson = json(facts);
    // the lock that serialises appends to one loan across nodes, held until the step commits
    if (jdbc.sql("SELECT id FROM loan WHERE reference = :reference FOR UPDATE")
        .param("reference", reference).query(Long.class).optional().isEmpty()) {
      return false;
    }
    record Last(int sequenceNo, String entryHash) {}
    Last last = jdbc.sql("""
            SELECT sequence_no, entry_hash FROM audit_entry WHERE loan_reference = :reference
            ORDER BY sequence_no DESC FETCH FIRST 1 ROWS ONLY""")
        .param("reference", reference)
        .query((rs, row) -> new Last(rs.getInt("sequence_no"), rs.getString("entry_hash")))
        .optional().orElse(new Last(0, AuditChain.GENESIS));
    int sequenceNo = last.sequenceNo() + 1;
    LocalDateTime occurredAt = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    String hash = AuditChain.hash(reference, sequenceNo, action.name(), actor, secondActor, occurredAt,
        detailsJson, last.entryHash());
    jdbc.sql("""
            INSERT INTO audit_entry (loan_reference, sequence_no, action, actor, second_actor, occurred_at,
                                     details, previous_hash, entry_hash)
            VALUES (:reference, :sequenceNo, :action, :actor, :secondActor, :occurredAt, :details, :previous, :hash)""")
        .param("reference", reference)
        .param("sequenceNo", sequenceNo)
        .param("action", action.name())
        .param("actor", actor)
        .param("secondActor", secondActor)
        .param("occurredAt", occurredAt)
        .param("details", detailsJson)
        .param("previous", last.entryHash())
        .param("hash", hash)
        .update();
    return true;
  }

  /** The loan's entries in the order they were written, each described in German. */
  @Transactional(readOnly = true)
  public List<AuditEntryView> of(String reference) {
    return links(reference).stream().map(AuditTrail::view).toList();
  }

  /** Recomputes the loan's chain: intact, or the first entry that was changed, removed or forged. */
  @Transactional(readOnly = true)
  public ChainCheck verify(String reference) {
    return AuditChain.check(links(reference));
  }

  /** The SHA-256 (hex) by which a free text, such as a committee's reason, enters the trail. */
  public static String sha256(String text) {
    return AuditChain.sha256(text == null ? "" : text);
  }

  private List<AuditChain.Link> links(String reference) {
    return jdbc.sql("""
            SELECT loan_reference, sequence_no, action, actor, second_actor, occurred_at, details, previous_hash,
                   entry_hash
            FROM audit_entry WHERE loan_reference = :reference ORDER BY sequence_no, id""")
        .param("reference", reference)
        .query((rs, row) -> new AuditChain.Link(rs.getString("loan_reference"), rs.getInt("sequence_no"),
            rs.getString("action"), rs.getString("actor"), rs.getString("second_actor"),
            rs.getObject("occurred_at", LocalDateTime.class), rs.getString("details"), rs.getString("previous_hash"),
            rs.getString("entry_hash")))
        .list();
  }

  private static AuditEntryView view(AuditChain.Link link) {
    AuditAction action = AuditAction.valueOf(link.action());
    Map<String, Object> details = parse(link.details());
    return new AuditEntryView(link.sequenceNo(), action, action.label(), AuditDetails.describe(details),
        link.actor(), link.actor() == null ? null : action.actorRole(),
        link.secondActor(), link.secondActor() == null ? null : action.secondActorRole(),
        link.occurredAt(), Dates.format(link.occurredAt().toLocalDate()) + " " + TIME.format(link.occurredAt()),
        details, link.previousHash(), link.entryHash());
  }

  private static void requireUser(String userId) {
    if (userId != null && !USER_ID.matcher(userId).matches()) {
      throw new IllegalArgumentException("not a user id: " + userId);
    }
  }

  private static String json(Map<String, Object> facts) {
    try {
      return JSON.writeValueAsString(facts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write audit details", e);
    }
  }

  private static Map<String, Object> parse(String details) {
    try {
      return JSON.readValue(details, MAP);
    } catch (JsonProcessingException e) {
      // a row that is not JSON was not written by us: show no facts; verify() names it as changed
      return Map.of();
    }
  }
}
