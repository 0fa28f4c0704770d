package de.quartierskredit.simulation;

import de.quartierskredit.bank.BankEventsInProcess;
import de.quartierskredit.fund.Quarter;
import de.quartierskredit.fund.QuarterRepository;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LiableParty;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanHistory;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.portfolio.PortfolioReport;
import de.quartierskredit.portfolio.PortfolioService;
import de.quartierskredit.schedule.AnnuitySchedule;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import de.quartierskredit.servicing.LoanServicingProcess;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Years of a portfolio in minutes: creates N active loans across the quarters (all at the start, or spread
 * over the first months), then moves the engine clock month by month. Each month the monthly contacts fire
 * and simulated caseworkers record what the borrower shows ({@link BorrowerBehaviour}), the bank reports
 * every instalment (paid, or missed as the borrower's month says), disturbed loans go through the
 * intervention (some rescheduled), and the 15th's report runs. At the end it counts the brochure's figures
 * and how well the early warning did. For what-if questions and benchmarks; it moves the engine clock, so
 * never run it beside real users (the job executor must be off).
 */
@Service
public class PortfolioSimulator {

  private static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Berlin");
  /** Simulated loans carry this purpose, so the simulated bank never reports on real loans. */
  public static final String PURPOSE = "Simulierter Kredit";
  /** Jobs and tasks taken per round; a round is split over the threads. */
  private static final int BATCH = 2000;

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
    Instant began = Instant.now();
    Counters counters = new Counters();
    BorrowerBehaviour borrowers = new BorrowerBehaviour(settings.borrowers(), settings.seed());
    ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), new SimulationThreads());
    try {
      int created = createLoans(settings, workers, progress);
      Duration seeding = Duration.between(began, Instant.now());
      long loanMonths = 0;
      long outstandingOnFifteenths = 0;
      long disturbedOnFifteenths = 0;
      LocalDate lastFifteenth = settings.start();
      PortfolioReport report = null;
      for (int month = 1; month <= settings.months(); month++) {
        Instant monthBegan = Instant.now();
        LocalDate first = settings.start().plusMonths(month).withDayOfMonth(1);
        setClock(first);
        settle(workers, settings, borrowers, counters);
        LocalDate dueDay = first.withDayOfMonth(settings.start().getDayOfMonth());
        setClock(dueDay);
        int active = reportInstalments(workers, dueDay, settings, borrowers, counters);
        loanMonths += active;
        settle(workers, settings, borrowers, counters);
        // loans granted this month are disbursed on the due day; their first instalment is due next month
        created += createLoans(settings, month, dueDay, workers, progress);
        LocalDate fifteenth = first.withDayOfMonth(15);
        setClock(fifteenth);
        settle(workers, settings, borrowers, counters);
        report = portfolio.reportAsOf(fifteenth);
        outstandingOnFifteenths += report.system().loansOutstanding();
        disturbedOnFifteenths += report.system().loansDisturbed();
        lastFifteenth = fifteenth;
        progress.accept(String.format(Locale.ROOT,
            "month %2d (%s): %,6d active, %,5d disturbed (%4.1f %%), standard %s, %.1f s, %,.0f loan-months/s",
            month, fifteenth, report.system().loansOutstanding(), report.system().loansDisturbed(),
            report.system().disturbanceRate().doubleValue() * 100, report.aboveStandard() ? "BROKEN" : "kept",
            seconds(monthBegan), active / Math.max(0.001, seconds(monthBegan))));
        if (active == 0 && month >= settings.disbursementMonths()) {
          break;
        }
      }
      Map<String, Long> byState = new HashMap<>();
      jdbc.sql("SELECT state, COUNT(*) AS n FROM loan WHERE purpose = :purpose GROUP BY state")
          .param("purpose", PURPOSE)
          .query(rs -> { byState.put(rs.getString("state"), rs.getLong("n")); });
      return new SimulationSummary(settings.loans(), settings.months(), loanMonths, Duration.between(began, Instant.now()),
          seeding, created, byState, counters.contacts.sum(), counters.paid.sum(), counters.missed.sum(),
          counters.interventions.sum(), counters.reschedulings.sum(),
          jdbc.sql("SELECT COUNT(DISTINCT reporting_date) FROM portfolio_snapshot WHERE reporting_date > :from")
              .param("from", settings.start()).query(Long.class).single(),
          runtime.createIncidentQuery().count(), lossesByBearer(),
          report == null ? List.of() : funds(report),
          brochureFigures(byState, outstandingOnFifteenths, disturbedOnFifteenths), earlyWarning(settings, lastFifteenth));
    } finally {
      workers.shutdownNow();
      ClockUtil.reset();
    }
  }

  /**
   * The brochure's figures of the simulated loans: granted, ever disturbed, defaulted (defaulted or written
   * off), repaid, and the share disturbed on the run's 15ths (disturbed over outstanding, summed over them).
   */
  private SimulationSummary.BrochureFigures brochureFigures(Map<String, Long> byState, long outstandingOnFifteenths,
      long disturbedOnFifteenths) {
    long ever = jdbc.sql("""
            SELECT COUNT(DISTINCT p.loan_id) FROM loan_disturbance_period p JOIN loan l ON l.id = p.loan_id
            WHERE l.purpose = :purpose""")
        .param("purpose", PURPOSE).query(Long.class).single();
    long granted = byState.values().stream().mapToLong(Long::longValue).sum();
    return new SimulationSummary.BrochureFigures(granted, ever,
        byState.getOrDefault("DEFAULTED", 0L) + byState.getOrDefault("WRITTEN_OFF", 0L),
        byState.getOrDefault("REPAID", 0L), outstandingOnFifteenths, disturbedOnFifteenths);
  }

  /** How the early warning did on the simulated loans (see {@link SimulationSummary.EarlyWarningFigures}). */
  private SimulationSummary.EarlyWarningFigures earlyWarning(SimulationSettings settings, LocalDate end) {
    List<SimulationSummary.Warning> warnings = jdbc.sql("""
            SELECT w.loan_id, w.raised_on, w.cleared_on, w.cleared_because FROM loan_warning w
            JOIN loan l ON l.id = w.loan_id WHERE l.purpose = :purpose""")
        .param("purpose", PURPOSE)
        .query((rs, row) -> new SimulationSummary.Warning(rs.getLong("loan_id"), rs.getObject("raised_on", LocalDate.class),
            rs.getObject("cleared_on", LocalDate.class), "DISTURBED".equals(rs.getString("cleared_because"))))
        .list();
    List<SimulationSummary.Disturbance> disturbances = jdbc.sql("""
            SELECT p.loan_id, p.started_on FROM loan_disturbance_period p JOIN loan l ON l.id = p.loan_id
            WHERE l.purpose = :purpose AND p.started_on > :start""")
        .param("purpose", PURPOSE).param("start", settings.start())
        .query((rs, row) -> new SimulationSummary.Disturbance(rs.getLong("loan_id"),
            rs.getObject("started_on", LocalDate.class)))
        .list();
    return SimulationSummary.EarlyWarningFigures.of(warnings, disturbances, end);
  }

  /** Losses written off so far, by who bore them (local fund, microfinancer, national fund). */
  private Map<String, BigDecimal> lossesByBearer() {
    Map<String, BigDecimal> losses = new TreeMap<>();
    jdbc.sql("SELECT bearer, SUM(amount) AS lost FROM loss_allocation GROUP BY bearer")
        .query(rs -> { losses.put(rs.getString("bearer"), rs.getBigDecimal("lost")); });
    return losses;
  }

  /**
   * Each local fund as the last 15th's report saw it (capital lowered by the losses it bore, 5x
   * capacity, principal held, free), with what it lost. The simulator creates its loans without
   * asking the funds (to reach any size), so with more loans than the quarters' capacity a fund is
   * overcommitted from the start and its free capacity is negative.
   */
  private List<SimulationSummary.FundPosition> funds(PortfolioReport report) {
    Map<String, BigDecimal> lost = new HashMap<>();
    jdbc.sql("""
            SELECT f.quarter_code, SUM(a.amount) AS lost FROM loss_allocation a
            JOIN local_fund f ON f.id = a.fund_id GROUP BY f.quarter_code""")
        .query(rs -> { lost.put(rs.getString("quarter_code"), rs.getBigDecimal("lost")); });
    return report.funds().stream()
        .map(fund -> new SimulationSummary.FundPosition(fund.quarterName(), fund.paidInCapital(),
            lost.getOrDefault(fund.quarterCode(), BigDecimal.ZERO), fund.outstanding().add(fund.reserved()),
            fund.capacity(), fund.free()))
        .toList();
  }

  /**
   * Creates the simulated loans that do not exist yet (a killed run resumes here) and returns how
   * many it created. {@link #run} calls it; a benchmark may call it first to measure it apart.
   */
  public int createLoans(SimulationSettings settings, Consumer<String> progress) {
    ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), new SimulationThreads());
    try {
      return createLoans(settings, workers, progress);
    } finally {
      workers.shutdownNow();
      ClockUtil.reset();
    }
  }

  private int createLoans(SimulationSettings settings, ExecutorService workers, Consumer<String> progress) {
    setClock(settings.start());
    return createLoans(settings, 0, settings.start(), workers, progress);
  }

  /**
   * The month (0 = at the start) in which the i-th of {@code loans} loans is disbursed, when they are spread
   * evenly over {@code disbursementMonths} months.
   */
  static int grantMonth(int i, int loans, int disbursementMonths) {
    return (int) ((long) i * disbursementMonths / loans);
  }

  /** Creates the loans granted up to {@code month} that do not exist yet, disbursed on {@code disbursedOn}. */
  private int createLoans(SimulationSettings settings, int month, LocalDate disbursedOn, ExecutorService workers,
      Consumer<String> progress) {
    int target = (int) IntStream.range(0, settings.loans())
        .filter(i -> grantMonth(i, settings.loans(), settings.disbursementMonths()) <= month).count();
    int existing = jdbc.sql("SELECT COUNT(*) FROM loan WHERE purpose = :purpose")
        .param("purpose", PURPOSE).query(Integer.class).single();
    if (existing >= target) {
      if (month == 0 && existing > 0) {
        progress.accept(String.format(Locale.ROOT, "resuming with %,d simulated loans", existing));
      }
      return 0;
    }
    Instant began = Instant.now();
    List<Quarter> all = quarters.findAll();
    AtomicInteger created = new AtomicInteger();
    inParallel(workers, settings.threads(), IntStream.range(existing, target).boxed().toList(),
        i -> i % settings.threads(), i -> {
          // a third of the portfolio outside the quarters (portfolio mix), the rest spread over them
          String quarter = i % 3 == 2 ? null : all.get(i % all.size()).code();
          transactions.executeWithoutResult(status -> seed(quarter, settings, i, disbursedOn));
          int n = created.incrementAndGet();
          if (n % 5000 == 0) {
            progress.accept(String.format(Locale.ROOT, "  %,d loans created", existing + n));
          }
        });
    if (month == 0) {
      double seconds = seconds(began);
      progress.accept(String.format(Locale.ROOT, "%,d active loans (%,d created in %.1f s, %,.0f loans/s, %d threads)%s",
          target, created.get(), seconds, created.get() / Math.max(0.001, seconds), settings.threads(),
          target < settings.loans() ? String.format(Locale.ROOT, "; %,d more disbursed over %d months",
              settings.loans() - target, settings.disbursementMonths()) : ""));
    }
    return created.get();
  }

  /** One active loan, disbursed on the day, with its schedule, history and servicing instance. */
  private String seed(String quarter, SimulationSettings settings, int i, LocalDate disbursedOn) {
    Loan loan = loans.register(new NewApplication("Sim", "Kreditnehmer " + i, null, null, i % 7 == 0,
        "Betrieb " + i, BusinessStage.values()[i % 3], "Handel", null, null, null, quarter,
        PURPOSE, settings.amount()));
    LiableParty liable = quarter == null ? LiableParty.MICROFINANCER : LiableParty.LOCAL_FUND;
    loans.seedActive(loan.id(), disbursedOn, liable, settings.termMonths(), new BigDecimal("0.0890"));
    schedules.storeNewVersion(loan.id(), settings.amount(), new BigDecimal("0.0890"), "Auszahlung (Simulation)",
        AnnuitySchedule.calculate(new AnnuitySchedule.Terms(settings.amount(), new BigDecimal("0.0890"),
            settings.termMonths(), disbursedOn.plusMonths(1))));
    history.principalMoved(loan.id(), disbursedOn, settings.amount(), LoanHistory.Movement.DISBURSEMENT,
        "simulation");
    // as at a disbursement: the business key ties the servicing to the loan; groups come from its row
    runtime.createProcessInstanceByKey(LoanServicingProcess.KEY).businessKey(loan.reference()).execute();
    return loan.reference();
  }

  /**
   * The bank reports this month's instalment of every active loan: paid, missed, or arrears paid back. A
   * disturbed loan past its last instalment still has its monthly chance to pay the arrears back.
   */
  private int reportInstalments(ExecutorService workers, LocalDate dueDay, SimulationSettings settings,
      BorrowerBehaviour borrowers, Counters counters) {
    List<Due> due = jdbc.sql("""
            SELECT l.reference, b.name AS borrower, l.disturbed, l.disbursed_on, COALESCE(sl.instalment, 0) AS instalment,
                   (SELECT COALESCE(SUM(o.instalment - o.paid_amount), 0) FROM repayment_schedule_line o
                     WHERE o.schedule_id = s.id AND o.due_on < :due AND o.state IN ('OPEN', 'MISSED', 'PARTLY_PAID')) AS arrears
            FROM loan l
            JOIN business b ON b.id = l.business_id
            JOIN repayment_schedule s ON s.loan_id = l.id AND s.current
            LEFT JOIN repayment_schedule_line sl ON sl.schedule_id = s.id AND sl.due_on = :due
            WHERE l.state = 'ACTIVE' AND l.purpose = :purpose AND (sl.id IS NOT NULL OR l.disturbed)
              AND NOT EXISTS (SELECT 1 FROM bank_event e WHERE e.loan_reference = l.reference AND e.value_date = :due)""")
        .param("due", dueDay)
        .param("purpose", PURPOSE)
        .query((rs, row) -> new Due(rs.getString("reference"), rs.getString("borrower"), rs.getBoolean("disturbed"),
            rs.getObject("disbursed_on", LocalDate.class), rs.getBigDecimal("instalment"), rs.getBigDecimal("arrears")))
        .list();
    inParallel(workers, settings.threads(), due, d -> d.reference().hashCode(), d -> {
      // the same loan pays or misses the same month in every run with the same seed, whatever the threads:
      // keyed by its borrower's business ("Betrieb 17", the 17th simulated loan), not by its reference,
      // which depends on the order in which the threads created the loans
      boolean pays;
      if (settings.borrowers().model() == BorrowerBehaviour.Model.FIXED_RATES) {
        Random random = randomFor(settings.seed(), d.borrower(), dueDay);
        pays = d.disturbed() ? random.nextDouble() < settings.borrowers().recoveryRate()
            : random.nextDouble() >= settings.borrowers().disturbanceRate();
      } else {
        pays = borrowers.month(d.borrower(), loanMonth(d.disbursedOn(), dueDay)).payment()
            == BorrowerBehaviour.Payment.PAY;
      }
      BigDecimal owed = d.instalment().add(d.arrears());
      if (owed.signum() == 0 || !pays && d.instalment().signum() == 0) {
        return; // nothing owed, or nothing due this month and nothing paid: the bank has nothing to report
      }
      // one event id per loan and due date: a resumed run that reports again is answered, not booked twice
      String id = "SIM-" + d.reference() + "-" + dueDay;
      if (pays) {
        bank.report(id, d.reference(), "INSTALMENT_PAID", owed, dueDay);
        counters.paid.increment();
      } else {
        bank.report(id, d.reference(), "INSTALMENT_MISSED", d.instalment(), dueDay);
        counters.missed.increment();
      }
    });
    return due.size();
  }

  /**
   * Runs what is due and lets the simulated caseworkers finish their tasks, until nothing moves. Work
   * is split by loan (the root process instance), so one loan's jobs and tasks run one after another
   * and never race each other, while different loans run side by side, as on the job executor's pool.
   */
  private void settle(ExecutorService workers, SimulationSettings settings, BorrowerBehaviour borrowers,
      Counters counters) {
    boolean moved = true;
    while (moved) {
      moved = false;
      // one job per loan and round: a job may remove another job of the same loan (a timer
      // interrupting a task with its own timer), which the next round then no longer finds
      Map<String, Job> firstPerLoan = new LinkedHashMap<>();
      management.createJobQuery().executable().listPage(0, BATCH).forEach(job -> firstPerLoan.putIfAbsent(loanOf(job), job));
      List<Job> jobs = List.copyOf(firstPerLoan.values());
      inParallel(workers, settings.threads(), jobs, job -> loanOf(job).hashCode(), job -> {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException failed) {
          // retries and incidents are the engine's business; the summary counts incidents
        }
      });
      moved |= !jobs.isEmpty();
      LocalDate today = LocalDate.ofInstant(ClockUtil.now().toInstant(), BUSINESS_ZONE);
      List<OpenTask> open = jdbc.sql("""
              SELECT t.ID_ AS id, t.TASK_DEF_KEY_ AS task_key, e.ROOT_PROC_INST_ID_ AS root,
                     COALESCE(b.name, r.BUSINESS_KEY_) AS borrower, l.disbursed_on
              FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
              JOIN ACT_RU_EXECUTION r ON r.ID_ = e.ROOT_PROC_INST_ID_
              LEFT JOIN loan l ON l.reference = r.BUSINESS_KEY_
              LEFT JOIN business b ON b.id = l.business_id
              WHERE t.TASK_DEF_KEY_ IN (:keys) LIMIT :batch""")
          .param("keys", CaseworkerAnswers.TASKS).param("batch", BATCH)
          .query((rs, row) -> new OpenTask(rs.getString("id"), rs.getString("task_key"), rs.getString("root"),
              rs.getString("borrower"), rs.getObject("disbursed_on", LocalDate.class)))
          .list();
      inParallel(workers, settings.threads(), open, task -> task.root().hashCode(), task -> {
        // keyed by borrower, task and day, not by the task's random id: the same seed answers alike in every run
        Random random = randomFor(settings.seed(), task.borrower(), task.key(), today);
        BorrowerBehaviour.Month month = settings.borrowers().model() == BorrowerBehaviour.Model.BORROWER
            && task.disbursedOn() != null ? borrowers.month(task.borrower(), loanMonth(task.disbursedOn(), today)) : null;
        Map<String, Object> answer = CaseworkerAnswers.answer(task.key(), random, settings, today, month);
        try {
          tasks.complete(task.id(), answer);
          counters.count(task.key());
        } catch (OptimisticLockingException | NullValueException raced) {
          // changed or finished by something else meanwhile: the next round sees the task again, or not
        }
      });
      moved |= !open.isEmpty();
    }
  }

  /**
   * Runs {@code work} on every item, spread over the workers by {@code key} (items with the same key
   * run in order on one worker), and waits for all of them.
   */
  static <T> void inParallel(ExecutorService workers, int threads, List<T> items, ToIntFunction<T> key,
      Consumer<T> work) {
    if (items.isEmpty()) {
      return;
    }
    List<List<T>> lanes = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      lanes.add(new ArrayList<>());
    }
    items.forEach(item -> lanes.get(Math.floorMod(key.applyAsInt(item), threads)).add(item));
    List<Future<?>> running = new ArrayList<>();
    for (List<T> lane : lanes) {
      if (!lane.isEmpty()) {
        running.add(workers.submit(() -> lane.forEach(work)));
      }
    }
    for (Future<?> lane : running) {
      try {
        lane.get();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("simulation interrupted", interrupted);
      } catch (ExecutionException failed) {
        throw failed.getCause() instanceof RuntimeException runtime ? runtime
            : new IllegalStateException(failed.getCause());
      }
    }
  }

  /**
   * A generator for one decision: java.util.Random's first numbers for nearby seeds are alike, so the
   * seed is spread by SplittableRandom's mixing first.
   */
  static Random randomFor(long seed, Object... decision) {
    return new Random(new SplittableRandom(seed * 31 + Arrays.hashCode(decision)).nextLong());
  }

  /** The loan a job belongs to (its root process instance); a timer start event's job belongs to no instance yet. */
  private static String loanOf(Job job) {
    return Objects.requireNonNullElse(job.getRootProcessInstanceId(), job.getId());
  }

  private static void setClock(LocalDate day) {
    // midday: timers due "early on that day" are due whatever the JVM's time zone (cron runs in it)
    ClockUtil.setCurrentTime(Date.from(day.atTime(12, 0).atZone(BUSINESS_ZONE).toInstant()));
  }

  private static double seconds(Instant since) {
    return Duration.between(since, Instant.now()).toMillis() / 1000.0;
  }

  /** The loan's month on {@code day}: 1 from the 1st of the month after the disbursement on. */
  static int loanMonth(LocalDate disbursedOn, LocalDate day) {
    return Math.max(1, (int) ChronoUnit.MONTHS.between(YearMonth.from(disbursedOn), YearMonth.from(day)));
  }

  private record Due(String reference, String borrower, boolean disturbed, LocalDate disbursedOn, BigDecimal instalment,
      BigDecimal arrears) {}

  private record OpenTask(String id, String key, String root, String borrower, LocalDate disbursedOn) {}

  /** Daemon threads with readable names, so that a thread dump of a long run says what it is. */
  private static final class SimulationThreads implements ThreadFactory {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Thread newThread(Runnable work) {
      Thread thread = new Thread(work, "simulated-caseworker-" + next.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }

  /** What the simulated caseworkers did (counted from several threads). */
  private static final class Counters {
    final LongAdder contacts = new LongAdder();
    final LongAdder paid = new LongAdder();
    final LongAdder missed = new LongAdder();
    final LongAdder interventions = new LongAdder();
    final LongAdder reschedulings = new LongAdder();

    void count(String taskKey) {
      switch (taskKey) {
        case "Task_MonthlyContact", "Task_IntensiveContact" -> contacts.increment();
        case "Task_AgreeInterventionPlan" -> interventions.increment();
        case "Task_ApproveRescheduling" -> reschedulings.increment();
        default -> { }
      }
    }
  }
}
