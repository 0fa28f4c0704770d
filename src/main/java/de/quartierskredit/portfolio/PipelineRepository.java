package de.quartierskredit.portfolio;

import de.quartierskredit.document.ChecklistItemView;
import de.quartierskredit.document.LoanDocuments;
import de.quartierskredit.application.LoanApplicationProcess;
import de.quartierskredit.committee.CommitteeDecisionProcess;
import de.quartierskredit.contract.BankContractProcess;
import de.quartierskredit.fund.FundCapacityPolicy;
import de.quartierskredit.fund.LocalFundRepository;
import de.quartierskredit.fund.Quarter;
import de.quartierskredit.fund.QuarterRepository;
import de.quartierskredit.guarantor.GuarantorCheckProcess;
import de.quartierskredit.guarantor.GuarantorPolicy;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.portfolio.PipelineReport.Case;
import de.quartierskredit.portfolio.PipelineReport.CommitteeQueue;
import de.quartierskredit.portfolio.PipelineReport.Stage;
import de.quartierskredit.portfolio.PipelineReport.StalledContract;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * DOMAIN.md steps 2-8 as a queue: where each application waits (the loan's row for the bank's steps,
 * the engine's open user task for the others, found by the process instances' business key = the
 * loan reference), since when, and what the committee still lacks. Reads only, and no personal data.
 */
@Repository
class PipelineRepository {

  /** A stage of the way from application to disbursement, in order, with its German name. */
  enum PipelineStage {
    ADVICE("Beratungsgespräch", LoanApplicationProcess.Activities.ADVISE),
    GUARANTORS("Bürgenprüfung", GuarantorCheckProcess.Activities.RECORD_GUARANTORS),
    DECISION_TEMPLATE("Entscheidungsvorlage", CommitteeDecisionProcess.Activities.PREPARE_DECISION_TEMPLATE),
    FUND_CAPACITY("Fondskapazität abwarten", CommitteeDecisionProcess.Activities.AWAIT_FUND_CAPACITY),
    COMMITTEE("Entscheidung des Vergabeausschusses", CommitteeDecisionProcess.Activities.DECIDE_APPLICATION,
        CommitteeDecisionProcess.Activities.REMIND_COMMITTEE),
    IN_PROCESS("in Bearbeitung (keine offene Aufgabe)"),
    CONTRACT("Vertragsunterzeichnung bei der Bank", BankContractProcess.Activities.CONFIRM_CONTRACT,
        BankContractProcess.Activities.FOLLOW_UP_CONTRACT),
    DISBURSEMENT("Auszahlung durch die Bank", BankContractProcess.Activities.CONFIRM_DISBURSEMENT);

    private final String label;
    private final List<String> tasks;

    PipelineStage(String label, String... tasks) {
      this.label = label;
      this.tasks = List.of(tasks);
    }

    String label() {
      return label;
    }

    static PipelineStage ofTask(String taskKey) {
      for (PipelineStage stage : values()) {
        if (stage.tasks.contains(taskKey)) {
          return stage;
        }
      }
      return null;
    }

    /** Stages before the committee's decision, where the committee's file may still be incomplete. */
    boolean beforeDecision() {
      return ordinal() <= COMMITTEE.ordinal();
    }
  }

  private static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Berlin");
  private static final GuarantorPolicy GUARANTORS = new GuarantorPolicy();

  private final JdbcClient jdbc;
  private final QuarterRepository quarters;
  private final LocalFundRepository funds;
  private final LoanRepository loans;
  private final LoanDocuments documents;
  private final Period stalledAfter;

  PipelineRepository(JdbcClient jdbc, QuarterRepository quarters, LocalFundRepository funds, LoanRepository loans,
      LoanDocuments documents,
      @Value("${quartierskredit.portfolio.stalled-contract-after:${quartierskredit.contract.escalation-after:P14D}}")
      String stalledAfter) {
    this.jdbc = jdbc;
    this.quarters = quarters;
    this.funds = funds;
    this.loans = loans;
    this.documents = documents;
    this.stalledAfter = days(stalledAfter);
  }

  /** An ISO period (P14D) or duration (PT336H) as whole days. */
  private static Period days(String text) {
    try {
      return Period.parse(text);
    } catch (RuntimeException notAPeriod) {
      return Period.ofDays((int) Duration.parse(text).toDays());
    }
  }

  private record Waiting(long loanId, String reference, String quarter, BigDecimal amount, String state,
      LocalDate appliedOn, LocalDate approvedOn, LocalDate contractedOn) {}

