package de.quartierskredit.duties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SeparationOfDutiesPolicyTest {

  private static final LocalDateTime DEC_1 = LocalDateTime.of(2026, 12, 1, 9, 30);
  private static final LocalDateTime DEC_3 = LocalDateTime.of(2026, 12, 3, 14, 0);

  @Nested
  class CommitteeDecision {

    @Test
    void shouldRefuseThePreparerNamingEveryStepAndDate() {
      var decision = SeparationOfDutiesPolicy.committeeDecision("anna", List.of(
          new Participation(Step.APPLICATION_RECORDED, "anna", DEC_1),
          new Participation(Step.ADVICE, "anna", DEC_1),
          new Participation(Step.GUARANTORS_RECORDED, "lars", DEC_1),
          new Participation(Step.DECISION_TEMPLATE, "anna", DEC_1),
          new Participation(Step.DECISION_TEMPLATE, "anna", DEC_3)), true);

      assertThat(decision.ok()).isFalse();
      assertThat(decision.reason()).isEqualTo("Sie haben diesen Antrag vorbereitet (Antragsaufnahme am 01.12.2026, "
          + "Beratung am 01.12.2026, Entscheidungsvorlage am 01.12.2026 und 03.12.2026) und dürfen nicht darüber "
          + "entscheiden. Ein anderes Ausschussmitglied entscheidet.");
    }

    @Test
    void shouldNameASecondMicrofinancerOutsideTheQuarters() {
      var decision = SeparationOfDutiesPolicy.committeeDecision("mia",
          List.of(new Participation(Step.ADVICE, "mia", DEC_1)), false);

      assertThat(decision.reason()).isEqualTo("Sie haben diesen Antrag vorbereitet (Beratung am 01.12.2026) und "
          + "dürfen nicht darüber entscheiden. Eine andere Person des Mikrofinanzierers entscheidet.");
    }

    @Test
    void shouldRefuseWhateverTheCaseOfTheUserId() {
      assertThat(SeparationOfDutiesPolicy.committeeDecision("Anna",
          List.of(new Participation(Step.GUARANTORS_RECORDED, "anna", DEC_1)), true).ok()).isFalse();
    }

    @Test
    void shouldAllowAnotherMemberAndOneWhoOnlyDecidedBefore() {
      List<Participation> done = List.of(new Participation(Step.ADVICE, "anna", DEC_1),
          new Participation(Step.COMMITTEE_DECISION, "sven", DEC_1));

      assertThat(SeparationOfDutiesPolicy.committeeDecision("sven", done, true).ok()).isTrue();
      assertThat(SeparationOfDutiesPolicy.committeeDecision("ines", done, true).ok()).isTrue();
      assertThat(SeparationOfDutiesPolicy.committeeDecision("ines", List.of(), true).ok()).isTrue();
    }

    @Test
    void shouldAllowTheEngineItselfWithNobodyActing() {
      assertThat(SeparationOfDutiesPolicy.committeeDecision(null,
          List.of(new Participation(Step.ADVICE, "anna", DEC_1)), true).ok()).isTrue();
    }
  }

  @Nested
  class WriteOffApproval {

    @Test
    void shouldRefuseWhoAskedForTheWriteOff() {
      var decision = SeparationOfDutiesPolicy.writeOffApproval("mia",
          List.of(new Participation(Step.WRITE_OFF_REQUESTED, "mia", DEC_3)));

      assertThat(decision.ok()).isFalse();
      assertThat(decision.reason()).isEqualTo("Sie haben die Abschreibung am 03.12.2026 beantragt und dürfen sie "
          + "nicht selbst freigeben (Vier-Augen-Prinzip). Eine zweite Person des Mikrofinanzierers gibt sie frei.");
    }

    @Test
    void shouldJudgeTheLatestRequestAfterARejection() {
      List<Participation> done = List.of(new Participation(Step.WRITE_OFF_REQUESTED, "mia", DEC_1),
          new Participation(Step.WRITE_OFF_REJECTED, "max", DEC_1),
          new Participation(Step.WRITE_OFF_REQUESTED, "max", DEC_3));

      assertThat(SeparationOfDutiesPolicy.writeOffApproval("mia", done).ok()).isTrue();
      assertThat(SeparationOfDutiesPolicy.writeOffApproval("max", done).ok()).isFalse();
    }

    @Test
    void shouldAllowASecondPersonAndTheEngineItself() {
      List<Participation> done = List.of(new Participation(Step.WRITE_OFF_REQUESTED, "mia", DEC_1));

      assertThat(SeparationOfDutiesPolicy.writeOffApproval("max", done).ok()).isTrue();
      assertThat(SeparationOfDutiesPolicy.writeOffApproval(null, done).ok()).isTrue();
      assertThat(SeparationOfDutiesPolicy.writeOffApproval("max", List.of()).ok()).isTrue();
    }
  }
}
