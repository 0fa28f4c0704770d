package de.quartierskredit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who reads which loan or application (GET /api/applications/{reference}, the loan file). */
class LoanVisibilityPolicyTest {

  private final LoanVisibilityPolicy policy = new LoanVisibilityPolicy();

  @Test
  void shouldLetTheMicrofinancerManagersAndProcessOwnersReadEveryApplicationIncludingOutsideTheQuarters() {
    for (String group : List.of("microfinancer", "managers", "process-owners", "camunda-admin")) {
      var visibility = policy.of(List.of(group));
      assertThat(visibility.sees("offenbach")).as(group).isTrue();
      assertThat(visibility.sees(null)).as(group).isTrue();
    }
  }

  @Test
  void shouldLetAdvisorsAndCommitteesReadOnlyTheirQuarter() {
    var advisor = policy.of(List.of("advisors-offenbach"));
    var committee = policy.of(List.of("committee-leipzig", "committee-kiel"));

    assertThat(advisor.sees("offenbach")).isTrue();
    assertThat(advisor.sees("leipzig")).isFalse();
    assertThat(advisor.sees(null)).isFalse();
    assertThat(committee.sees("kiel")).isTrue();
    assertThat(committee.sees("offenbach")).isFalse();
  }

  @Test
  void shouldLetTheBankAndOthersReadNothing() {
    assertThat(policy.of(List.of("bank")).none()).isTrue();
    assertThat(policy.of(List.of("metrics")).none()).isTrue();
    assertThat(policy.of(null).none()).isTrue();
    assertThat(policy.of(List.of("advisors-offenbach")).none()).isFalse();
  }
}
