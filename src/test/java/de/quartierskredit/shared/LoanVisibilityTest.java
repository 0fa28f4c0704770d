package de.quartierskredit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who reads which loan (applications, documents, the loan file). */
class LoanVisibilityTest {

  @Test
  void shouldLetTheMicrofinancerManagersAndProcessOwnersReadEveryApplicationIncludingOutsideTheQuarters() {
    for (String group : List.of("microfinancer", "managers", "process-owners", "camunda-admin")) {
      var visibility = LoanVisibility.of(List.of(group));
      assertThat(visibility.sees("offenbach")).as(group).isTrue();
      assertThat(visibility.sees(null)).as(group).isTrue();
    }
  }

  @Test
  void shouldLetAdvisorsAndCommitteesReadOnlyTheirQuarter() {
    var advisor = LoanVisibility.of(List.of("advisors-offenbach"));
    var committee = LoanVisibility.of(List.of("committee-leipzig", "committee-kiel"));

    assertThat(advisor.sees("offenbach")).isTrue();
    assertThat(advisor.sees("leipzig")).isFalse();
    assertThat(advisor.sees(null)).isFalse();
    assertThat(committee.sees("kiel")).isTrue();
    assertThat(committee.sees("offenbach")).isFalse();
  }

  @Test
  void shouldLetTheBankAndOthersReadNothing() {
    assertThat(LoanVisibility.of(List.of("bank")).none()).isTrue();
    assertThat(LoanVisibility.of(List.of("metrics")).none()).isTrue();
    assertThat(LoanVisibility.of(null).none()).isTrue();
    assertThat(LoanVisibility.of(List.of("advisors-offenbach")).none()).isFalse();
  }
}
