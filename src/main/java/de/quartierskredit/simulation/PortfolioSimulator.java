package de.quartierskredit.simulation;

import de.quartierskredit.bank.BankEventsInProcess;
import de.quartierskredit.fund.Quarter;
import de.quartierskredit.fund.QuarterRepository;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanHistory;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.portfolio.PortfolioReport;
import de.quartierskredit.portfolio.PortfolioService;
import de.quartierskredit.schedule.AnnuitySchedule;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import de.quartierskredit.servicing.LoanServicingProcess;
import de.quartierskredit.system.security.Roles;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Years of a portfolio in minutes: creates N active loans across the quarters, then moves the engine
 * clock month by month. Each month the monthly contacts fire and simulated caseworkers record them,
 * the bank reports every instalment (a configurable share missed), disturbed loans go through the
 * intervention (some rescheduled), and the 15th's report runs. For what-if questions and benchmarks;
 * it moves the engine clock, so never run it beside real users (the job executor must be off).
 */
@Service
public class PortfolioSimulator {

  private static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Berlin");
  /** Simulated loans carry this purpose, so the simulated bank never reports on real loans. */
  static final String PURPOSE = "Simulierter Kredit";

  private final LoanRepository loans;
  private final LoanHistory history;
  private final RepaymentScheduleRepository schedules;
  private final QuarterRepository quarters;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final BankEventsInProcess bank;
  private final PortfolioService portfolio;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  PortfolioSimulator(LoanRepository loans, LoanHistory history, RepaymentScheduleRepository schedules,
      QuarterRepository quarters, RuntimeService runtime, TaskService tasks, ManagementService management,
      BankEventsInProcess bank, PortfolioService portfolio, JdbcClient jdbc, TransactionTemplate transactions) {
    this.loans = loans;
    this.history = history;
    this.schedules = schedules;
    this.quarters = quarters;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.bank = bank;
    this.portfolio = portfolio;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  public SimulationSummary run(SimulationSettings settings, Consumer<String> progress) {
    Random random = new Random(settings.seed());
    Instant began = Instant.now();
    Counters counters = new Counters();
    try {
      setClock(settings.start());
      List<Quarter> all = quarters.findAll();
      // a run that was killed resumes: loans already created are kept, the rest are created
      List<String> references = new java.util.ArrayList<>(jdbc.sql(
              "SELECT reference FROM loan WHERE purpose = :purpose ORDER BY id")
          .param("purpose", PURPOSE).query(String.class).list());
      if (!references.isEmpty()) {
        progress.accept(String.format(Locale.ROOT, "resuming with %,d simulated loans", references.size()));
      }
      for (int i = references.size(); i < settings.loans(); i++) {
        // a third of the portfolio outside the quarters (portfolio mix), the rest spread over them
        String quarter = i % 3 == 2 ? null : all.get(i % all.size()).code();
        int n = i;
        references.add(transactions.execute(status -> seed(quarter, settings, n)));
        if ((i + 1) % 1000 == 0) {
          progress.accept(String.format(Locale.ROOT, "  %,d loans created", i + 1));
        }
      }
      progress.accept(String.format(Locale.ROOT, "%,d active loans created in %.1f s", settings.loans(),
          seconds(began)));
      long loanMonths = 0;
      for (int month = 1; month <= settings.months(); month++) {
        Instant monthBegan = Instant.now();
        LocalDate first = settings.start().plusMonths(month).withDayOfMonth(1);
        setClock(first);
        settle(random, settings, counters);
        LocalDate dueDay = first.withDayOfMonth(settings.start().getDayOfMonth());
        setClock(dueDay);
        int active = reportInstalments(dueDay, random, settings, counters);
        loanMonths += active;
        settle(random, settings, counters);
        LocalDate fifteenth = first.withDayOfMonth(15);
        setClock(fifteenth);
        settle(random, settings, counters);
        PortfolioReport report = portfolio.reportAsOf(fifteenth);
        progress.accept(String.format(Locale.ROOT,
            "month %2d (%s): %,6d active, %,5d disturbed (%4.1f %%), standard %s, %.1f s, %,.0f loan-months/s",
            month, fifteenth, report.system().loansOutstanding(), report.system().loansDisturbed(),
            report.system().disturbanceRate().doubleValue() * 100, report.aboveStandard() ? "BROKEN" : "kept",
            seconds(monthBegan), active / Math.max(0.001, seconds(monthBegan))));
        if (active == 0) {
          break;
        }
      }
      Map<String, Long> byState = new HashMap<>();
      jdbc.sql("SELECT state, COUNT(*) AS n FROM loan WHERE reference IN (:refs) GROUP BY state")
          .param("refs", references.size() > 30000 ? references.subList(0, 30000) : references)
          .query(rs -> { byState.put(rs.getString("state"), rs.getLong("n")); });
      return new SimulationSummary(settings.loans(), settings.months(), loanMonths, Duration.between(began, Instant.now()),
          byState, counters.contacts, counters.paid, counters.missed, counters.interventions, counters.reschedulings,
          jdbc.sql("SELECT COUNT(DISTINCT reporting_date) FROM portfolio_snapshot WHERE reporting_date > :from")
              .param("from", settings.start()).query(Long.class).single(),
          runtime.createIncidentQuery().count());
    } finally {
      ClockUtil.reset();
    }
  }

  /** One active loan, disbursed at the start, with its schedule, history and servicing instance. */
  private String seed(String quarter, SimulationSettings settings, int i) {
    Loan loan = loans.register(new NewApplication("Sim", "Kreditnehmer " + i, null, null, i % 7 == 0,
        "Betrieb " + i, BusinessStage.values()[i % 3], "Handel", null, null, null, quarter,
        PURPOSE, settings.amount()));
    loans.transition(loan.reference(), Set.of(LoanState.APPLIED), LoanState.ACTIVE, null);
    jdbc.sql("""
            UPDATE loan SET outstanding_principal = amount, disbursed_on = :on, liable_party = :liable,
                   term_months = :term, interest_rate = :rate WHERE id = :id""")
        .param("on", settings.start()).param("liable", quarter == null ? "MICROFINANCER" : "LOCAL_FUND")
        .param("term", settings.termMonths()).param("rate", new BigDecimal("0.0890")).param("id", loan.id())
        .update();
    schedules.storeNewVersion(loan.id(), settings.amount(), new BigDecimal("0.0890"), "Auszahlung (Simulation)",
        AnnuitySchedule.calculate(new AnnuitySchedule.Terms(settings.amount(), new BigDecimal("0.0890"),
            settings.termMonths(), settings.start().plusMonths(1))));
    history.principalMoved(loan.id(), settings.start(), settings.amount(), LoanHistory.Movement.DISBURSEMENT,
        "simulation");
    Map<String, Object> variables = new HashMap<>();
    variables.put("loanReference", loan.reference());
    variables.put("quarterCode", quarter);
    variables.put("advisorGroup", Roles.advisorsFor(quarter));
    runtime.createProcessInstanceByKey(LoanServicingProcess.KEY).businessKey(loan.reference())
        .setVariables(variables).execute();
    return loan.reference();
  }

  /** The bank reports this month's instalment of every active loan: paid, missed, or arrears paid back. */
  private int reportInstalments(LocalDate dueDay, Random random, SimulationSettings settings, Counters counters) {
    List<Due> due = jdbc.sql("""
            SELECT l.reference, l.disturbed, sl.instalment,
                   (SELECT COALESCE(SUM(o.instalment - o.paid_amount), 0) FROM repayment_schedule_line o
                     WHERE o.schedule_id = s.id AND o.due_on < :due AND o.state IN ('OPEN', 'MISSED', 'PARTLY_PAID')) AS arrears
            FROM loan l
            JOIN repayment_schedule s ON s.loan_id = l.id AND s.current
            JOIN repayment_schedule_line sl ON sl.schedule_id = s.id AND sl.due_on = :due
            WHERE l.state = 'ACTIVE' AND l.purpose = :purpose
              AND NOT EXISTS (SELECT 1 FROM bank_event e WHERE e.loan_reference = l.reference AND e.value_date = :due)""")
        .param("due", dueDay)
        .param("purpose", PURPOSE)
        .query((rs, row) -> new Due(rs.getString("reference"), rs.getBoolean("disturbed"), rs.getBigDecimal("instalment"),
            rs.getBigDecimal("arrears")))
        .list();
    for (Due d : due) {
      boolean pays = d.disturbed() ? random.nextDouble() < settings.recoveryRate()
          : random.nextDouble() >= settings.disturbanceRate();
      // one event id per loan and due date: a resumed run that reports again is answered, not booked twice
      String id = "SIM-" + d.reference() + "-" + dueDay;
      if (pays) {
        bank.report(id, d.reference(), "INSTALMENT_PAID", d.instalment().add(d.arrears()), dueDay);
        counters.paid++;
      } else {
        bank.report(id, d.reference(), "INSTALMENT_MISSED", d.instalment(), dueDay);
        counters.missed++;
      }
    }
    return due.size();
  }

  /** Runs what is due and lets the simulated caseworkers finish their tasks, until nothing moves. */
  private void settle(Random random, SimulationSettings settings, Counters counters) {
    boolean moved = true;
    while (moved) {
      moved = false;
      List<Job> jobs = management.createJobQuery().executable().listPage(0, 500);
      for (Job job : jobs) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException failed) {
          // retries and incidents are the engine's business; the summary counts incidents
        }
        moved = true;
      }
      List<Task> open = tasks.createTaskQuery().listPage(0, 500);
      for (Task task : open) {
        Map<String, Object> answer = CaseworkerAnswers.answer(task.getTaskDefinitionKey(), random, settings,
            LocalDate.ofInstant(ClockUtil.now().toInstant(), BUSINESS_ZONE));
        if (answer == null) {
          continue;
        }
        tasks.complete(task.getId(), answer);
        counters.count(task.getTaskDefinitionKey());
        moved = true;
      }
    }
  }

  private static void setClock(LocalDate day) {
    // midday: timers due "early on that day" are due whatever the JVM's time zone (cron runs in it)
    ClockUtil.setCurrentTime(Date.from(day.atTime(12, 0).atZone(BUSINESS_ZONE).toInstant()));
  }

  private static double seconds(Instant since) {
    return Duration.between(since, Instant.now()).toMillis() / 1000.0;
  }

  private record Due(String reference, boolean disturbed, BigDecimal instalment, BigDecimal arrears) {}

  /** What the simulated caseworkers did. */
  private static final class Counters {
    long contacts;
    long paid;
    long missed;
    long interventions;
    long reschedulings;

    void count(String taskKey) {
      switch (taskKey) {
        case "Task_MonthlyContact", "Task_IntensiveContact" -> contacts++;
        case "Task_AgreeInterventionPlan" -> interventions++;
        case "Task_ApproveRescheduling" -> reschedulings++;
        default -> { }
      }
    }
  }
}
