package de.quartierskredit.loanfile;

import de.quartierskredit.loanfile.LoanFile.*;
import de.quartierskredit.shared.Html;
import java.util.List;
import java.util.function.Function;

/**
 * The loan file as a German page to read on screen and to print (or save as PDF with the browser):
 * server-rendered, every value escaped, a print stylesheet with a header naming the reference and
 * the print date on every section, each section on a new sheet, no buttons or links on paper. The
 * page runs one script (the print button), allowed by its hash; nothing loads from elsewhere.
 */
final class LoanFilePage {

  private static final String PRINT_SCRIPT =
      "document.getElementById('print').addEventListener('click', function () { window.print(); });";
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-"
      + sha256(PRINT_SCRIPT) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

  private static final String STYLE = """
      body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 13px; color: #222; margin: 24px; max-width: 1100px; }
      h1 { font-size: 21px; margin-bottom: 2px; } h2 { font-size: 16px; margin: 26px 0 6px; border-bottom: 1px solid #999; }
      h3 { font-size: 13px; margin: 12px 0 4px; } p.meta { color: #555; margin-top: 0; }
      table { border-collapse: collapse; margin-bottom: 8px; } th, td { border: 1px solid #bbb; padding: 3px 6px; vertical-align: top; }
      th { background: #f2f2f2; text-align: left; } td.n { text-align: right; white-space: nowrap; }
      table.facts th { width: 230px; } tr.arrears td { background: #fdecea; } .erased { color: #888; font-style: italic; }
      .holds { color: #2e7d32; font-weight: bold; } .broken { color: #c62828; font-weight: bold; }
      .note { color: #555; font-size: 11px; } nav a { margin-right: 12px; } button { font-size: 14px; padding: 4px 12px; }
      .print-only { display: none; }
      @page { size: A4; margin: 14mm 12mm; }
      @media print { body { margin: 0; font-size: 10px; max-width: none; } .no-print { display: none !important; }
        .print-only { display: block; color: #555; font-size: 9px; border-bottom: 1px solid #999; margin-bottom: 6px; }
        section { break-before: page; } section.first { break-before: auto; } h2 { break-after: avoid; }
        tr { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
      """;

  private LoanFilePage() {}

