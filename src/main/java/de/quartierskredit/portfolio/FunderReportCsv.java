package de.quartierskredit.portfolio;

import de.quartierskredit.portfolio.FunderReport.Row;
import de.quartierskredit.portfolio.PortfolioReport.Outcomes;
import de.quartierskredit.shared.GermanFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The funder's monthly report as a CSV that German Excel opens as it is: UTF-8 with a byte order
 * mark, semicolons, decimal commas without thousands separators (so the cells are numbers), amounts
 * in EUR and shares in percent (the header says which), dates TT.MM.JJJJ, lines ending CRLF. One row
 * per quarter, outside the quarters, and the whole system; outcomes only in the system's row (they are
 * counted for the programme as a whole).
 */
final class FunderReportCsv {

  static final String BOM = "\uFEFF";
  private static final String SEPARATOR = ";";
  private static final String LINE = "\r\n";

  private FunderReportCsv() {}

  record Column(String header, Function<Row, String> value) {}

  static String render(FunderReport report) {
    List<Column> columns = columns(report);
    StringBuilder csv = new StringBuilder(BOM);
    csv.append(String.join(SEPARATOR, columns.stream().map(c -> quoted(c.header())).toList())).append(LINE);
    for (Row row : report.rows()) {
      csv.append(String.join(SEPARATOR, columns.stream().map(c -> quoted(c.value().apply(row))).toList())).append(LINE);
    }
    return csv.toString();
  }

  static List<Column> columns(FunderReport report) {
    String month = report.month().toString().substring(5) + "." + report.month().getYear();
    List<Column> columns = new ArrayList<>(List.of(
        new Column("Monat", row -> month),
        new Column("Stand", row -> GermanFormat.date(report.asOf())),
        new Column("Bereich", Row::name),
        new Column("Stichtag", row -> GermanFormat.date(report.reportingDate())),
        new Column("Kredite ausstehend am Stichtag", row -> row.onReportingDate() == null ? "0"
            : String.valueOf(row.onReportingDate().loansOutstanding())),
        new Column("Kredite gestört am Stichtag", row -> row.onReportingDate() == null ? "0"
            : String.valueOf(row.onReportingDate().loansDisturbed())),
        new Column("Störungsquote am Stichtag (%)", row -> row.onReportingDate() == null ? ""
            : percent(row.onReportingDate().disturbanceRate())),
        new Column("Standard 10 % am Stichtag", row -> row.onReportingDate() == null ? "keine Kredite"
            : row.onReportingDate().aboveStandard() ? StandardVerdict.BROKEN : StandardVerdict.HOLDS),
        new Column("Kredite ausstehend", row -> integer(row.figures().loansOutstanding())),
        new Column("Bruttoportfolio (EUR)", row -> amount(row.figures().grossPortfolio())),
        new Column("PAR30 Kredite", row -> integer(row.figures().par30().loans())),
        new Column("PAR30 Kapital (EUR)", row -> amount(row.figures().par30().principal())),
        new Column("PAR30 (%)", row -> percent(row.figures().par30().ratio())),
        new Column("PAR90 Kredite", row -> integer(row.figures().par90().loans())),
        new Column("PAR90 Kapital (EUR)", row -> amount(row.figures().par90().principal())),
        new Column("PAR90 (%)", row -> percent(row.figures().par90().ratio())),
        new Column("umgeschuldete Kredite", row -> integer(row.figures().rescheduled().loans())),
        new Column("umgeschuldet Kapital (EUR)", row -> amount(row.figures().rescheduled().principal()))));
    report.agingBuckets().forEach((bucket, label) -> columns.add(new Column("Überfälligkeit: " + label + " (EUR)",
        row -> row.bucket(bucket).map(b -> amount(b.principal())).orElse(""))));
    columns.addAll(List.of(
        new Column("Ausfälle", row -> integer(row.figures().ausfallquote().defaults())),
        new Column("vergebene Kredite", row -> integer(row.figures().ausfallquote().loansGranted())),
        new Column("Ausfallquote je vergebene Kredite (%)",
            row -> percent(row.figures().ausfallquote().byLoansGranted())),
        new Column("ausgefallenes Kapital (EUR)", row -> amount(row.figures().ausfallquote().defaultedPrincipal())),
        new Column("zurückgezahltes Kapital (EUR)", row -> amount(row.figures().ausfallquote().repaidPrincipal())),
        new Column("Ausfallquote je Rückzahlungen (%)", row -> percent(row.figures().ausfallquote().byRepayments())),
        new Column("abgeschrieben im Monat (EUR)", row -> amount(row.figures().writeOff().principal())),
        new Column("Abschreibungsquote im Monat (%)", row -> percent(row.figures().writeOff().ratio()))));
    report.bearers().forEach((bearer, label) -> columns.add(new Column("Verlust " + label + " im Monat (EUR)",
        row -> row.loss(bearer).map(l -> amount(l.amount())).orElse(""))));
    columns.addAll(List.of(
        new Column("fällig im Monat (EUR)", row -> amount(row.figures().repayment().due())),
        new Column("erhalten im Monat (EUR)", row -> amount(row.figures().repayment().received())),
        new Column("Rückzahlungsquote im Monat (%)", row -> row.figures().repayment().due().signum() > 0 ? percent(row.figures().repayment().rate()) : ""),
        new Column("Entscheidungen im Monat", row -> integer(row.figures().durations().decisions())),
        new Column("Tage bis zur Entscheidung (Durchschnitt)",
            row -> decimal(row.figures().durations().daysToDecisionAverage())),
        new Column("Tage bis zur Entscheidung (Median)",
            row -> decimal(row.figures().durations().daysToDecisionMedian())),
        new Column("Auszahlungen im Monat", row -> integer(row.figures().durations().disbursements())),
        new Column("Tage bis zur Auszahlung (Durchschnitt)",
            row -> decimal(row.figures().durations().daysToDisbursementAverage())),
        new Column("Tage bis zur Auszahlung (Median)",
            row -> decimal(row.figures().durations().daysToDisbursementMedian())),
        new Column("wartende Fälle (Pipeline)", row -> String.valueOf(row.waiting())),
        new Column("offene Entscheidungen des Vergabeausschusses", row -> String.valueOf(row.committeePending())),
        new Column("stockende Verträge", row -> String.valueOf(row.stalledContracts()))));
    columns.addAll(outcome(report, "ausgezahlt", Outcomes::loansDisbursed));
    columns.addAll(outcome(report, "ausgefallen", Outcomes::defaults));
    columns.addAll(outcome(report, "durch Beratung beendet", Outcomes::endedByAdvice));
    columns.addAll(outcome(report, "privat finanziert", Outcomes::financedPrivately));
    columns.addAll(outcome(report, "Bedarf reduziert", Outcomes::needReduced));
    columns.addAll(outcome(report, "verwiesen", Outcomes::referred));
    return columns;
  }

