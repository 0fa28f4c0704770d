package de.quartierskredit.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary a manager reads after a what-if run: losses by who bore them and one line per fund, in euros. */
class SimulationRunnerTest {

  @Test
  void shouldDescribeLossesAndEachFundsCapitalCapacityAndFreeCapacity() {
    var nuernberg = new SimulationSummary.FundPosition("Nürnberg", new BigDecimal("3712.72"),
        new BigDecimal("17287.28"), new BigDecimal("26728.57"), new BigDecimal("18563.60"), new BigDecimal("-8164.97"));
    String text = SimulationRunner.describe(summary(Map.of("LOCAL_FUND", new BigDecimal("17287.28")), List.of(nuernberg)));

    assertThat(text).contains("losses written off, by who bore them: LOCAL_FUND 17.287,28 EUR")
        .containsPattern("\\n  Nürnberg +capital +3\\.712,72 EUR \\(lost +17\\.287,28 EUR\\), capacity +18\\.563,60 EUR, "
            + "held +26\\.728,57 EUR, free +-8\\.164,97 EUR");
  }

  @Test
  void shouldReportTheBrochuresFiguresAndHowTheEarlyWarningDid() {
    String text = SimulationRunner.describe(summary(Map.of(), List.of()));

    assertThat(text).contains("brochure's figures: 10 loans granted, ever disturbed 40.0 % (4), defaulted or written off "
            + "10.0 % (1), repaid 83.3 % of the loans that ended (5), disturbed on an average 15th 15.0 %")
        .contains("early warning: 75.0 % of 4 disturbances flagged beforehand, 40.0 % of 5 warnings false alarms "
            + "(no disturbance within 3 months)");
  }

  @Test
  void shouldSaySoWhenNothingWasLostAndNoFundIsRegistered() {
    assertThat(SimulationRunner.describe(summary(Map.of(), List.of())))
        .contains("by who bore them: none").endsWith("\n  none registered");
  }

  private static SimulationSummary summary(Map<String, BigDecimal> losses, List<SimulationSummary.FundPosition> funds) {
    return new SimulationSummary(10, 2, 20, Duration.ofSeconds(3), Duration.ofSeconds(1), 10, Map.of("ACTIVE", 10L),
        20, 18, 2, 2, 0, 2, 0, losses, funds, new SimulationSummary.BrochureFigures(10, 4, 1, 5, 20, 3),
        new SimulationSummary.EarlyWarningFigures(4, 3, 5, 2));
  }
}
