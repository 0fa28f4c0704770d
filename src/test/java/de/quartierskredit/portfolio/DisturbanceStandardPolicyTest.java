package de.quartierskredit.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DisturbanceStandardPolicyTest {

  @ParameterizedTest
  @CsvSource({"1,10,false,0.1000", "2,19,true,0.1053", "0,0,false,0.0000", "0,7,false,0.0000",
      "10,100,false,0.1000", "11,100,true,0.1100", "101,1000,true,0.1010", "100,1000,false,0.1000", "1,1,true,1.0000"})
  void shouldAllowExactly10PercentAndNothingAbove(int disturbed, int outstanding, boolean above, String rate) {
    assertThat(DisturbanceStandardPolicy.aboveStandard(disturbed, outstanding)).isEqualTo(above);
    assertThat(DisturbanceStandardPolicy.rate(disturbed, outstanding)).isEqualByComparingTo(rate);
  }

  @Test
  void shouldRefuseImpossibleCounts() {
    assertThatThrownBy(() -> DisturbanceStandardPolicy.rate(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DisturbanceStandardPolicy.aboveStandard(-1, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"2026-12-02,2026-11-15", "2026-12-15,2026-12-15", "2026-12-14,2026-11-15", "2026-12-31,2026-12-15",
      "2027-01-10,2026-12-15", "2026-03-01,2026-02-15"})
  void shouldFindTheLastReportingDateOnOrBeforeADay(LocalDate day, LocalDate reportingDate) {
    assertThat(DisturbanceStandardPolicy.reportingDateOnOrBefore(day)).isEqualTo(reportingDate);
  }
}