  PipelineReport pipeline(LocalDate asOf, PortfolioVisibility visibility) {
    Map<String, String> names = new HashMap<>();
    for (Quarter q : quarters.findAll()) {
      names.put(q.code(), q.name());
    }
    names.put(PortfolioReport.OUTSIDE, IndicatorsService.OUTSIDE_NAME);
    List<Waiting> waiting = jdbc.sql("""
            SELECT l.id, l.reference, COALESCE(l.quarter_code, 'OUTSIDE') AS scope, l.amount, l.state,
                   l.applied_on, l.approved_on, l.contracted_on
            FROM loan l WHERE l.state IN ('APPLIED', 'APPROVED', 'CONTRACTED') AND l.applied_on <= :asOf
            ORDER BY l.applied_on, l.reference""")
        .param("asOf", asOf)
        .query((rs, row) -> new Waiting(rs.getLong("id"), rs.getString("reference"), rs.getString("scope"),
            rs.getBigDecimal("amount"), rs.getString("state"), rs.getObject("applied_on", LocalDate.class),
            rs.getObject("approved_on", LocalDate.class), rs.getObject("contracted_on", LocalDate.class)))
        .list()
        .stream().filter(w -> visibility.sees(w.quarter())).toList();
    Map<String, Object[]> tasks = openTasks();
    Map<Long, BigDecimal> guaranteed = new HashMap<>();
    Map<Long, Integer> guarantorCount = new HashMap<>();
    jdbc.sql("""
            SELECT g.loan_id, COUNT(*) AS guarantors, SUM(g.guaranteed_amount) AS covered FROM guarantor g
            JOIN loan l ON l.id = g.loan_id WHERE l.state = 'APPLIED' GROUP BY g.loan_id""")
        .query(rs -> {
          guaranteed.put(rs.getLong("loan_id"), rs.getBigDecimal("covered"));
          guarantorCount.put(rs.getLong("loan_id"), rs.getInt("guarantors"));
        });
    List<Long> withTemplate = jdbc.sql("""
            SELECT DISTINCT p.loan_id FROM loan_participant p JOIN loan l ON l.id = p.loan_id
            WHERE l.state = 'APPLIED' AND p.step = 'DECISION_TEMPLATE'""")
        .query(Long.class).list();

    List<Case> cases = new ArrayList<>();
    for (Waiting w : waiting) {
      PipelineStage stage;
      LocalDate since;
      Object[] task = tasks.get(w.reference());
      if ("APPROVED".equals(w.state())) {
        stage = PipelineStage.CONTRACT;
        since = w.approvedOn() == null ? w.appliedOn() : w.approvedOn();
      } else if ("CONTRACTED".equals(w.state())) {
        stage = PipelineStage.DISBURSEMENT;
        since = w.contractedOn() == null ? w.appliedOn() : w.contractedOn();
      } else if (task != null) {
        stage = (PipelineStage) task[0];
        since = (LocalDate) task[1];
      } else {
        stage = PipelineStage.IN_PROCESS;
        since = w.appliedOn();
      }
      List<String> missing = stage.beforeDecision()
          ? missing(w, guaranteed.getOrDefault(w.loanId(), Money.ZERO), guarantorCount.getOrDefault(w.loanId(), 0),
              withTemplate.contains(w.loanId()), names)
          : List.of();
      cases.add(new Case(w.reference(), w.quarter(), names.getOrDefault(w.quarter(), w.quarter()), stage.name(),
          stage.label(), since, age(since, asOf), missing));
    }
    cases.sort(Comparator.comparing((Case c) -> PipelineStage.valueOf(c.stage()).ordinal())
        .thenComparing(Comparator.comparingInt(Case::days).reversed()).thenComparing(Case::reference));
    return new PipelineReport(asOf, stages(cases), cases, committee(cases, names), stalled(cases));
  }

