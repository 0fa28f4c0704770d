package de.quartierskredit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The hash chain and the facts an entry may hold, without a database. */
class AuditChainTest {

  private static final LocalDateTime AT = LocalDateTime.of(2026, 12, 2, 9, 43, 12, 345_000_000);

  @Test
  void shouldVerifyAnUntouchedChainAndNameTheFirstChangedEntry() {
    List<AuditChain.Link> links = chain(3);
    assertThat(AuditChain.check(links)).isEqualTo(new ChainCheck(true, 3, null,
        "Der Prüfpfad ist unverändert: alle 3 Einträge sind lückenlos verkettet."));

    List<AuditChain.Link> changed = new ArrayList<>(links);
    AuditChain.Link second = links.get(1);
    changed.set(1, new AuditChain.Link(second.loanReference(), 2, second.action(), "max", second.secondActor(),
        second.occurredAt(), second.details(), second.previousHash(), second.entryHash()));
    ChainCheck check = AuditChain.check(changed);
    assertThat(check.intact()).isFalse();
    assertThat(check.firstBrokenSequenceNo()).isEqualTo(2);
    assertThat(check.message()).isEqualTo("Der Prüfpfad wurde verändert: Eintrag 2 wurde nach dem Schreiben geändert.");
  }

  @Test
  void shouldNameAGapAndAnEntryThatDoesNotFollowItsPredecessor() {
    List<AuditChain.Link> links = chain(3);
    List<AuditChain.Link> removed = List.of(links.get(0), links.get(2));
    assertThat(AuditChain.check(removed).firstBrokenSequenceNo()).isEqualTo(3);
    assertThat(AuditChain.check(removed).message()).contains("Eintrag 3 folgt nicht lückenlos auf Eintrag 1");

    // a forged entry that recomputes its own hash but not from its predecessor's
    AuditChain.Link third = links.get(2);
    String previous = "f".repeat(64);
    String hash = AuditChain.hash(third.loanReference(), 3, third.action(), third.actor(), null, third.occurredAt(),
        third.details(), previous);
    List<AuditChain.Link> forged = List.of(links.get(0), links.get(1), new AuditChain.Link(third.loanReference(), 3,
        third.action(), third.actor(), null, third.occurredAt(), third.details(), previous, hash));
    assertThat(AuditChain.check(forged).message()).contains("Eintrag 3 passt nicht zu seinem Vorgänger");
  }

  @Test
  void shouldChangeTheHashWithEveryField() {
    String base = AuditChain.hash("QK-1", 1, "WRITE_OFF", "mia", "max", AT, "{}", AuditChain.GENESIS);
    assertThat(base).matches("[0-9a-f]{64}")
        .isEqualTo(AuditChain.hash("QK-1", 1, "WRITE_OFF", "mia", "max", AT, "{}", AuditChain.GENESIS));
    assertThat(List.of(
        AuditChain.hash("QK-2", 1, "WRITE_OFF", "mia", "max", AT, "{}", AuditChain.GENESIS),
        AuditChain.hash("QK-1", 2, "WRITE_OFF", "mia", "max", AT, "{}", AuditChain.GENESIS),
        AuditChain.hash("QK-1", 1, "WRITE_OFF_REJECTED", "mia", "max", AT, "{}", AuditChain.GENESIS),
        AuditChain.hash("QK-1", 1, "WRITE_OFF", "max", "mia", AT, "{}", AuditChain.GENESIS),
        AuditChain.hash("QK-1", 1, "WRITE_OFF", "mia", null, AT, "{}", AuditChain.GENESIS),
        AuditChain.hash("QK-1", 1, "WRITE_OFF", "mia", "max", AT.plusNanos(1_000_000), "{}", AuditChain.GENESIS),
        AuditChain.hash("QK-1", 1, "WRITE_OFF", "mia", "max", AT, "{\"a\":1}", AuditChain.GENESIS),
        AuditChain.hash("QK-1", 1, "WRITE_OFF", "mia", "max", AT, "{}", "1".repeat(64))))
        .doesNotContain(base).doesNotHaveDuplicates();
    // fields cannot be shifted into each other
    assertThat(AuditChain.hash("QK-1", 1, "A", "mia", null, AT, "{}", AuditChain.GENESIS))
        .isNotEqualTo(AuditChain.hash("QK-1", 1, "A", null, "mia", AT, "{}", AuditChain.GENESIS));
  }

  @Test
  void shouldAcceptOnlyKnownFactsOfTheRightKind() {
    assertThatThrownBy(() -> AuditDetails.normalise("borrowerName", "Aylin Demir"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an audit detail");
    assertThatThrownBy(() -> AuditDetails.normalise(AuditDetails.DECISION, "Aylin Demir hat 069 123 angerufen"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditDetails.normalise(AuditDetails.REASON_SHA256, "Tragfähiges Konzept"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditDetails.normalise(AuditDetails.AMOUNT, 8000.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditDetails.normalise(AuditDetails.VOTES_FOR, "3"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(AuditDetails.normalise(AuditDetails.AMOUNT, new BigDecimal("8000"))).isEqualTo("8000.00");
    assertThat(AuditDetails.normalise(AuditDetails.VOTES_FOR, 3)).isEqualTo(3L);
  }

  @Test
  void shouldDescribeTheFactsInGerman() {
    Map<String, Object> details = new TreeMap<>(Map.of(
        AuditDetails.DECISION, "APPROVE", AuditDetails.AMOUNT, "8000.00", AuditDetails.VOTES_FOR, 3,
        AuditDetails.VOTES_AGAINST, 1, AuditDetails.ABSTENTIONS, 0, AuditDetails.REASON_SHA256, "ab".repeat(32),
        AuditDetails.MISSING_DOCUMENTS_OVERRIDDEN, false));
    assertThat(AuditDetails.describe(details)).isEqualTo("Entscheidung: bewilligt; Betrag: 8.000,00 EUR; "
        + "Ja-Stimmen: 3; Nein-Stimmen: 1; Enthaltungen: 0; Begründung (SHA-256): abababababab…; "
        + "trotz fehlender Unterlagen: nein");
    assertThat(AuditDetails.describe(Map.of(AuditDetails.PROCESS, "loan-servicing", AuditDetails.SOURCE_VERSION, 1,
        AuditDetails.TARGET_VERSION, 2))).isEqualTo("Prozess: Kreditbegleitung; von Version: 1; auf Version: 2");
  }

  private static List<AuditChain.Link> chain(int entries) {
    List<AuditChain.Link> links = new ArrayList<>();
    String previous = AuditChain.GENESIS;
    for (int n = 1; n <= entries; n++) {
      String details = "{\"votesFor\":" + n + "}";
      String hash = AuditChain.hash("QK-1", n, "COMMITTEE_DECISION", "sven", null, AT.plusMinutes(n), details, previous);
      links.add(new AuditChain.Link("QK-1", n, "COMMITTEE_DECISION", "sven", null, AT.plusMinutes(n), details, previous, hash));
      previous = hash;
    }
    return links;
  }
}
