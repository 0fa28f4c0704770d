package de.quartierskredit.loan;

import static de.quartierskredit.loan.LoanState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LoanLifecycleTest {

  /** The table as DOMAIN.md walks it, written out once more so a change to it is a visible decision. */
  static Stream<Arguments> allowed() {
    return Stream.of(
        Arguments.of(APPLIED, APPROVED), Arguments.of(APPLIED, REJECTED), Arguments.of(APPLIED, WITHDRAWN),
        Arguments.of(APPLIED, ENDED_BY_ADVICE), Arguments.of(APPLIED, FINANCED_PRIVATELY),
        Arguments.of(APPLIED, REFERRED),
        Arguments.of(APPROVED, CONTRACTED), Arguments.of(APPROVED, REJECTED), Arguments.of(APPROVED, WITHDRAWN),
        Arguments.of(CONTRACTED, ACTIVE), Arguments.of(CONTRACTED, WITHDRAWN),
        Arguments.of(ACTIVE, REPAID), Arguments.of(ACTIVE, DEFAULTED),
        Arguments.of(DEFAULTED, WRITTEN_OFF));
  }

  @Nested
  class Allowed {

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("de.quartierskredit.loan.LoanLifecycleTest#allowed")
    void shouldAcceptEveryAllowedTransition(LoanState from, LoanState to) {
      assertThat(LoanLifecycle.allows(from, to)).isTrue();
      assertThatCode(() -> LoanLifecycle.require(from, to)).doesNotThrowAnyException();
      assertThat(LoanLifecycle.sourcesOf(to)).contains(from);
    }

    @Test
    void shouldAllowNothingElse() {
      List<String> table = new ArrayList<>();
      for (LoanState from : LoanState.values()) {
        LoanLifecycle.next(from).forEach(to -> table.add(from + "->" + to));
      }
      assertThat(table).containsExactlyInAnyOrderElementsOf(
          allowed().map(a -> a.get()[0] + "->" + a.get()[1]).toList());
    }
  }

  @Nested
  class Forbidden {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "APPLIED,ACTIVE", "APPLIED,CONTRACTED", "APPLIED,REPAID", "APPLIED,DEFAULTED", "APPLIED,APPLIED",
        "APPROVED,APPLIED", "APPROVED,ACTIVE", "APPROVED,ENDED_BY_ADVICE", "CONTRACTED,APPROVED",
        "CONTRACTED,REJECTED", "ACTIVE,WITHDRAWN", "ACTIVE,WRITTEN_OFF", "ACTIVE,CONTRACTED", "ACTIVE,ACTIVE",
        "DEFAULTED,ACTIVE", "DEFAULTED,REPAID", "REPAID,ACTIVE", "WRITTEN_OFF,ACTIVE", "WITHDRAWN,APPLIED",
        "REJECTED,APPROVED", "REFERRED,APPLIED"})
    void shouldRefuseWithIllegalLoanStateException(LoanState from, LoanState to) {
      assertThat(LoanLifecycle.allows(from, to)).isFalse();
      assertThatThrownBy(() -> LoanLifecycle.require(from, to))
          .isInstanceOf(IllegalLoanStateException.class)
          .hasMessageContaining(from + " loan cannot become " + to);
    }

    @Test
    void shouldLetNoEndedStateLeadAnywhere() {
      for (LoanState state : LoanState.values()) {
        assertThat(LoanLifecycle.next(state).isEmpty()).as(state.toString()).isEqualTo(state.isEnded());
      }
    }

    @Test
    void shouldLetNoStateReturnToApplied() {
      assertThat(LoanLifecycle.sourcesOf(APPLIED)).isEmpty();
    }
  }

  @Nested
  class CallersNarrowTheTable {

    @Test
    void shouldKeepOnlyTheCallersStatesTheTableAllows() {
      var endable = EnumSet.of(APPLIED, APPROVED, CONTRACTED);
      assertThat(LoanLifecycle.sourcesOf(endable, WITHDRAWN)).containsExactlyInAnyOrder(APPLIED, APPROVED, CONTRACTED);
      assertThat(LoanLifecycle.sourcesOf(endable, ENDED_BY_ADVICE)).containsExactly(APPLIED);
      assertThat(LoanLifecycle.sourcesOf(Set.of(APPLIED), WITHDRAWN)).containsExactly(APPLIED);
    }

    @Test
    void shouldNeverWidenIt() {
      assertThat(LoanLifecycle.sourcesOf(Set.of(APPLIED), ACTIVE)).isEmpty();
      assertThat(LoanLifecycle.sourcesOf(Set.of(LoanState.values()), REPAID)).containsExactly(ACTIVE);
    }

    @Test
    void shouldReachActiveFromAppliedAsTheSimulatorsSeedAssumes() {
      assertThat(LoanLifecycle.leadsTo(APPLIED, ACTIVE)).isTrue();
      assertThat(LoanLifecycle.leadsTo(ACTIVE, APPLIED)).isFalse();
      assertThat(LoanLifecycle.leadsTo(REPAID, WRITTEN_OFF)).isFalse();
    }
  }
}
