package de.quartierskredit.simulation;

import static de.quartierskredit.simulation.BorrowerBehaviourCalibrationTest.DEFAULTS_MAX;
import static de.quartierskredit.simulation.BorrowerBehaviourCalibrationTest.DEFAULTS_MIN;
import static de.quartierskredit.simulation.BorrowerBehaviourCalibrationTest.EVER_MAX;
import static de.quartierskredit.simulation.BorrowerBehaviourCalibrationTest.EVER_MIN;
import static de.quartierskredit.simulation.BorrowerBehaviourCalibrationTest.FIFTEENTH_MAX;
import static de.quartierskredit.simulation.BorrowerBehaviourCalibrationTest.FIFTEENTH_MIN;
import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The brochure's programme on the engine: 150 loans granted over 42 months (Feb 2009 - Oct 2012 in the
 * brochure), with the simulator's default borrower model, through the real models, ledger, early warning and
 * reports. Lands within the bounds of {@link BorrowerBehaviourCalibrationTest} (ever disturbed 30-50 %, 0.5-4 %
 * defaulted, 9-15 % disturbed on an average 15th), and the early warning announces most disturbances.
 * Its own application context and database, as {@link PortfolioSimulatorTest}.
 */
@QuartierskreditTest
@TestPropertySource(properties = {"quartierskredit.test.isolated-context=brochure",
    "camunda.bpm.process-engine-name=brochure"})
class BrochureSimulationTest {

  @Autowired PortfolioSimulator simulator;

  @Test
  void shouldReproduceTheBrochuresFiguresWith150LoansGrantedOver42Months() {
    var settings = new SimulationSettings(150, 42, BorrowerBehaviour.Parameters.BROCHURE, 0.3, 42L,
        LocalDate.of(2031, 1, 10), new BigDecimal("5000.00"), 24, 2, 42);

    SimulationSummary summary = simulator.run(settings, System.out::println);
    System.out.println(SimulationRunner.describe(summary));

    var brochure = summary.brochure();
    assertThat(brochure.granted()).isEqualTo(150);
    assertThat(brochure.everDisturbedShare()).isBetween(EVER_MIN, EVER_MAX);
    assertThat(brochure.defaultedShare()).isBetween(DEFAULTS_MIN, DEFAULTS_MAX);
    assertThat(brochure.disturbedOnAverageFifteenth()).isBetween(FIFTEENTH_MIN, FIFTEENTH_MAX);
    assertThat(brochure.repaid()).as("loans granted in the first 18 months have run their term").isGreaterThan(50);
    assertThat(summary.incidents()).isZero();
    var warning = summary.earlyWarning();
    assertThat(warning.disturbances()).isGreaterThan(30);
    assertThat(warning.flaggedShare()).isBetween(0.4, 0.85);
    assertThat(warning.warnings()).isPositive();
    assertThat(warning.falseAlarmShare()).isBetween(0.05, 0.6);
  }
}
