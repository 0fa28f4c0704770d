package de.quartierskredit.bank;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.bank.DisturbancePolicy.Change;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A loan is disturbed exactly while it has arrears; since-when is kept while it stays disturbed. */
class DisturbancePolicyTest {

  private static final LocalDate MARCH = LocalDate.of(2026, 3, 31);
  private static final LocalDate APRIL = LocalDate.of(2026, 4, 30);
  private final DisturbancePolicy policy = new DisturbancePolicy();

  @Test
  void shouldBecomeDisturbedOnTheValueDateWhenArrearsAppear() {
    var result = policy.after(false, null, new BigDecimal("0.01"), MARCH);

    assertThat(result.disturbed()).isTrue();
    assertThat(result.since()).isEqualTo(MARCH);
    assertThat(result.change()).isEqualTo(Change.BECAME_DISTURBED);
  }

  @Test
  void shouldKeepTheFirstDateWhileArrearsRemain() {
    var result = policy.after(true, MARCH, new BigDecimal("50.00"), APRIL);

    assertThat(result.since()).isEqualTo(MARCH);
    assertThat(result.change()).isEqualTo(Change.NONE);
  }

  @Test
  void shouldClearFlagAndDateWhenArrearsAreZero() {
    var result = policy.after(true, MARCH, new BigDecimal("0.00"), APRIL);

    assertThat(result.disturbed()).isFalse();
    assertThat(result.since()).isNull();
    assertThat(result.change()).isEqualTo(Change.ARREARS_CLEARED);
  }

  @Test
  void shouldChangeNothingForAnUndisturbedLoanWithoutArrears() {
    var result = policy.after(false, null, new BigDecimal("0.00"), APRIL);

    assertThat(result.disturbed()).isFalse();
    assertThat(result.since()).isNull();
    assertThat(result.change()).isEqualTo(Change.NONE);
  }
}