  static String render(LoanFile file) {
    StringBuilder page = new StringBuilder(32_768);
    String title = "Kreditakte " + file.reference();
    String runningHead = title + " · " + file.business().name() + " · gedruckt am " + file.printedOn();
    page.append("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
        .append("</title><style>").append(STYLE).append("</style></head><body>\n");
    page.append("<header><h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">")
        .append(esc(file.business().name())).append(" · Stand: ").append(esc(file.stateLabel()))
        .append(" · gedruckt am ").append(esc(file.printedOn())).append("</p>\n");
    if (file.personalDataErased()) {
      page.append("<p class=\"erased\">Die personenbezogenen Daten dieses Kredits sind nach Ablauf der "
          + "Aufbewahrungsfrist gelöscht; die Zahlen bleiben erhalten.</p>\n");
    }
    page.append("<p class=\"no-print\"><button id=\"print\" type=\"button\">Drucken / als PDF speichern</button></p>\n")
        .append("<nav class=\"no-print\">");
    for (String[] link : List.of(new String[] {"antrag", "Antrag"}, new String[] {"buergen", "Bürgen"},
        new String[] {"ausschuss", "Vergabeausschuss"}, new String[] {"vertrag", "Vertrag"},
        new String[] {"tilgung", "Tilgung und Zahlungen"}, new String[] {"begleitung", "Begleitung"},
        new String[] {"unterlagen", "Unterlagen"}, new String[] {"pruefpfad", "Prüfpfad"},
        new String[] {"zeitleiste", "Zeitleiste"})) {
      page.append("<a href=\"#").append(link[0]).append("\">").append(link[1]).append("</a>");
    }
    page.append("</nav></header>\n");

    section(page, "antrag", "Antragsteller, Betrieb und Antrag", runningHead, true);
    Applicant a = file.applicant();
    Business b = file.business();
    Application ap = file.application();
    facts(page, new String[][] {
        {"Antragsteller/in", a.name()}, {"E-Mail", a.email()}, {"Telefon", a.phone()}, {"SGB II", a.sgb2Recipient()},
        {"Betrieb", b.name()}, {"Vorhaben", b.stage()}, {"Branche", b.sector()}, {"Anschrift", b.address()},
        {"Quartier", b.quarter()}, {"Verwendungszweck", ap.purpose()}, {"beantragter Betrag", ap.requestedAmount()},
        {"bewilligter Betrag", ap.grantedAmount()}, {"Förderweg (Zielgruppe)", ap.eligibilityRoute()},
        {"beantragt am", ap.appliedOn()}, {"bewilligt am", ap.approvedOn()}, {"Vertrag am", ap.contractedOn()},
        {"ausgezahlt am", ap.disbursedOn()}, {"abgeschlossen am", ap.closedOn()}, {"Grund des Abschlusses", ap.endedReason()}});
    page.append("<h3>Beratung</h3>\n");
    facts(page, new String[][] {{"Beraten von", file.advice().advisor()}, {"am", file.advice().on()},
        {"Ergebnis", file.advice().result()}});
    page.append("</section>\n");

    section(page, "buergen", "Bürgen und Deckung", runningHead, false);
    Guarantors g = file.guarantors();
    table(page, List.of("Name", "Kontakt", "Bürgschaft", "in Anspruch genommen"), g.list(),
        r -> List.of(cell(r.name()), cell(r.contact()), num(r.amount()), num(r.recovered())));
    facts(page, new String[][] {{"Bürgschaften zusammen", g.covered()}, {"nötig (Hälfte des Betrags)", g.required()},
        {"Anteil am Kreditbetrag", g.shareOfAmount()}});
    page.append("<p class=\"").append(g.ruleMet() ? "holds" : "broken").append("\">").append(esc(g.ruleText()))
        .append("</p>\n</section>\n");

    section(page, "ausschuss", "Vergabeausschuss", runningHead, false);
    if (file.committeeDecisions().isEmpty()) {
      page.append("<p>Der Vergabeausschuss hat noch nicht entschieden.</p>\n");
    }
    for (CommitteeDecision d : file.committeeDecisions()) {
      page.append("<h3>Entscheidung vom ").append(esc(d.decidedOn())).append(": ").append(esc(d.decision())).append("</h3>\n");
      facts(page, new String[][] {{"Begründung", d.reason()}, {"Betrag", d.amount()}, {"Abstimmung", d.votes()},
          {"eingetragen von", d.decidedBy()}, {"fehlende Unterlagen", d.missingDocuments()},
          {"Begründung für fehlende Unterlagen", d.missingDocumentsReason()}});
    }
    Fund f = file.fund();
    page.append("<h3>Haftung</h3>\n");
    facts(page, new String[][] {{"Haftung", f.liableParty()}, {"Fonds", f.fundName()},
        {"reserviert", f.reservedPrincipal()}, {"Restschuld", f.outstandingPrincipal()}});
    page.append("</section>\n");

    section(page, "vertrag", "Kreditvertrag", runningHead, false);
    Contract c = file.contract();
    facts(page, new String[][] {{"Empfehlung an die Bank", c.recommendationSentOn()}, {"Vertragsnummer der Bank", c.contractNumber()},
        {"unterschrieben am", c.signedOn()}, {"ausgezahlt am", c.disbursedOn()}, {"Betrag", c.amount()},
        {"Laufzeit", c.termMonths()}, {"Zinssatz", c.interestRate()}});
    page.append("</section>\n");

    section(page, "tilgung", "Tilgungsplan, Zahlungen und Rückstand", runningHead, false);
    Repayment r = file.repayment();
    facts(page, new String[][] {{"bezahlte Raten des aktuellen Plans", r.instalmentsPaid()}, {"Rückstand heute", r.arrears()},
        {"nächste Rate", r.nextInstalment() + (r.nextDueOn().equals("–") ? "" : " am " + r.nextDueOn())},
        {"gestört", r.disturbed()}, {"gestört seit", r.disturbedSince()}});
    Schedule s = file.schedule();
    if (s == null) {
      page.append("<p>Es gibt noch keinen Tilgungsplan.</p>\n");
    } else {
      page.append("<h3>Tilgungsplan Version ").append(s.version()).append(" (").append(s.versions())
          .append(s.versions() == 1 ? " Version" : " Versionen").append(" insgesamt)</h3>\n");
      facts(page, new String[][] {{"Grund", s.reason()}, {"erstellt am", s.createdOn()}, {"Kapital", s.principal()},
          {"Zinssatz", s.interestRate()}});
      page.append("<table><tr><th>Rate</th><th>fällig am</th><th>Rate</th><th>Zins</th><th>Tilgung</th><th>bezahlt</th>"
          + "<th>Stand</th></tr>\n");
      for (LoanFile.ScheduleLine line : s.lines()) {
        page.append(line.inArrears() ? "<tr class=\"arrears\">" : "<tr>").append(num(String.valueOf(line.instalmentNo())))
            .append(cell(line.dueOn())).append(num(line.instalment())).append(num(line.interest())).append(num(line.principal()))
            .append(num(line.paid())).append(cell(line.state() + (line.inArrears() ? " (im Rückstand)" : ""))).append("</tr>\n");
      }
      page.append("</table>\n");
    }
    page.append("<h3>Meldungen der Bank</h3>\n");
    table(page, List.of("Wertstellung", "Meldung", "Betrag", "eingegangen am", "Ergebnis"), file.payments(),
        p -> List.of(cell(p.valueDate()), cell(p.type()), num(p.amount()), cell(p.receivedOn()), cell(p.answer())));
    page.append("</section>\n");

    section(page, "begleitung", "Begleitung: Kontakte, Frühwarnungen, Interventionen, Tilgungsplanänderungen", runningHead, false);
    page.append("<h3>Kontakte mit dem Kreditnehmer</h3>\n");
    table(page, List.of("Monat", "am", "Art", "Weg", "Ergebnis", "Lage des Betriebs", "Notiz", "erfasst von"), file.contacts(),
        k -> List.of(cell(k.month()), cell(k.contactedOn()), cell(k.kind()), cell(k.channel()), cell(k.outcome()),
            cell(k.businessSituation()), cell(k.notes()), cell(k.recordedBy())));
    if (!file.missedContacts().isEmpty()) {
      page.append("<h3>Versäumte Monatskontakte</h3>\n");
      table(page, List.of("Monat", "fällig bis", "nachgeholt am", "Grund", "Maßnahme", "geklärt von"), file.missedContacts(),
          m -> List.of(cell(m.month()), cell(m.dueOn()), cell(m.fulfilledOn()), cell(m.reason()), cell(m.action()),
              cell(m.clarifiedBy())));
    }
    page.append("<h3>Frühwarnungen</h3>\n");
    table(page, List.of("seit", "Gründe", "beendet am", "beendet weil"), file.warnings(),
        w -> List.of(cell(w.raisedOn()), cell(w.reasons()), cell(w.clearedOn()), cell(w.clearedBecause())));
    page.append("<h3>Interventionen</h3>\n");
    for (Intervention i : file.interventions()) {
      facts(page, new String[][] {{"eröffnet am", i.openedOn()}, {"gestört seit", i.disturbedSince()},
          {"Rückstand bei Eröffnung", i.arrears()}, {"Ausfall droht ab", i.defaultDueOn()}, {"Maßnahmen", i.measures()},
          {"weiche Themen", i.softTopics()}, {"nächster Schritt", i.nextStep()}, {"Plan vereinbart von", i.planAgreedBy()},
          {"Plan vereinbart am", i.planAgreedOn()}, {"Tilgungsplanänderung", i.reschedulingOutcome()},
          {"Ergebnis", i.outcome()}, {"abgeschlossen am", i.closedOn()}});
    }
    if (file.interventions().isEmpty()) {
      page.append("<p>Keine.</p>\n");
    }
    page.append("<h3>Tilgungsplanänderungen</h3>\n");
    table(page, List.of("Art", "Grund", "beantragt am", "beantragt von", "Raten", "Rate", "Pause", "Stand",
            "entschieden am", "entschieden von", "Kommentar", "Plan"), file.reschedulings(),
        x -> List.of(cell(x.kind()), cell(x.reason()), cell(x.submittedOn()), cell(x.submittedBy()), cell(x.instalments()),
            num(x.instalment()), cell(x.pauseMonths()), cell(x.status()), cell(x.decidedOn()), cell(x.decidedBy()),
            cell(x.comment()), cell(x.scheduleVersion())));
    if (file.writeOff() != null) {
      WriteOff w = file.writeOff();
      page.append("<h3>Abschreibung</h3>\n");
      facts(page, new String[][] {{"beantragt von", w.requestedBy()}, {"beantragt am", w.requestedOn()},
          {"freigegeben von", w.approvedBy()}, {"freigegeben am", w.approvedOn()},
          {"Zurückweisungen", w.rejections().isEmpty() ? "–" : String.join("; ", w.rejections())}});
      table(page, List.of("Bürge", "gezahlt", "erfasst von", "am"), w.recoveries(),
          x -> List.of(cell(x.guarantor()), num(x.amount()), cell(x.recordedBy()), cell(x.recordedOn())));
      table(page, List.of("Verlust trägt", "Betrag", "verbucht am"), w.losses(),
          x -> List.of(cell(x.bearer()), num(x.amount()), cell(x.allocatedOn())));
    }
    page.append("</section>\n");

    section(page, "unterlagen", "Unterlagen", runningHead, false);
    page.append("<p class=\"no-print\"><a href=\"unterlagen\">Unterlagen hochladen und verwalten</a></p>\n");
    if (file.documents() == null) {
      page.append("<p>Die Unterlagen stehen auf der Seite Unterlagen des Kredits.</p>\n");
    } else {
      page.append("<h3>Checkliste</h3>\n");
      table(page, List.of("Abschnitt", "Unterlage", "Pflicht", "Stand"), file.documents().checklist(),
          item -> List.of(cell(item.stage()), cell(item.item()), cell(item.required()), cell(item.status())));
      page.append("<h3>Gespeicherte Dateien</h3>\n");
      table(page, List.of("Abschnitt", "Unterlage", "Datei", "hochgeladen von", "am", "Stand"), file.documents().files(),
          d -> List.of(cell(d.stage()), cell(d.type()), d.downloadUrl() == null ? cell(d.fileName())
              : "<td><a href=\"" + esc(d.downloadUrl()) + "\">" + esc(d.fileName()) + "</a></td>",
              cell(d.uploadedBy()), cell(d.uploadedOn()), cell(d.status())));
    }
    page.append("</section>\n");

    if (file.audit() != null) {
      section(page, "pruefpfad", "Prüfpfad", runningHead, false);
      page.append("<p class=\"").append(file.audit().chainIntact() ? "holds" : "broken").append("\">")
          .append(esc(file.audit().chainText())).append("</p>\n");
      table(page, List.of("Nr.", "am", "Vorgang", "Person", "zweite Person (Vier-Augen-Prinzip)", "Einzelheiten"),
          file.audit().entries(), e -> List.of(num(String.valueOf(e.sequenceNo())), cell(e.on()), cell(e.action()),
              cell(e.actor()), cell(e.secondActor()), cell(e.description())));
      page.append("</section>\n");
    }

    section(page, "zeitleiste", "Zeitleiste", runningHead, false);
    table(page, List.of("Datum", "Schritt", "Person", "Einzelheiten"), file.timeline(),
        t -> List.of(cell(t.on()), cell(t.step()), cell(t.person()), cell(t.detail())));
    page.append("</section>\n<script>").append(PRINT_SCRIPT).append("</script>\n</body></html>\n");
    return page.toString();
  }

  private static void section(StringBuilder page, String id, String heading, String runningHead, boolean first) {
    page.append("<section id=\"").append(id).append("\"").append(first ? " class=\"first\"" : "").append(">\n")
        .append(first ? "" : "<div class=\"print-only\">" + esc(runningHead) + "</div>\n")
        .append("<h2>").append(esc(heading)).append("</h2>\n");
  }

  private static void facts(StringBuilder page, String[][] rows) {
    page.append("<table class=\"facts\">");
    for (String[] row : rows) {
      page.append("<tr><th>").append(esc(row[0])).append("</th>").append(cell(row[1])).append("</tr>");
    }
    page.append("</table>\n");
  }

  private static <T> void table(StringBuilder page, List<String> headers, List<T> rows, Function<T, List<String>> cells) {
    if (rows == null || rows.isEmpty()) {
      page.append("<p>Keine.</p>\n");
      return;
    }
    page.append("<table><tr>");
    headers.forEach(h -> page.append("<th>").append(esc(h)).append("</th>"));
    page.append("</tr>\n");
    for (T row : rows) {
      page.append("<tr>");
      cells.apply(row).forEach(page::append);
      page.append("</tr>\n");
    }
    page.append("</table>\n");
  }

  /** A table cell with escaped text; erased personal data in grey. */
  private static String cell(String text) {
    return LoanFile.ERASED.equals(text) ? "<td class=\"erased\">gelöscht</td>" : "<td>" + esc(text) + "</td>";
  }

  private static String num(String text) {
    return "<td class=\"n\">" + esc(text) + "</td>";
  }

  static String esc(String text) {
    return text == null ? "–" : Html.escape(text);
  }

  private static String sha256(String text) {
    return Html.scriptHash(text);
  }
}
