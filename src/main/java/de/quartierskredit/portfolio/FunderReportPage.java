package de.quartierskredit.portfolio;

import de.quartierskredit.portfolio.FunderReport.Row;
import de.quartierskredit.portfolio.PortfolioReport.Outcomes;
import de.quartierskredit.shared.GermanFormat;
import de.quartierskredit.shared.Html;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The funder's monthly report as a page to print or save as PDF with the browser ("Drucken / als
 * PDF speichern"): server-rendered HTML, print styles for A4 landscape, every figure German. The
 * page runs one script of its own (the print button), allowed by its hash in the page's content
 * security policy; nothing else loads.
 */
final class FunderReportPage {

  private static final String PRINT_SCRIPT =
      "document.getElementById('print').addEventListener('click', function () { window.print(); });";
  /** The content security policy of the page: its styles and its one script, nothing from elsewhere. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-"
      + sha256(PRINT_SCRIPT) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

  private static final String STYLE = """
      body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 12px; color: #222; margin: 24px; }
      h1 { font-size: 20px; margin-bottom: 2px; } h2 { font-size: 15px; margin: 20px 0 6px; border-bottom: 1px solid #999; }
      p.meta { color: #555; margin-top: 0; } .holds { color: #2e7d32; font-weight: bold; } .broken { color: #c62828; font-weight: bold; }
      table { border-collapse: collapse; margin-bottom: 8px; } th, td { border: 1px solid #bbb; padding: 3px 6px; }
      th { background: #f2f2f2; text-align: left; } td.n { text-align: right; white-space: nowrap; }
      tr.system td { font-weight: bold; } .note { color: #555; font-size: 11px; } button { font-size: 14px; padding: 4px 12px; }
      @page { size: A4 landscape; margin: 12mm; }
      @media print { body { margin: 0; font-size: 10px; } .no-print { display: none; } h2 { break-after: avoid; }
        table { break-inside: avoid; } }
      """;

  private FunderReportPage() {}

  static String render(FunderReport report) {
    List<Row> rows = report.rows();
    StringBuilder page = new StringBuilder(16_384);
    String title = "Monatsbericht " + monthName(report) + " – Quartierskredit";
    page.append("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
        .append("</title><style>").append(STYLE).append("</style></head><body>\n");
    page.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">Bericht für den Mikrofinanzfonds Deutschland · Stand ")
        .append(GermanFormat.date(report.asOf()))
        .append(report.provisional() ? " (der Monat läuft noch: vorläufige Zahlen)" : "")
        .append(" · Stichtag ").append(GermanFormat.date(report.reportingDate()))
        .append(" · erstellt am ").append(GermanFormat.date(report.generatedOn())).append("</p>\n");
    page.append("<p class=\"no-print\"><button id=\"print\" type=\"button\">Drucken / als PDF speichern</button> ")
        .append("<a href=\"funder-report.csv?month=").append(report.month()).append("\">CSV herunterladen</a></p>\n");

    page.append("<h2>Standard: höchstens 10 % gestört am Stichtag ").append(GermanFormat.date(report.reportingDate()))
        .append("</h2>\n<p class=\"").append(report.standard().holds() ? "holds" : "broken").append(" verdict\">")
        .append(esc(report.standard().summary())).append("</p>\n");
    table(page, rows, List.of(
        col("Kredite ausstehend", r -> r.onReportingDate() == null ? "0" : GermanFormat.number(r.onReportingDate().loansOutstanding())),
        col("gestört", r -> r.onReportingDate() == null ? "0" : GermanFormat.number(r.onReportingDate().loansDisturbed())),
        col("Störungsquote", r -> r.onReportingDate() == null ? "–" : percent(r.onReportingDate().disturbanceRate())),
        col("Standard", r -> r.onReportingDate() == null ? "keine Kredite"
            : r.onReportingDate().aboveStandard() ? StandardVerdict.BROKEN : StandardVerdict.HOLDS)));

    page.append("<h2>Gefährdetes Portfolio und Überfälligkeit am ").append(GermanFormat.date(report.asOf())).append("</h2>\n");
    List<Column> risk = new java.util.ArrayList<>(List.of(
        col("Kredite ausstehend", r -> count(r.figures().loansOutstanding())),
        col("Bruttoportfolio", r -> amount(r.figures().grossPortfolio())),
        col("PAR30", r -> percent(r.figures().par30().ratio()) + "<br>" + amount(r.figures().par30().principal())),
        col("PAR90", r -> percent(r.figures().par90().ratio()) + "<br>" + amount(r.figures().par90().principal())),
        col("umgeschuldet", r -> loans(r.figures().rescheduled().loans()) + "<br>"
            + amount(r.figures().rescheduled().principal()))));
    report.agingBuckets().forEach((bucket, label) ->
        risk.add(col(label, r -> r.bucket(bucket).map(b -> amount(b.principal())).orElse("–"))));
    table(page, rows, risk);
    page.append("<p class=\"note\">PAR30 / PAR90: ausstehendes Kapital aller Kredite mit einer Rate über 30 / 90 Tage "
        + "überfällig, umgeschuldete Kredite eingeschlossen, geteilt durch das Bruttoportfolio. Überfälligkeit: "
        + "ausstehendes Kapital nach Tagen überfällig der ältesten offenen Rate.</p>\n");

    page.append("<h2>Verluste, Ausfallquote und Rückzahlungen</h2>\n");
    List<Column> losses = new java.util.ArrayList<>(List.of(
        col("abgeschrieben im Monat", r -> amount(r.figures().writeOff().principal())),
        col("Abschreibungsquote", r -> percent(r.figures().writeOff().ratio()))));
    report.bearers().forEach((bearer, label) ->
        losses.add(col("Verlust " + label, r -> r.loss(bearer).map(l -> amount(l.amount())).orElse("–"))));
    losses.addAll(List.of(
        col("Ausfallquote je vergebene Kredite", r -> percent(r.figures().ausfallquote().byLoansGranted())
            + "<br>" + count(r.figures().ausfallquote().defaults()) + " von "
            + count(r.figures().ausfallquote().loansGranted())),
        col("Ausfallquote je Rückzahlungen", r -> percent(r.figures().ausfallquote().byRepayments())),
        col("Rückzahlungsquote im Monat", r -> (r.figures().repayment().due().signum() > 0 ? percent(r.figures().repayment().rate()) : "–") + "<br>"
            + amount(r.figures().repayment().received()) + " von " + amount(r.figures().repayment().due()))));
    table(page, rows, losses);
    page.append("<p class=\"note\">Abschreibungsquote: im Monat abgeschriebenes Kapital je durchschnittliches "
        + "Bruttoportfolio. Ausfallquote je vergebene Kredite wie die Broschüre zählt (ausgefallene je vergebene Kredite), "
        + "je Rückzahlungen wie der Mikrokreditfonds Deutschland (ausgefallenes je zurückgezahltes Kapital). "
        + "Rückzahlungsquote: erhaltene je fällige Beträge des Monats.</p>\n");

    page.append("<h2>Ergebnisse der Fälle</h2>\n");
    Outcomes until = report.outcomesUntil();
    Outcomes before = report.outcomesBefore();
    if (until != null) {
      page.append("<table class=\"outcomes\"><tr><th>Ergebnis</th><th>im Monat</th><th>bis Monatsende</th></tr>\n");
      outcome(page, "ausgezahlte Kredite", until, before, Outcomes::loansDisbursed);
      outcome(page, "ausgefallen", until, before, Outcomes::defaults);
      outcome(page, "durch Beratung beendet (kein Kredit nötig)", until, before, Outcomes::endedByAdvice);
      outcome(page, "privat finanziert (z. B. durch Bürgen)", until, before, Outcomes::financedPrivately);
      outcome(page, "Bedarf durch Beratung reduziert", until, before, Outcomes::needReduced);
      outcome(page, "an andere Stellen verwiesen", until, before, Outcomes::referred);
      page.append("</table>\n");
    }

    page.append("<h2>Antragspipeline und Dauern</h2>\n<table class=\"stages\"><tr><th>Schritt</th><th>wartend</th>"
        + "<th>ältester (Tage)</th><th>Durchschnitt (Tage)</th></tr>\n");
    report.pipeline().stages().forEach(stage -> page.append("<tr><td>").append(esc(stage.label()))
        .append("</td><td class=\"n\">").append(count(stage.count())).append("</td><td class=\"n\">")
        .append(decimal(stage.oldestDays())).append("</td><td class=\"n\">").append(decimal(stage.averageDays()))
        .append("</td></tr>\n"));
    page.append("</table>\n");
    table(page, rows, List.of(
        col("wartende Fälle", r -> GermanFormat.number(r.waiting())),
        col("offene Entscheidungen des Vergabeausschusses", r -> GermanFormat.number(r.committeePending())),
        col("stockende Verträge", r -> GermanFormat.number(r.stalledContracts())),
        col("Tage bis zur Entscheidung (Ø / Median)", r -> decimal(r.figures().durations().daysToDecisionAverage())
            + " / " + decimal(r.figures().durations().daysToDecisionMedian())),
        col("Tage bis zur Auszahlung (Ø / Median)", r -> decimal(r.figures().durations().daysToDisbursementAverage())
            + " / " + decimal(r.figures().durations().daysToDisbursementMedian()))));
    page.append("<p class=\"note\">Der Bericht enthält nur Zahlen, keine Namen oder Aktenzeichen von Kreditnehmerinnen "
        + "und Kreditnehmern.</p>\n<script>").append(PRINT_SCRIPT).append("</script>\n</body></html>\n");
    return page.toString();
  }

  record Column(String header, Function<Row, String> cell) {}

  private static Column col(String header, Function<Row, String> cell) {
    return new Column(header, cell);
  }

  /** A table with one row per scope (quarters, outside, whole system); cells are HTML already escaped. */
  private static void table(StringBuilder page, List<Row> rows, List<Column> columns) {
    page.append("<table><tr><th>Bereich</th>");
    columns.forEach(c -> page.append("<th>").append(esc(c.header())).append("</th>"));
    page.append("</tr>\n");
    for (Row row : rows) {
      page.append("<tr").append(row.system() ? " class=\"system\"" : "").append(" data-scope=\"").append(esc(row.scope()))
          .append("\"><td>").append(esc(row.name())).append("</td>");
      columns.forEach(c -> page.append("<td class=\"n\">").append(c.cell().apply(row)).append("</td>"));
      page.append("</tr>\n");
    }
    page.append("</table>\n");
  }

