package de.quartierskredit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the dates people type, and writing dates for them, at the edges. */
class DatesTest {

  @Nested
  class ReadingWhatAPersonTyped {

    @Test
    void shouldReadTheGermanDate() {
      assertThat(Dates.parse("01.12.2026")).contains(LocalDate.of(2026, 12, 1));
      assertThat(Dates.parse("31.12.2026")).contains(LocalDate.of(2026, 12, 31));
    }

    @Test
    void shouldReadDaysAndMonthsWithoutLeadingZero() {
      assertThat(Dates.parse("1.2.2026")).contains(LocalDate.of(2026, 2, 1));
      assertThat(Dates.parse("5.11.2026")).contains(LocalDate.of(2026, 11, 5));
    }

    @Test
    void shouldReadTheIsoDateOfTheBanksApiAndOlderClients() {
      assertThat(Dates.parse("2026-12-01")).contains(LocalDate.of(2026, 12, 1));
    }

    @Test
    void shouldIgnoreBlanksAroundTheDate() {
      assertThat(Dates.parse("  01.12.2026 ")).contains(LocalDate.of(2026, 12, 1));
      assertThat(Dates.parse("\t2026-12-01\n")).contains(LocalDate.of(2026, 12, 1));
    }

    @Test
    void shouldTakeTheTwentyNinthOfFebruaryOnlyInALeapYear() {
      assertThat(Dates.parse("29.02.2028")).contains(LocalDate.of(2028, 2, 29));
      assertThat(Dates.parse("29.02.2027")).isEmpty();
      assertThat(Dates.parse("2027-02-29")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"32.12.2026", "00.12.2026", "31.04.2026", "01.13.2026", "01.00.2026", "2026-13-01",
        "2026-12-32", "2026-1-1"})
    void shouldRefuseDaysThatDoNotExist(String text) {
      assertThat(Dates.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "01.12.26", "01/12/2026", "12/01/2026", "01-12-2026", "1. Dezember 2026",
        "01.12.2026 10:00", "2026-12-01T00:00", "20261201", "01.12.02026", "001.12.2026", "heute", "０１.１２.２０２６"})
    void shouldRefuseWhatIsNoDateInEitherForm(String text) {
      assertThat(Dates.parse(text)).isEmpty();
    }

    @Test
    void shouldTreatNothingAsNoDate() {
      assertThat(Dates.parse(null)).isEmpty();
    }
  }

  @Nested
  class WritingForCaseworkers {

    @Test
    void shouldWriteDaysWithLeadingZeros() {
      assertThat(Dates.format(LocalDate.of(2026, 3, 2))).isEqualTo("02.03.2026");
      assertThat(Dates.format(LocalDate.of(2026, 12, 31))).isEqualTo("31.12.2026");
    }

    @Test
    void shouldWriteMonthsInGerman() {
      assertThat(Dates.format(YearMonth.of(2026, 11))).isEqualTo("November 2026");
      assertThat(Dates.format(YearMonth.of(2026, 3))).isEqualTo("März 2026");
    }

    @Test
    void shouldReadBackWhatItWrites() {
      LocalDate day = LocalDate.of(2026, 2, 28);
      assertThat(Dates.parse(Dates.format(day))).contains(day);
    }
  }
}
