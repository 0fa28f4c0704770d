package de.quartierskredit.portfolio;

import static de.quartierskredit.portfolio.PortfolioStandardProcess.Activities.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The 15th: figures against hand-built portfolios, snapshots, and the QA task only on a breach. */
@QuartierskreditTest
class PortfolioStandardProcessTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired PortfolioService portfolio;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;

  private HandBuiltPortfolio build;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    build = new HandBuiltPortfolio(loans, jdbc);
  }

  /** n loans of the quarter disbursed before the date, the first `disturbed` of them disturbed on it. */
  private List<Loan> quarter(String code, int n, int disturbed, LocalDate reportingDate) {
    List<Loan> built = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Loan loan = build.activeLoan(code, "1000.00", reportingDate.minusMonths(3));
      if (i < disturbed) {
        build.disturbed(loan, reportingDate.minusDays(20), null);
      }
      built.add(loan);
    }
    return built;
  }

  @Nested
  class Figures {

    @Test
    void shouldKeepAQuarterAtExactly10PercentWithinTheStandardAndFlagOneJustAbove() {
      LocalDate date = LocalDate.of(2015, 3, 15);
      quarter("kiel", 10, 1, date);
      quarter("gelsenkirchen", 19, 2, date);

      PortfolioReport report = portfolio.reportAsOf(date);

      var kiel = scope(report, "kiel");
      org.assertj.core.api.Assertions.assertThat(kiel.loansOutstanding()).isEqualTo(10);
      org.assertj.core.api.Assertions.assertThat(kiel.loansDisturbed()).isEqualTo(1);
      org.assertj.core.api.Assertions.assertThat(kiel.disturbanceRate()).isEqualByComparingTo("0.10");
      org.assertj.core.api.Assertions.assertThat(kiel.aboveStandard()).isFalse();
      var gelsenkirchen = scope(report, "gelsenkirchen");
      org.assertj.core.api.Assertions.assertThat(gelsenkirchen.disturbanceRate()).isEqualByComparingTo("0.1053");
      org.assertj.core.api.Assertions.assertThat(gelsenkirchen.aboveStandard()).isTrue();
      org.assertj.core.api.Assertions.assertThat(report.system().loansOutstanding()).isEqualTo(29);
      org.assertj.core.api.Assertions.assertThat(report.system().loansDisturbed()).isEqualTo(3);
      org.assertj.core.api.Assertions.assertThat(report.system().principalOutstanding()).isEqualByComparingTo("29000.00");
      org.assertj.core.api.Assertions.assertThat(report.system().principalDisturbed()).isEqualByComparingTo("3000.00");
      // 3 of 29 in the whole system: just above 10 %
      org.assertj.core.api.Assertions.assertThat(report.system().aboveStandard()).isTrue();
    }

    @Test
    void shouldNotCountALoanDisturbedAfterTheReportingDateForThatMonth() {
      LocalDate march = LocalDate.of(2016, 3, 15);
      Loan loan = build.activeLoan("pforzheim", "2000.00", LocalDate.of(2016, 1, 10));
      build.disturbed(loan, LocalDate.of(2016, 3, 16), LocalDate.of(2016, 5, 2));

      org.assertj.core.api.Assertions.assertThat(scope(portfolio.reportAsOf(march), "pforzheim").loansDisturbed()).isZero();
      org.assertj.core.api.Assertions.assertThat(scope(portfolio.reportAsOf(march.plusMonths(1)), "pforzheim").loansDisturbed())
          .isEqualTo(1);
      org.assertj.core.api.Assertions.assertThat(scope(portfolio.reportAsOf(march.plusMonths(2)), "pforzheim").loansDisturbed())
          .isZero();
    }

    @Test
    void shouldTakeOutstandingPrincipalAsOfTheDateAndDropRepaidLoans() {
      LocalDate disbursed = LocalDate.of(2017, 1, 5);
      Loan loan = build.activeLoanWithoutRepayment("duisburg", "3000.00", disbursed);
      build.repay(loan, LocalDate.of(2017, 2, 1), "1000.00");
      build.repay(loan, LocalDate.of(2017, 3, 1), "2000.00");
      Loan outside = build.activeLoan(null, "1000.00", disbursed);

      org.assertj.core.api.Assertions.assertThat(scope(portfolio.reportAsOf(LocalDate.of(2017, 2, 15)), "duisburg")
          .principalOutstanding()).isEqualByComparingTo("2000.00");
      PortfolioReport march = portfolio.reportAsOf(LocalDate.of(2017, 3, 15));
      org.assertj.core.api.Assertions.assertThat(scope(march, "duisburg").loansOutstanding()).isZero();
      org.assertj.core.api.Assertions.assertThat(scope(march, "OUTSIDE").principalOutstanding()).isEqualByComparingTo("1000.00");
      org.assertj.core.api.Assertions.assertThat(march.microfinancer().outstanding()).isEqualByComparingTo("1000.00");
      org.assertj.core.api.Assertions.assertThat(march.microfinancer().shareOutsideQuarters()).isEqualByComparingTo("1.0000");
      org.assertj.core.api.Assertions.assertThat(outside.quarterCode()).isNull();
    }
  }

  @Nested
  class FifteenthOfTheMonth {

    @Test
    void shouldStoreASnapshotAndEndWhenTheStandardIsKept() {
      LocalDate date = LocalDate.of(2018, 6, 15);
      quarter("nuernberg", 10, 1, date);

      ProcessInstance instance = runtimeService.startProcessInstanceByKey(PortfolioStandardProcess.KEY,
          Map.of(PortfolioStandardProcess.Variables.REPORTING_DATE, date.toString()));

      assertThat(instance).hasPassed(TAKE_SNAPSHOT, END_STANDARD_KEPT).isEnded();
      org.assertj.core.api.Assertions.assertThat(jdbc.sql(
              "SELECT disturbance_rate FROM portfolio_snapshot WHERE reporting_date = :d AND scope = 'nuernberg'")
          .param("d", date).query(BigDecimal.class).single()).isEqualByComparingTo("0.10");
      org.assertj.core.api.Assertions.assertThat(jdbc.sql(
              "SELECT COUNT(*) FROM portfolio_snapshot WHERE reporting_date = :d").param("d", date)
          .query(Integer.class).single()).isEqualTo(9);
    }

    @Test
    void shouldAskTheMicrofinancerForMeasuresWhenAQuarterIsAboveTheStandard() {
      LocalDate date = LocalDate.of(2019, 9, 15);
      List<Loan> leipzig = quarter("leipzig", 8, 3, date);

      ProcessInstance instance = runtimeService.startProcessInstanceByKey(PortfolioStandardProcess.KEY,
          Map.of(PortfolioStandardProcess.Variables.REPORTING_DATE, date.toString()));

      assertThat(instance).isWaitingAt(RECORD_MEASURES);
      assertThat(task(instance)).hasCandidateGroup("microfinancer");
      assertThat(instance).variables().containsEntry("breachedScopes", "ALL,leipzig")
          .extractingByKey("qualityAssuranceSummary").asString()
          .contains("Leipzig").contains("3 von 8").contains("37,5 %").contains(leipzig.get(0).reference());
      assertThatThrownBy(() -> complete(task(instance), withVariables("qualityMeasures", "  ")))
          .hasRootCauseInstanceOf(InputRefusedException.class);

      complete(task(instance), withVariables("qualityMeasures", "Wöchentliche Kontakte, zwei Interventionspläne."));

      assertThat(instance).hasPassed(STORE_MEASURES, END_MEASURES_RECORDED).isEnded();
      org.assertj.core.api.Assertions.assertThat(jdbc.sql(
              "SELECT measures FROM quality_assurance_measure WHERE reporting_date = :d").param("d", date)
          .query(String.class).single()).startsWith("Wöchentliche");
    }

    @Test
    void shouldStartOnThe15thOfEveryMonthByTimer() {
      var definition = repositoryService.createProcessDefinitionQuery()
          .processDefinitionKey(PortfolioStandardProcess.KEY).latestVersion().singleResult();
      var timer = managementService.createJobQuery().processDefinitionId(definition.getId()).timers().singleResult();

      org.assertj.core.api.Assertions.assertThat(timer).isNotNull();
      org.assertj.core.api.Assertions.assertThat(timer.getDuedate().toInstant()
          .atZone(java.time.ZoneId.systemDefault()).getDayOfMonth()).isEqualTo(15);
    }
  }

  private static PortfolioReport.ScopeFigures scope(PortfolioReport report, String scope) {
    return report.scopes().stream().filter(s -> s.scope().equals(scope)).findFirst().orElseThrow();
  }
}
