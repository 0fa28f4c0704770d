package de.quartierskredit.servicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FollowUpLoanPolicyTest {

  private final FollowUpLoanPolicy policy = new FollowUpLoanPolicy(12);
  private final LocalDate repaidOn = LocalDate.of(2028, 6, 15);

  @Test
  void shouldOfferWhenTheLoanWasNeverDisturbed() {
    assertThat(policy.offer(repaidOn, null).offer()).isTrue();
  }

  @Test
  void shouldOfferWhenTheLastDisturbanceEndedADayBeforeTheWindow() {
    assertThat(policy.offer(repaidOn, LocalDate.of(2027, 6, 14)).offer()).isTrue();
  }

  @Test
  void shouldNotOfferWhenTheLastDisturbanceIsExactlyAtTheWindowStart() {
    var decision = policy.offer(repaidOn, LocalDate.of(2027, 6, 15));

    assertThat(decision.offer()).isFalse();
    assertThat(decision.reason()).isEqualTo("Zahlungsstörung am 15.06.2027, innerhalb der letzten 12 Monate: "
        + "kein Folgekredit-Angebot.");
  }
}
