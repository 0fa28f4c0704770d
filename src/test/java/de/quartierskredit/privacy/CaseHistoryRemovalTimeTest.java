package de.quartierskredit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The engine's removal time of a case: the earlier of the model's time-to-live and our tables' retention. */
class CaseHistoryRemovalTimeTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private final CaseHistoryRemovalTime removal = new CaseHistoryRemovalTime(RetentionPolicy.DEFAULTS, Clock.system(BERLIN));

  private static Date day(int year, int month, int day) {
    return Date.from(LocalDate.of(year, month, day).atStartOfDay(BERLIN).toInstant());
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(LocalDate.of(year, month, day).atTime(hour, 0).atZone(BERLIN).toInstant());
  }

  @Test
  void shouldRemoveAnApplicationThatEndedWithoutALoanSixMonthsAfterTheDayItEnded() {
    Date ttl = at(2032, 5, 5, 14); // 400 days
    assertThat(removal.removalTime("loan-application", "EndEvent_Rejected", at(2031, 4, 1, 14), ttl))
        .isEqualTo(day(2031, 10, 1));
    // cancelled in Cockpit: no end event, no loan either
    assertThat(removal.removalTime("loan-application", null, at(2031, 4, 1, 14), ttl)).isEqualTo(day(2031, 10, 1));
  }

  @Test
  void shouldKeepTheModelsTimeToLiveForAnApplicationThatBecameALoan() {
    Date ttl = at(2032, 5, 5, 14);
    assertThat(removal.removalTime("loan-application", "EndEvent_LoanDisbursed", at(2031, 4, 1, 14), ttl)).isEqualTo(ttl);
  }

  @Test
  void shouldRemoveAnOutreachContactWithoutApplicationSixMonthsAfterIt() {
    Date ttl = at(2032, 5, 5, 14);
    assertThat(removal.removalTime("outreach", "EndEvent_ContactEnded", at(2031, 4, 1, 14), ttl)).isEqualTo(day(2031, 10, 1));
    assertThat(removal.removalTime("outreach", "EndEvent_ApplicationStarted", at(2031, 4, 1, 14), ttl)).isEqualTo(ttl);
  }

  @Test
  void shouldNeverKeepAServicingHistoryBeyondTheBookkeepingRetention() {
    Date tenYears = at(2041, 3, 29, 14);
    assertThat(removal.removalTime("loan-servicing", "EndEvent_LoanRepaid", at(2031, 4, 1, 14), tenYears)).isEqualTo(tenYears);
    Date longer = at(2045, 1, 1, 0);
    assertThat(removal.removalTime("loan-servicing", "EndEvent_LoanRepaid", at(2031, 4, 1, 14), longer))
        .isEqualTo(day(2042, 1, 1));
  }

  @Test
  void shouldNeverKeepTheQualityAssuranceOfA15thBeyondTheRetentionOfTheLoansItNames() {
    // default 10 years: the model's 3,650 days come first
    Date ttl = at(2041, 3, 13, 14);
    assertThat(removal.removalTime("portfolio-standard", "EndEvent_StandardKept", at(2031, 3, 15, 14), ttl)).isEqualTo(ttl);
    // 8 years of bookkeeping: gone when a loan that closed that day would be erased
    var eightYears = new CaseHistoryRemovalTime(new RetentionPolicy(Period.ofMonths(6), Period.ofMonths(6), 8),
        Clock.system(BERLIN));
    assertThat(eightYears.removalTime("portfolio-standard", "EndEvent_StandardBroken", at(2031, 3, 15, 14), ttl))
        .isEqualTo(day(2040, 1, 1));
  }

  @Test
  void shouldLeaveOtherModelsAndRunningInstancesToTheirTimeToLive() {
    Date ttl = at(2041, 3, 29, 14);
    assertThat(removal.removalTime("guarantor-check", "EndEvent_Sufficient", at(2031, 4, 1, 14), ttl)).isEqualTo(ttl);
    assertThat(removal.removalTime("loan-application", null, null, ttl)).isEqualTo(ttl);
    assertThat(removal.removalTime("loan-application", "EndEvent_Rejected", at(2031, 4, 1, 14), null)).isNull();
  }
}