  /** What the committee would miss in the file today (German); empty when nothing is missing. */
  private List<String> missing(Waiting w, BigDecimal covered, int guarantors, boolean template,
      Map<String, String> names) {
    List<String> missing = new ArrayList<>();
    BigDecimal required = GUARANTORS.requiredCoverage(w.amount());
    if (guarantors < GuarantorPolicy.MINIMUM_GUARANTORS) {
      missing.add("Es sind erst " + guarantors + " von mindestens " + GuarantorPolicy.MINIMUM_GUARANTORS
          + " Bürgen erfasst.");
    }
    if (covered.compareTo(required) < 0) {
      missing.add("Die Bürgschaften decken " + Money.format(covered) + "; nötig ist die Hälfte des Kreditbetrags: "
          + Money.format(required) + ".");
    }
    if (!template) {
      missing.add("Die Entscheidungsvorlage fehlt noch.");
    }
    List<String> documentsMissing = documents.missingRequired(w.reference(), LoanDocuments.APPLICATION_STAGE).stream()
        .map(ChecklistItemView::label).toList();
    if (!documentsMissing.isEmpty()) {
      missing.add("Es fehlen Unterlagen: " + String.join(", ", documentsMissing) + ".");
    }
    if (!PortfolioReport.OUTSIDE.equals(w.quarter())) {
      String name = names.getOrDefault(w.quarter(), w.quarter());
      var fund = funds.findByQuarter(w.quarter());
      var capacity = fund.isEmpty() ? FundCapacityPolicy.noFund(name, w.amount())
          : FundCapacityPolicy.assess(name, fund.get().paidInCapital(),
              loans.committedPrincipal(w.quarter(), w.reference()), w.amount());
      if (!capacity.ok()) {
        missing.add("Die freie Kapazität des Haftungsfonds reicht nicht: " + capacity.reason());
      }
    }
    return missing;
  }

  /** The oldest open user task per loan reference: its stage and the day it was created. */
  private Map<String, Object[]> openTasks() {
    Map<String, Object[]> byReference = new HashMap<>();
    jdbc.sql("""
            SELECT e.business_key_ AS reference, t.task_def_key_ AS task, t.create_time_ AS created
            FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
            WHERE e.business_key_ IS NOT NULL
            ORDER BY t.create_time_""")
        .query(rs -> {
          PipelineStage stage = PipelineStage.ofTask(rs.getString("task"));
          Timestamp created = rs.getTimestamp("created");
          if (stage != null && created != null) {
            byReference.putIfAbsent(rs.getString("reference"),
                new Object[] {stage, created.toInstant().atZone(BUSINESS_ZONE).toLocalDate()});
          }
        });
    return byReference;
  }

  private static int age(LocalDate since, LocalDate asOf) {
    return (int) Math.max(0, asOf.toEpochDay() - since.toEpochDay());
  }

  private static List<Stage> stages(List<Case> cases) {
    Map<PipelineStage, List<Case>> byStage = new EnumMap<>(PipelineStage.class);
    for (PipelineStage stage : PipelineStage.values()) {
      byStage.put(stage, new ArrayList<>());
    }
    cases.forEach(c -> byStage.get(PipelineStage.valueOf(c.stage())).add(c));
    List<Stage> stages = new ArrayList<>();
    byStage.forEach((stage, in) -> {
      BigDecimal average = in.isEmpty() ? BigDecimal.ZERO.setScale(1)
          : BigDecimal.valueOf(in.stream().mapToLong(Case::days).sum())
              .divide(BigDecimal.valueOf(in.size()), 1, RoundingMode.HALF_UP);
      stages.add(new Stage(stage.name(), stage.label(), in.size(), average,
          in.stream().mapToInt(Case::days).max().orElse(0)));
    });
    return stages;
  }

  private static List<CommitteeQueue> committee(List<Case> cases, Map<String, String> names) {
    Map<String, List<Case>> byQuarter = new LinkedHashMap<>();
    cases.stream().filter(c -> PipelineStage.COMMITTEE.name().equals(c.stage()))
        .sorted(Comparator.comparing(Case::quarterName))
        .forEach(c -> byQuarter.computeIfAbsent(c.quarter(), q -> new ArrayList<>()).add(c));
    List<CommitteeQueue> queues = new ArrayList<>();
    byQuarter.forEach((quarter, in) -> queues.add(new CommitteeQueue(quarter, names.getOrDefault(quarter, quarter),
        in.size(), in.stream().mapToInt(Case::days).max().orElse(0), in.stream().map(Case::reference).toList())));
    return queues;
  }

  /** Recommended to the bank ({@code approved_on}) and not signed after the configured number of days. */
  private List<StalledContract> stalled(List<Case> cases) {
    int limit = stalledAfter.getDays() + stalledAfter.getMonths() * 30 + stalledAfter.getYears() * 365;
    return cases.stream()
        .filter(c -> PipelineStage.CONTRACT.name().equals(c.stage()) && c.days() > limit)
        .map(c -> new StalledContract(c.reference(), c.quarter(), c.quarterName(), c.waitingSince(), c.days()))
        .toList();
  }
}
