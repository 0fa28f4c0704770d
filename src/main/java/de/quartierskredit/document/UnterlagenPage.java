package de.quartierskredit.document;

import de.quartierskredit.document.DocumentRequests.Listing;
import de.quartierskredit.loan.LoanSummary;
import de.quartierskredit.shared.GermanFormat;
import de.quartierskredit.shared.Html;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page "Unterlagen" of one loan ({@code /api/loans/{reference}/unterlagen}), linked from the task forms
 * and the committee's dossier: the checklist of the stages the loan has reached with each item's status, an
 * upload per item, every file with a download link, replaced files marked. Server-rendered, every text
 * escaped; its one script uploads with the login session's CSRF token (a meta element) and shows the
 * server's German refusal. The browser's own file button would speak the browser's language ("Choose
 * File"): it is hidden behind a German label. The content security policy allows the script by its hash
 * and nothing else.
 */
final class UnterlagenPage {

  static final String SCRIPT = """
      (function () {
        var token = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
        document.querySelectorAll('form.upload').forEach(function (form) {
          var picker = form.querySelector('input[type="file"]');
          picker.addEventListener('change', function () {
            form.querySelector('.chosen').textContent = picker.files.length ? picker.files[0].name : 'keine Datei gewählt';
          });
          form.addEventListener('submit', function (event) {
            event.preventDefault();
            var out = form.querySelector('.message');
            var input = form.querySelector('input[type="file"]');
            if (!input.files.length) { out.textContent = 'Bitte zuerst eine Datei wählen.'; return; }
            var data = new FormData();
            data.append('file', input.files[0]);
            data.append('stage', form.getAttribute('data-stage'));
            data.append('type', form.getAttribute('data-type'));
            out.textContent = 'Wird hochgeladen …';
            out.className = 'message';
            fetch(form.getAttribute('data-action'), {method: 'POST', body: data, credentials: 'same-origin',
                headers: {'X-XSRF-TOKEN': token, 'Accept': 'application/json'}})
              .then(function (response) {
                if (response.ok) { window.location.reload(); return; }
                return response.json().then(function (problem) {
                  var text = problem.detail || 'Das Hochladen ist fehlgeschlagen.';
                  if (problem.errors && problem.errors.length) {
                    text = problem.errors.map(function (e) { return e.message; }).join(' ');
                  }
                  out.textContent = text;
                  out.className = 'message refused';
                }, function () {
                  out.textContent = 'Das Hochladen ist fehlgeschlagen (Fehler ' + response.status + ').';
                  out.className = 'message refused';
                });
              }, function () {
                out.textContent = 'Keine Verbindung zum Server; bitte später noch einmal versuchen.';
                out.className = 'message refused';
              });
          });
        });
      })();
      """;

  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-"
      + sha256(SCRIPT) + "'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

  private static final String STYLE = """
      body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 13px; color: #222; margin: 24px; max-width: 1100px; }
      h1 { font-size: 20px; margin-bottom: 2px; } h2 { font-size: 15px; margin: 22px 0 6px; border-bottom: 1px solid #999; }
      p.meta { color: #555; margin-top: 0; } table { border-collapse: collapse; width: 100%; }
      th, td { border: 1px solid #bbb; padding: 4px 6px; vertical-align: top; text-align: left; }
      th { background: #f2f2f2; } .hint { color: #555; font-size: 11px; display: block; }
      .status-vorhanden { color: #2e7d32; font-weight: bold; } .status-fehlt { color: #c62828; font-weight: bold; }
      .status-nicht-erforderlich { color: #555; } tr.withdrawn td { color: #777; } .message { display: block; margin-top: 4px; }
      .refused { color: #c62828; font-weight: bold; } .note { color: #555; font-size: 11px; }
      label.pick { border: 1px solid #888; border-radius: 3px; padding: 1px 8px; background: #f2f2f2; cursor: pointer; }
      label.pick input { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
      label.pick:focus-within { outline: 2px solid #1565c0; } .chosen { color: #555; }
      """;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private UnterlagenPage() {}

