package de.quartierskredit.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.portfolio.IndicatorsReport.Aging;
import de.quartierskredit.portfolio.IndicatorsReport.AtRisk;
import de.quartierskredit.portfolio.IndicatorsReport.Ausfallquote;
import de.quartierskredit.portfolio.IndicatorsReport.Durations;
import de.quartierskredit.portfolio.IndicatorsReport.Loss;
import de.quartierskredit.portfolio.IndicatorsReport.Repayment;
import de.quartierskredit.portfolio.IndicatorsReport.Rescheduled;
import de.quartierskredit.portfolio.IndicatorsReport.ScopeIndicators;
import de.quartierskredit.portfolio.IndicatorsReport.WriteOff;
import de.quartierskredit.portfolio.PipelineReport.Case;
import de.quartierskredit.portfolio.PipelineReport.CommitteeQueue;
import de.quartierskredit.portfolio.PipelineReport.StalledContract;
import de.quartierskredit.portfolio.PortfolioReport.Outcomes;
import de.quartierskredit.portfolio.PortfolioReport.ScopeFigures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The funder report's rows and cells without a database: which scope a waiting case, a committee's
 * queue or a stalled contract counts in, the outcomes "in the month", absent figures as empty cells,
 * and text that holds a separator or a quote.
 */
class FunderReportCsvTest {

  private static final LocalDate END = LocalDate.of(2026, 10, 31);

  @Test
  void shouldCountThePipelinePerScopeAndOutsideCasesOutside() {
    FunderReport report = report("Leipzig");

    FunderReport.Row leipzig = report.rows().get(0);
    FunderReport.Row outside = report.rows().get(1);
    FunderReport.Row system = report.rows().get(2);
    assertThat(List.of(leipzig.waiting(), leipzig.committeePending(), leipzig.stalledContracts())).containsExactly(2, 3, 1);
    assertThat(List.of(outside.waiting(), outside.committeePending(), outside.stalledContracts())).containsExactly(1, 0, 0);
    assertThat(List.of(system.waiting(), system.committeePending(), system.stalledContracts())).containsExactly(3, 3, 1);
    assertThat(system.system()).isTrue();
    assertThat(outside.onReportingDate()).as("outside had no loans on the 15th").isNull();
  }

  @Test
  void shouldWriteGermanNumbersEmptyCellsForAbsentFiguresAndOutcomesOfTheMonth() {
    String csv = FunderReportCsv.render(report("Leipzig"));

    assertThat(csv).startsWith(FunderReportCsv.BOM);
    List<String> lines = csv.substring(1).lines().toList();
    List<String> header = List.of(lines.get(0).split(";", -1));
    List<String> leipzig = List.of(lines.get(1).split(";", -1));
    List<String> outside = List.of(lines.get(2).split(";", -1));
    List<String> system = List.of(lines.get(3).split(";", -1));
    assertThat(cell(header, leipzig, "Monat")).isEqualTo("10.2026");
    assertThat(cell(header, leipzig, "Störungsquote am Stichtag (%)")).isEqualTo("12,50");
    assertThat(cell(header, leipzig, "Standard 10 % am Stichtag")).isEqualTo("verfehlt");
    assertThat(cell(header, outside, "Standard 10 % am Stichtag")).isEqualTo("keine Kredite");
    assertThat(cell(header, leipzig, "Bruttoportfolio (EUR)")).isEqualTo("12345,68");
    assertThat(cell(header, leipzig, "PAR30 (%)")).isEqualTo("4,56");
    assertThat(cell(header, leipzig, "Überfälligkeit: 1–30 Tage (EUR)")).isEqualTo("100,00");
    assertThat(cell(header, leipzig, "Verlust lokaler Haftungsfonds im Monat (EUR)")).isEqualTo("250,00");
    assertThat(cell(header, leipzig, "Tage bis zur Entscheidung (Durchschnitt)")).isEqualTo("12,3");
    assertThat(cell(header, leipzig, "Tage bis zur Auszahlung (Median)")).as("no disbursement in the month").isEmpty();
    assertThat(cell(header, leipzig, "durch Beratung beendet (im Monat)")).as("outcomes only for the system").isEmpty();
    assertThat(cell(header, system, "durch Beratung beendet (bis Monatsende)")).isEqualTo("9");
    assertThat(cell(header, system, "durch Beratung beendet (im Monat)")).isEqualTo("2");
    assertThat(cell(header, system, "ausgefallen (im Monat)")).isEqualTo("0");
  }

  @Test
  void shouldQuoteTextWithASeparatorOrAQuote() {
    String csv = FunderReportCsv.render(report("Nord; \"Alt\"stadt"));

    assertThat(csv.substring(1).lines().toList().get(1)).contains(";\"Nord; \"\"Alt\"\"stadt\";");
    assertThat(FunderReportCsv.quoted("Leipzig")).isEqualTo("Leipzig");
    assertThat(FunderReportCsv.quoted("a\nb")).isEqualTo("\"a\nb\"");
  }

