package de.quartierskredit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of a loan's audit entries: each entry's hash is the SHA-256 of its own fields and of
 * the previous entry's hash (the first entry's predecessor is {@link #GENESIS}), so changing, removing
 * or inserting an entry anywhere but at the end breaks every later link. {@link #check} recomputes a
 * chain and names the first entry that does not fit.
 */
final class AuditChain {

  /** The "previous hash" of a loan's first entry. */
  static final String GENESIS = "0".repeat(64);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

  /** An entry as stored, the input of the hash. */
  record Link(String loanReference, int sequenceNo, String action, String actor, String secondActor,
      LocalDateTime occurredAt, String details, String previousHash, String entryHash) {}

  private AuditChain() {}

  /** SHA-256 (hex) over the entry's fields, written as one JSON array so that no two entries share an input. */
  static String hash(String loanReference, int sequenceNo, String action, String actor, String secondActor,
      LocalDateTime occurredAt, String details, String previousHash) {
    try {
      byte[] input = JSON.writeValueAsBytes(Arrays.asList(loanReference, sequenceNo, action, actor, secondActor,
          TIMESTAMP.format(occurredAt), details, previousHash));
      return sha256(input);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write audit entry for hashing", e);
    }
  }

  /** The SHA-256 of a text (UTF-8) in lower-case hex: how free texts enter the trail. */
  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] input) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** Recomputes the chain of one loan, its links in sequence order. */
  static ChainCheck check(List<Link> links) {
    String previous = GENESIS;
    int expected = 1;
    for (Link link : links) {
      if (link.sequenceNo() != expected) {
        return ChainCheck.brokenAt(links.size(), link.sequenceNo(),
            "folgt nicht lückenlos auf Eintrag " + (expected - 1));
      }
      if (!link.previousHash().equals(previous)) {
        return ChainCheck.brokenAt(links.size(), link.sequenceNo(), "passt nicht zu seinem Vorgänger");
      }
      String recomputed = hash(link.loanReference(), link.sequenceNo(), link.action(), link.actor(),
          link.secondActor(), link.occurredAt(), link.details(), link.previousHash());
      if (!recomputed.equals(link.entryHash())) {
        return ChainCheck.brokenAt(links.size(), link.sequenceNo(), "wurde nach dem Schreiben geändert");
      }
      previous = link.entryHash();
      expected++;
    }
    return ChainCheck.intact(links.size());
  }
}