  static String render(Listing listing, LoanSummary loan, String csrfToken) {
    String reference = listing.reference();
    StringBuilder page = new StringBuilder(8192);
    String title = "Unterlagen zum Kredit " + reference;
    page.append("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><meta name=\"csrf-token\" content=\"")
        .append(esc(csrfToken)).append("\"><title>").append(esc(title)).append("</title><style>").append(STYLE)
        .append("</style></head><body>\n<h1>").append(esc(title)).append("</h1>\n");
    if (loan != null) {
      page.append("<p class=\"meta\">").append(esc(loan.borrowerName())).append(" · ").append(esc(loan.businessName()))
          .append(" · ").append(loan.quarterName() == null ? "außerhalb der Quartiere" : "Quartier " + esc(loan.quarterName()))
          .append(" · ").append(esc(GermanFormat.amount(loan.amount()))).append("</p>\n");
    }
    Map<String, List<ChecklistItemView>> stages = new LinkedHashMap<>();
    listing.checklist().forEach(item -> stages.computeIfAbsent(item.stage(), s -> new java.util.ArrayList<>()).add(item));
    stages.forEach((stage, items) -> {
      boolean upload = listing.uploadStages().contains(stage);
      page.append("<h2>Checkliste ").append(esc(items.get(0).stageLabel())).append("</h2>\n<table class=\"checklist\" data-stage=\"")
          .append(esc(stage)).append("\"><tr><th>Unterlage</th><th>Status</th><th>aktuelle Datei</th>")
          .append(upload ? "<th>hochladen</th>" : "").append("</tr>\n");
      for (ChecklistItemView item : items) {
        page.append("<tr data-type=\"").append(esc(item.type())).append("\"><td>").append(esc(item.label()))
            .append(item.required() ? "" : " (freiwillig)").append("<span class=\"hint\">").append(esc(item.hint()))
            .append("</span></td><td class=\"status status-").append(esc(item.status().replace(' ', '-'))).append("\">")
            .append(esc(item.status())).append("</td><td>");
        LoanDocumentView current = item.currentDocumentId() == null ? null : listing.documents().stream()
            .filter(d -> d.id() == item.currentDocumentId()).findFirst().orElse(null);
        page.append(current == null ? "–" : fileLink(current) + "<span class=\"hint\">" + esc(uploaded(current)) + "</span>");
        page.append("</td>");
        if (upload) {
          page.append("<td><form class=\"upload\" data-action=\"documents\" data-stage=\"").append(esc(stage))
              .append("\" data-type=\"").append(esc(item.type())).append("\"><label class=\"pick\">Datei wählen")
              .append("<input type=\"file\" name=\"file\" accept=\"application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png\" ")
              .append("aria-label=\"Datei für ").append(esc(item.label())).append("\"></label> <span class=\"chosen\">keine ")
              .append("Datei gewählt</span> <button type=\"submit\">")
              .append(current == null ? "Hochladen" : "Ersetzen").append("</button><output class=\"message\"></output></form></td>");
        }
        page.append("</tr>\n");
      }
      page.append("</table>\n");
    });
    if (!listing.uploadStages().isEmpty()) {
      page.append("<p class=\"note\">Angenommen werden PDF-, JPEG- und PNG-Dateien bis ").append(esc(listing.maxSize()))
          .append("; geprüft wird der Inhalt, nicht der Name. Eine neue Datei ersetzt die bisherige desselben Punkts; ")
          .append("die ersetzte bleibt unten als ersetzt aufgeführt.</p>\n");
    }
    page.append("<h2>Alle Dateien</h2>\n");
    if (listing.documents().isEmpty()) {
      page.append("<p>Noch keine Unterlagen hochgeladen.</p>\n");
    } else {
      page.append("<table class=\"documents\"><tr><th>Unterlage</th><th>Datei</th><th>Größe</th><th>hochgeladen</th>")
          .append("<th>Stand</th></tr>\n");
      for (LoanDocumentView d : listing.documents()) {
        page.append("<tr class=\"").append(d.withdrawn() || d.erased() ? "withdrawn" : "current").append("\" data-id=\"")
            .append(d.id()).append("\"><td>").append(esc(d.stageLabel())).append(": ").append(esc(d.typeLabel()))
            .append("</td><td>").append(fileLink(d)).append("</td><td>").append(esc(size(d.sizeBytes())))
            .append("</td><td>").append(esc(uploaded(d))).append("</td><td class=\"state\">").append(esc(state(d)))
            .append("</td></tr>\n");
      }
      page.append("</table>\n");
    }
    page.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
    return page.toString();
  }

  private static String fileLink(LoanDocumentView d) {
    if (d.erased()) {
      return "(gelöscht)";
    }
    if (d.downloadUrl() == null) {
      return esc(kind(d.contentType())) + " (nur für die Sachbearbeitung)";
    }
    return "<a class=\"download\" href=\"documents/" + d.id() + "\">" + esc(d.fileName()) + "</a>";
  }

  private static String state(LoanDocumentView d) {
    if (d.erased()) {
      return "gelöscht (Aufbewahrungsfrist abgelaufen)";
    }
    if (d.withdrawn()) {
      return "ersetzt am " + dateTime(d.withdrawnAt()) + " von " + d.withdrawnBy();
    }
    return "aktuell";
  }

  private static String uploaded(LoanDocumentView d) {
    return dateTime(d.uploadedAt()) + " von " + d.uploadedBy();
  }

  static String dateTime(LocalDateTime at) {
    return at == null ? "" : GermanFormat.date(at.toLocalDate()) + " " + TIME.format(at) + " Uhr";
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return GermanFormat.number(bytes) + " Byte";
    }
    if (bytes < 1024 * 1024) {
      return GermanFormat.number((bytes + 1023) / 1024) + " KB";
    }
    return GermanFormat.number(java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024 * 1024),
        1, java.math.RoundingMode.HALF_UP)) + " MB";
  }

  private static String kind(String contentType) {
    return switch (contentType) {
      case FileContentPolicy.PDF -> "PDF";
      case FileContentPolicy.JPEG -> "JPEG-Bild";
      case FileContentPolicy.PNG -> "PNG-Bild";
      default -> "Datei";
    };
  }

  static String esc(String text) {
    return Html.escape(text);
  }

  private static String sha256(String text) {
    return Html.scriptHash(text);
  }
}