  /** An outcome until the month's end and in the month, in the system's row only. */
  private static List<Column> outcome(FunderReport report, String label, ToIntFunction<Outcomes> count) {
    Outcomes until = report.outcomesUntil();
    Outcomes before = report.outcomesBefore();
    if (until == null) {
      return List.of();
    }
    return List.of(
        new Column(label + " (bis Monatsende)", row -> row.system() ? String.valueOf(count.applyAsInt(until)) : ""),
        new Column(label + " (im Monat)", row -> row.system()
            ? String.valueOf(count.applyAsInt(until) - (before == null ? 0 : count.applyAsInt(before))) : ""));
  }

  /** Text in double quotes when it holds the separator, a quote or a line break (RFC 4180). */
  static String quoted(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(SEPARATOR) || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  /** 8000.5 -> "8000,50"; absent: empty */
  static String amount(BigDecimal value) {
    return value == null ? "" : comma(value.setScale(2, RoundingMode.HALF_UP));
  }

  /** 0.125 -> "12,50"; absent: empty */
  static String percent(BigDecimal ratio) {
    return ratio == null ? "" : comma(ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP));
  }

  static String integer(int value) {
    return String.valueOf(value);
  }

  /** 4.25 -> "4,3"; absent (no case in the period): empty */
  static String decimal(BigDecimal value) {
    return value == null ? "" : comma(value.setScale(1, RoundingMode.HALF_UP));
  }

  private static String comma(BigDecimal value) {
    return value.toPlainString().replace('.', ',');
  }
}
