package de.quartierskredit.servicing;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.servicing.DefaultDeadlinePolicy.Deadline;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The default period counts from the day a disturbance became known (issue 16). */
class DefaultDeadlinePolicyTest {

  private static final Period NINETY_DAYS = Period.ofDays(90);
  private static final LocalDate VALUE_DATE = LocalDate.of(2030, 12, 10);

  private final DefaultDeadlinePolicy policy = new DefaultDeadlinePolicy();

  @Test
  void shouldCountFromTheValueDateWhenReportedTheSameDay() {
    assertThat(policy.of(VALUE_DATE, VALUE_DATE, VALUE_DATE.plusDays(1), NINETY_DAYS))
        .isEqualTo(new Deadline(VALUE_DATE, VALUE_DATE, LocalDate.of(2031, 3, 10)));
  }

  @Test
  void shouldCountFromTheDayOfTheReportWhenReportedThreeMonthsLate() {
    LocalDate received = LocalDate.of(2031, 3, 12);
    assertThat(policy.of(VALUE_DATE, received, received.plusDays(2), NINETY_DAYS))
        .isEqualTo(new Deadline(VALUE_DATE, received, LocalDate.of(2031, 6, 10)));
  }

  @Test
  void shouldCountFromTodayWhenTheDayOfTheReportWasNotRecorded() {
    LocalDate today = LocalDate.of(2031, 1, 5);
    assertThat(policy.of(VALUE_DATE, null, today, NINETY_DAYS))
        .isEqualTo(new Deadline(VALUE_DATE, today, today.plusDays(90)));
  }

  @Test
  void shouldTakeTheKnownDayAsTheStartWhenNoValueDateIsKnown() {
    LocalDate today = LocalDate.of(2031, 1, 5);
    assertThat(policy.of(null, null, today, NINETY_DAYS)).isEqualTo(new Deadline(today, today, today.plusDays(90)));
  }

  @Test
  void shouldNeverCountFromBeforeTheDisturbanceStarted() {
    // a known day before the value date cannot be true; the deadline never lies before value date + period
    assertThat(policy.of(VALUE_DATE, VALUE_DATE.minusDays(30), VALUE_DATE, NINETY_DAYS))
        .isEqualTo(new Deadline(VALUE_DATE, VALUE_DATE, VALUE_DATE.plusDays(90)));
  }
}