  @Test
  void shouldEscapeNamesOnThePrintPage() {
    String page = FunderReportPage.render(report("<script>alert(1)</script>"));

    assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(page).contains("Monatsbericht Oktober 2026", "Stand 31.10.2026", "12.345,68 EUR", "12,5 %", "1 Kredit<br>");
  }

  private static String cell(List<String> header, List<String> row, String column) {
    assertThat(header).contains(column);
    return row.get(header.indexOf(column));
  }

  private static FunderReport report(String leipzigName) {
    ScopeIndicators leipzig = scope("leipzig", leipzigName, "12345.678", new BigDecimal("12.3"), null);
    ScopeIndicators outside = scope("OUTSIDE", "außerhalb der Quartiere", "500.00", null, null);
    ScopeIndicators system = scope("ALL", "gesamtes System", "12845.68", new BigDecimal("12.3"), null);
    IndicatorsReport indicators = new IndicatorsReport(END, LocalDate.of(2026, 10, 1), List.of(leipzig, outside), system, List.of());
    PipelineReport pipeline = new PipelineReport(END, List.of(),
        List.of(waiting("QK-1", "leipzig"), waiting("QK-2", "leipzig"), waiting("QK-3", "OUTSIDE")),
        List.of(new CommitteeQueue("leipzig", leipzigName, 3, 14, List.of("QK-1", "QK-2", "QK-4"))),
        List.of(new StalledContract("QK-5", "leipzig", leipzigName, LocalDate.of(2026, 9, 1), 60)));
    ScopeFigures leipzigOn15th = new ScopeFigures("leipzig", leipzigName, 8, new BigDecimal("12000.00"), 1,
        new BigDecimal("1000.00"), new BigDecimal("0.125"), true);
    ScopeFigures all = new ScopeFigures("ALL", "gesamtes System", 8, new BigDecimal("12000.00"), 1,
        new BigDecimal("1000.00"), new BigDecimal("0.125"), true);
    PortfolioReport onReportingDate = new PortfolioReport(LocalDate.of(2026, 10, 15), List.of(leipzigOn15th), all, List.of(),
        null, null);
    return new FunderReport(YearMonth.of(2026, 10), END, LocalDate.of(2026, 10, 15), LocalDate.of(2026, 11, 2), indicators,
        pipeline, onReportingDate, StandardVerdict.of(onReportingDate),
        new Outcomes(20, 1, new BigDecimal("0.05"), 9, 4, 3, 1), new Outcomes(18, 1, new BigDecimal("0.0556"), 7, 4, 3, 1));
  }

  private static Case waiting(String reference, String quarter) {
    return new Case(reference, quarter, quarter, "COMMITTEE", "Entscheidung des Vergabeausschusses",
        LocalDate.of(2026, 10, 1), 30, List.of());
  }

  private static ScopeIndicators scope(String scope, String name, String gross, BigDecimal decisionDays,
      BigDecimal disbursementDays) {
    return new ScopeIndicators(scope, name, 8, new BigDecimal(gross),
        new AtRisk(1, new BigDecimal("563.00"), new BigDecimal("0.0456")), new AtRisk(0, BigDecimal.ZERO, BigDecimal.ZERO),
        new Rescheduled(1, new BigDecimal("300.00")),
        Arrays.asList(new Aging("CURRENT", "nicht überfällig", 7, new BigDecimal("12245.68")),
            new Aging("D1_30", "1–30 Tage", 1, new BigDecimal("100")), new Aging("D31_60", "31–60 Tage", 0, BigDecimal.ZERO),
            new Aging("D61_90", "61–90 Tage", 0, BigDecimal.ZERO), new Aging("OVER_90", "über 90 Tage", 0, BigDecimal.ZERO)),
        new Ausfallquote(0, 8, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("2000.00"), BigDecimal.ZERO),
        new WriteOff(BigDecimal.ZERO, new BigDecimal("12000.00"), BigDecimal.ZERO),
        List.of(new Loss("LOCAL_FUND", "lokaler Haftungsfonds", new BigDecimal("250"), new BigDecimal("0.0208")),
            new Loss("MICROFINANCER", "Mikrofinanzierer", BigDecimal.ZERO, BigDecimal.ZERO),
            new Loss("NATIONAL_FUND", "Mikrofinanzfonds Deutschland", BigDecimal.ZERO, BigDecimal.ZERO)),
        new Repayment(new BigDecimal("1000.00"), new BigDecimal("950.00"), new BigDecimal("0.95")),
        new Durations(3, decisionDays, decisionDays, 0, disbursementDays, disbursementDays));
  }
}
