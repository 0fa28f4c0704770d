package de.quartierskredit.simulation;

import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar quartierskredit.jar --quartierskredit.simulate.loans=1000 ...}: runs the portfolio
 * simulator instead of serving users, prints progress and a summary, and exits. See README.
 */
@Component
@ConditionalOnProperty(name = "quartierskredit.simulate.loans")
class SimulationRunner implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SimulationRunner.class);

  private final PortfolioSimulator simulator;
  private final ConfigurableApplicationContext context;
  private final SimulationSettings settings;
  private final boolean jobExecutor;
  private final boolean exit;
  private final LoggingSystem logging;

  SimulationRunner(PortfolioSimulator simulator, ConfigurableApplicationContext context,
      @Value("${quartierskredit.simulate.loans}") int loans,
      @Value("${quartierskredit.simulate.months:24}") int months,
      @Value("${quartierskredit.simulate.model:borrower}") String model,
      @Value("${quartierskredit.simulate.disturbance-rate:0.12}") double disturbanceRate,
      @Value("${quartierskredit.simulate.recovery-rate:0.5}") double recoveryRate,
      // the borrower model's knobs; unset: the brochure calibration (BorrowerBehaviour.Parameters.BROCHURE)
      @Value("${quartierskredit.simulate.fragile-share:#{null}}") Double fragileShare,
      @Value("${quartierskredit.simulate.weakening-rate:#{null}}") Double weakeningRate,
      @Value("${quartierskredit.simulate.distress-rate:#{null}}") Double distressRate,
      @Value("${quartierskredit.simulate.healing-rate:#{null}}") Double healingRate,
      @Value("${quartierskredit.simulate.signal-share:#{null}}") Double signalShare,
      @Value("${quartierskredit.simulate.sudden-miss-rate:#{null}}") Double suddenMissRate,
      @Value("${quartierskredit.simulate.give-up-share:#{null}}") Double giveUpShare,
      @Value("${quartierskredit.simulate.relapse-share:#{null}}") Double relapseShare,
      @Value("${quartierskredit.simulate.disbursement-months:1}") int disbursementMonths,
      @Value("${quartierskredit.simulate.reschedule-share:0.3}") double rescheduleShare,
      @Value("${quartierskredit.simulate.seed:42}") long seed,
      @Value("${quartierskredit.simulate.start:2031-01-10}") String start,
      @Value("${quartierskredit.simulate.amount:5000.00}") BigDecimal amount,
      @Value("${quartierskredit.simulate.term-months:24}") int termMonths,
      @Value("${quartierskredit.simulate.threads:4}") int threads,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecutor,
      @Value("${quartierskredit.simulate.exit:true}") boolean exit, LoggingSystem logging) {
    this.simulator = simulator;
    this.context = context;
    BorrowerBehaviour.Model chosen = BorrowerBehaviour.Model.valueOf(model.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    BorrowerBehaviour.Parameters brochure = BorrowerBehaviour.Parameters.BROCHURE;
    this.settings = new SimulationSettings(loans, months, new BorrowerBehaviour.Parameters(chosen, disturbanceRate,
        recoveryRate, or(fragileShare, brochure.fragileShare()), or(weakeningRate, brochure.weakeningRate()),
        or(distressRate, brochure.distressRate()), or(healingRate, brochure.healingRate()),
        or(signalShare, brochure.signalShare()), or(suddenMissRate, brochure.suddenMissRate()),
        or(giveUpShare, brochure.giveUpShare()), or(relapseShare, brochure.relapseShare())), rescheduleShare, seed, LocalDate.parse(start), amount, termMonths, threads, disbursementMonths);
    this.jobExecutor = jobExecutor;
    this.exit = exit;
    this.logging = logging;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (jobExecutor) {
      throw new IllegalStateException("The simulator moves the engine clock and runs the jobs itself: start it with "
          + "--camunda.bpm.job-execution.enabled=false (and never beside real users).");
    }
    // every simulated bank event would log a line of its own; the run's progress is what to read
    logging.setLogLevel("de.quartierskredit.bank", LogLevel.WARN);
    LOG.info("Simulating {}", settings);
    SimulationSummary summary = simulator.run(settings, line -> LOG.info(line));
    LOG.info(describe(summary));
    if (exit) {
      System.exit(SpringApplication.exit(context, () -> 0));
    }
  }

  private static double or(Double set, double calibrated) {
    return set == null ? calibrated : set;
  }

  /** The summary as the manager reads it: figures of the run, losses by who bore them, one line per local fund. */
  static String describe(SimulationSummary summary) {
    return String.format(Locale.ROOT, """
        Simulation finished: %,d loans over %d months in %.1f s
          creating %,d loans took %.1f s (%,.1f loans/s); the months ran at %,.1f loan-months/s
          loans by state: %s
          contacts recorded %,d, instalments paid %,d, missed %,d, interventions %,d, reschedulings %,d
          reporting dates stored %,d, open incidents %,d
          brochure's figures: %,d loans granted, ever disturbed %.1f %% (%,d), defaulted or written off %.1f %% (%,d), \
        repaid %.1f %% of the loans that ended (%,d), disturbed on an average 15th %.1f %%
          early warning: %.1f %% of %,d disturbances flagged beforehand, %.1f %% of %,d warnings false alarms \
        (no disturbance within %d months)
          losses written off, by who bore them: %s
        Local funds (capital after losses; capacity = 5 x capital; held = principal of the quarter's loans):
        %s""",
        summary.loans(), summary.months(), summary.elapsed().toMillis() / 1000.0, summary.loansCreated(),
        summary.seeding().toMillis() / 1000.0, summary.loansCreatedPerSecond(), summary.loanMonthsPerSecond(),
        summary.loansByState(), summary.contactsRecorded(), summary.instalmentsPaid(), summary.instalmentsMissed(),
        summary.interventions(), summary.reschedulings(), summary.snapshots(), summary.incidents(),
        summary.brochure().granted(), summary.brochure().everDisturbedShare() * 100, summary.brochure().everDisturbed(),
        summary.brochure().defaultedShare() * 100, summary.brochure().defaulted(), summary.brochure().repaidOfEnded() * 100,
        summary.brochure().repaid(), summary.brochure().disturbedOnAverageFifteenth() * 100,
        summary.earlyWarning().flaggedShare() * 100, summary.earlyWarning().disturbances(),
        summary.earlyWarning().falseAlarmShare() * 100, summary.earlyWarning().warnings(),
        SimulationSummary.EarlyWarningFigures.HORIZON_MONTHS,
        summary.lossesByBearer().isEmpty() ? "none" : summary.lossesByBearer().entrySet().stream()
            .map(loss -> loss.getKey() + " " + Money.format(loss.getValue())).collect(Collectors.joining(", ")),
        summary.funds().isEmpty() ? "  none registered" : summary.funds().stream().map(fund -> String.format(Locale.ROOT,
                "  %-24s capital %16s (lost %14s), capacity %16s, held %16s, free %17s", fund.quarter(),
                Money.format(fund.capital()), Money.format(fund.lost()), Money.format(fund.capacity()),
                Money.format(fund.held()), Money.format(fund.free())))
            .collect(Collectors.joining("\n")));
  }
}
