package de.quartierskredit.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The server's own check of the committee's forms (the engine does not validate form input). */
class CommitteeInputPolicyTest {

  @Test
  void shouldAcceptAnApprovalWhenMoreMembersVoteForThanAgainst() {
    assertThat(CommitteeInputPolicy.decision("APPROVE", "Tragfähig.", 2, 1, 0).ok()).isTrue();
  }

  @Test
  void shouldRefuseAnApprovalWhenTheVotesAreTied() {
    var check = CommitteeInputPolicy.decision("APPROVE", "Tragfähig.", 1, 1, 1);
    assertThat(check.ok()).isFalse();
    assertThat(check.reason()).isEqualTo("Eine Bewilligung braucht mehr Stimmen dafür als dagegen.");
  }

  @Test
  void shouldRefuseARejectionWhenTheMajorityVotedFor() {
    assertThat(CommitteeInputPolicy.decision("REJECT", "Nein.", 2, 1, 0).ok()).isFalse();
  }

  @Test
  void shouldAcceptAQuestionBackWhenNobodyVoted() {
    assertThat(CommitteeInputPolicy.decision("RETURN", "Fixkosten?", 0, 0, 0).ok()).isTrue();
  }

  @Test
  void shouldRefuseNegativeOrMissingVotes() {
    assertThat(CommitteeInputPolicy.decision("REJECT", "Nein.", -1, 2, 0).ok()).isFalse();
    assertThat(CommitteeInputPolicy.decision("REJECT", "Nein.", null, 2, 0).ok()).isFalse();
    assertThat(CommitteeInputPolicy.decision("REJECT", "Nein.", 0, 100, 0).ok()).isFalse();
  }

  @Test
  void shouldRefuseAnUnknownDecisionOrABlankReason() {
    var check = CommitteeInputPolicy.decision("MAYBE", "  ", 0, 0, 0);
    assertThat(check.ok()).isFalse();
    assertThat(check.reason()).contains("Bitte eine Entscheidung wählen").contains("Die Begründung fehlt.");
  }

  @Test
  void shouldRefuseATemplateWhenAGuidingQuestionIsUnanswered() {
    assertThat(CommitteeInputPolicy.template("Ja.", "Ja.", "APPROVE", null).ok()).isTrue();
    assertThat(CommitteeInputPolicy.template("Ja.", null, "APPROVE", null).ok()).isFalse();
    assertThat(CommitteeInputPolicy.template("Ja.", "Ja.", "RETURN", null).ok()).isFalse();
    assertThat(CommitteeInputPolicy.template("x".repeat(4001), "Ja.", "APPROVE", null).ok()).isFalse();
  }

  @Test
  void shouldAcceptAReducedAmountFromFiveHundredEurosUpToTheCurrentAmount() {
    BigDecimal current = new BigDecimal("5000.00");
    assertThat(CommitteeInputPolicy.capacityAction("REDUCE", new BigDecimal("500.00"), current).ok()).isTrue();
    assertThat(CommitteeInputPolicy.capacityAction("REDUCE", new BigDecimal("5000"), current).ok()).isTrue();
    assertThat(CommitteeInputPolicy.capacityAction("REDUCE", new BigDecimal("499.99"), current).ok()).isFalse();
    assertThat(CommitteeInputPolicy.capacityAction("REDUCE", new BigDecimal("5000.01"), current).ok()).isFalse();
    assertThat(CommitteeInputPolicy.capacityAction("REDUCE", new BigDecimal("1000.005"), current).ok()).isFalse();
    assertThat(CommitteeInputPolicy.capacityAction("REDUCE", null, current).ok()).isFalse();
  }

  @Test
  void shouldNeedNoAmountWhenRetryingOrWithdrawing() {
    assertThat(CommitteeInputPolicy.capacityAction("RETRY", null, BigDecimal.TEN).ok()).isTrue();
    assertThat(CommitteeInputPolicy.capacityAction("WITHDRAW", null, BigDecimal.TEN).ok()).isTrue();
    assertThat(CommitteeInputPolicy.capacityAction("LATER", null, BigDecimal.TEN).ok()).isFalse();
  }

  @org.junit.jupiter.api.Nested
  class MissingDocuments {

    @Test
    void shouldRefuseAnApprovalWithMissingDocumentsAndNoReasonNamingThem() {
      var check = CommitteeInputPolicy.missingDocuments("APPROVE", java.util.List.of("Personalausweis oder Pass",
          "Businessplan"), "  ");

      org.assertj.core.api.Assertions.assertThat(check.ok()).isFalse();
      org.assertj.core.api.Assertions.assertThat(check.reason())
          .startsWith("Es fehlen erforderliche Unterlagen: Personalausweis oder Pass, Businessplan.");
    }

    @Test
    void shouldAcceptAnApprovalWithAReasonOrWithNothingMissing() {
      org.assertj.core.api.Assertions.assertThat(CommitteeInputPolicy.missingDocuments("APPROVE",
          java.util.List.of("Businessplan"), "Liegt auf Papier vor.").ok()).isTrue();
      org.assertj.core.api.Assertions.assertThat(CommitteeInputPolicy.missingDocuments("APPROVE",
          java.util.List.of(), null).ok()).isTrue();
    }

    @Test
    void shouldNotAskARejectionOrAQuestionBackForAReason() {
      org.assertj.core.api.Assertions.assertThat(CommitteeInputPolicy.missingDocuments("REJECT",
          java.util.List.of("Businessplan"), null).ok()).isTrue();
      org.assertj.core.api.Assertions.assertThat(CommitteeInputPolicy.missingDocuments("RETURN",
          java.util.List.of("Businessplan"), null).ok()).isTrue();
    }

    @Test
    void shouldRefuseAReasonLongerThanItsColumn() {
      org.assertj.core.api.Assertions.assertThat(CommitteeInputPolicy.missingDocuments("APPROVE",
          java.util.List.of("Businessplan"), "x".repeat(2001)).ok()).isFalse();
      org.assertj.core.api.Assertions.assertThat(CommitteeInputPolicy.missingDocuments("APPROVE",
          java.util.List.of("Businessplan"), "x".repeat(2000)).ok()).isTrue();
    }
  }
}