  private static void outcome(StringBuilder page, String label, Outcomes until, Outcomes before, ToIntFunction<Outcomes> count) {
    int total = count.applyAsInt(until);
    int inMonth = total - (before == null ? 0 : count.applyAsInt(before));
    page.append("<tr><td>").append(esc(label)).append("</td><td class=\"n\">").append(GermanFormat.number(inMonth))
        .append("</td><td class=\"n\">").append(GermanFormat.number(total)).append("</td></tr>\n");
  }

  /** "November 2026" */
  static String monthName(FunderReport report) {
    return monthName(report.month());
  }

  static String monthName(java.time.YearMonth month) {
    return month.getMonth().getDisplayName(TextStyle.FULL, Locale.GERMAN) + " " + month.getYear();
  }

  private static String amount(BigDecimal value) {
    return value == null ? "–" : esc(GermanFormat.amount(value));
  }

  /** 0.125 -> "12,5 %"; absent: "–" */
  static String percent(BigDecimal ratio) {
    return ratio == null ? "–" : GermanFormat.percent(ratio);
  }

  /** "1 Kredit", "3 Kredite" */
  private static String loans(int value) {
    return GermanFormat.number(value) + (value == 1 ? " Kredit" : " Kredite");
  }

  private static String count(int value) {
    return GermanFormat.number(value);
  }

  private static String decimal(BigDecimal value) {
    return value == null ? "–" : GermanFormat.number(value.setScale(1, RoundingMode.HALF_UP));
  }

  private static String decimal(int value) {
    return GermanFormat.number(value);
  }

  static String esc(String text) {
    return Html.escape(text);
  }

  private static String sha256(String text) {
    return Html.scriptHash(text);
  }
}
