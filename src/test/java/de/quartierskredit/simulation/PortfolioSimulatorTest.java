package de.quartierskredit.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Smoke run of the simulator (20 loans x 3 months, the earlier fixed rates, whose misses the test can
 * predict) so that it keeps working; the borrower model runs in {@link BrochureSimulationTest}; the benchmark itself is
 * not a timed test. Its own application context and database: the simulator moves the engine clock
 * and works on every due job and open task it finds.
 */
@QuartierskreditTest
@TestPropertySource(properties = {"quartierskredit.test.isolated-context=simulation",
    // an engine name of its own: Camunda keeps engines in a JVM-wide registry by name, and the
    // shared test context's REST API must keep finding its own "default" engine
    "camunda.bpm.process-engine-name=simulation"})
class PortfolioSimulatorTest {

  @Autowired PortfolioSimulator simulator;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldRunThreeMonthsOfASmallPortfolioWithContactsInstalmentsDisturbancesAndReports() {
    List<String> progress = new ArrayList<>();
    var settings = new SimulationSettings(20, 3, 0.3, 0.5, 0.5, 7L, LocalDate.of(2031, 1, 10),
        new BigDecimal("3000.00"), 24, 3);

    SimulationSummary summary = simulator.run(settings, line -> { progress.add(line); System.out.println(line); });

    assertThat(summary.loanMonths()).isEqualTo(60);
    assertThat(summary.instalmentsPaid() + summary.instalmentsMissed()).isEqualTo(60);
    assertThat(summary.instalmentsMissed()).isPositive();
    assertThat(summary.contactsRecorded()).isGreaterThanOrEqualTo(40);
    assertThat(summary.interventions()).isPositive();
    // the 15th's timer ran on each reporting day (and once on the first day, catching up the deployment's first due date)
    assertThat(jdbc.sql("SELECT reporting_date FROM portfolio_snapshot WHERE scope = 'ALL' ORDER BY reporting_date")
        .query(LocalDate.class).list()).contains(LocalDate.of(2031, 2, 15), LocalDate.of(2031, 3, 15), LocalDate.of(2031, 4, 15));
    assertThat(summary.snapshots()).isGreaterThanOrEqualTo(3);
    assertThat(summary.incidents()).isZero();
    assertThat(summary.loansByState()).containsEntry("ACTIVE", 20L);
    assertThat(progress).anyMatch(line -> line.startsWith("month  3"));
    // the what-if's funds: every local fund with 5x its capital as capacity, held against it what its loans hold
    assertThat(summary.funds()).isNotEmpty().allSatisfy(fund -> {
      assertThat(fund.capacity()).isEqualByComparingTo(fund.capital().multiply(BigDecimal.valueOf(5)));
      assertThat(fund.free()).isEqualByComparingTo(fund.capacity().subtract(fund.held()));
    });
    assertThat(summary.funds().stream().map(SimulationSummary.FundPosition::held).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isGreaterThan(BigDecimal.ZERO);
    assertThat(summary.lossesByBearer()).isEmpty(); // nobody defaults within three months
    // the fixed rates announce nothing: every monthly contact is on track, so no disturbance was flagged
    assertThat(summary.brochure().granted()).isEqualTo(20);
    assertThat(summary.brochure().everDisturbed()).isPositive().isLessThanOrEqualTo(20);
    assertThat(summary.earlyWarning().disturbances()).isPositive();
    assertThat(summary.earlyWarning().flaggedBeforehand()).isZero();
    // every loan has exactly one contact obligation per month
    assertThat(jdbc.sql("""
            SELECT COUNT(*) FROM (SELECT loan_id, contact_month FROM contact_obligation
            GROUP BY loan_id, contact_month HAVING COUNT(*) > 1) duplicates""").query(Integer.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(DISTINCT l.id) FROM bank_event e JOIN loan l ON l.reference = e.loan_reference")
        .query(Integer.class).single()).isEqualTo(20);
    // the first month's misses are the seed's, keyed by borrower and due day, whatever order the threads took
    LocalDate firstDue = LocalDate.of(2031, 2, 10);
    List<String> expectedMisses = IntStream.range(0, 20).mapToObj(i -> "Betrieb " + i)
        .filter(borrower -> PortfolioSimulator.randomFor(7L, borrower, firstDue).nextDouble() < 0.3).sorted().toList();
    assertThat(expectedMisses).isNotEmpty();
    assertThat(jdbc.sql("""
            SELECT b.name FROM bank_event e JOIN loan l ON l.reference = e.loan_reference
            JOIN business b ON b.id = l.business_id
            WHERE e.value_date = :due AND e.event_type = 'INSTALMENT_MISSED' ORDER BY b.name""")
        .param("due", firstDue).query(String.class).list()).isEqualTo(expectedMisses);
  }
}
