package de.quartierskredit.committee;

import static de.quartierskredit.fund.FundCapacityPolicy.format;

import de.quartierskredit.application.EligibilityPolicy;
import de.quartierskredit.application.LoanApplicationProcess;
import de.quartierskredit.document.ChecklistItemView;
import de.quartierskredit.document.LoanDocumentView;
import de.quartierskredit.document.LoanDocuments;
import de.quartierskredit.fund.FundCapacityPolicy.FundCapacity;
import de.quartierskredit.guarantor.GuarantorPolicy;
import de.quartierskredit.fund.FundReservationService;
import de.quartierskredit.shared.GermanFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * DOMAIN.md step 7: everything the committee needs to decide on one page (applicant, business,
 * request, guarantors, eligibility, SGB II, fund capacity, the application's documents with links, the
 * decision template), as markdown.
 */
@Component
class CommitteeDossier {

  private static final GuarantorPolicy GUARANTORS = new GuarantorPolicy();
  private static final Map<String, String> ROUTES = Map.of(
      "MICROCREDIT", "Zielgruppe Mikrokredit", "REFER_TO_BANK", "Verweis an eine Bank",
      "BANK_ONLY_IF_FULLY_SECURED", "Bank nur bei voller Besicherung", "SOCIAL_PROJECT", "soziales Projekt",
      "NOT_ELIGIBLE", "nicht förderfähig");

  private static final Map<String, String> STAGES = Map.of(
      "NEW_FOUNDER", "Neugründung", "TAKEOVER", "Übernahme", "EXISTING", "bestehendes Unternehmen");
  private static final Map<String, String> RECOMMENDATIONS = Map.of(
      "APPROVE", "Bewilligung empfohlen", "REJECT", "Ablehnung empfohlen");

  private final JdbcClient jdbc;
  private final FundReservationService reservations;
  private final LoanDocuments documents;

  CommitteeDossier(JdbcClient jdbc, FundReservationService reservations, LoanDocuments documents) {
    this.jdbc = jdbc;
    this.reservations = reservations;
    this.documents = documents;
  }

  /** The dossier of the loan; {@code variables} supplies the template and any eligibility results. */
  Dossier compile(String loanReference, Map<String, Object> variables) {
    Application a = jdbc.sql("""
            SELECT l.id, l.reference, l.purpose, l.amount, l.quarter_code, a.first_name, a.last_name,
                   a.sgb2_recipient, b.name AS business, b.stage, b.sector, b.city, q.name AS quarter
            FROM loan l JOIN applicant a ON a.id = l.applicant_id JOIN business b ON b.id = l.business_id
                 LEFT JOIN quarter q ON q.code = l.quarter_code
            WHERE l.reference = :reference""")
        .param("reference", loanReference)
        .query((rs, row) -> new Application(rs.getLong("id"), rs.getString("reference"), rs.getString("purpose"),
            rs.getBigDecimal("amount"), rs.getString("first_name") + " " + rs.getString("last_name"),
            rs.getBoolean("sgb2_recipient"), rs.getString("business"), rs.getString("stage"),
            rs.getString("sector"), rs.getString("city"), rs.getString("quarter")))
        .single();
    List<Guarantor> guarantors = jdbc.sql(
            "SELECT name, guaranteed_amount FROM guarantor WHERE loan_id = :id ORDER BY id")
        .param("id", a.id())
        .query((rs, row) -> new Guarantor(rs.getString("name"), rs.getBigDecimal("guaranteed_amount")))
        .list();
    Optional<String> sgb2Warning = EligibilityPolicy.sgb2Warning(a.sgb2(), a.amount());
    Optional<FundCapacity> fund = reservations.preview(loanReference);

    StringBuilder md = new StringBuilder();
    md.append("### Kreditantrag ").append(a.reference()).append("\n\n")
        .append("- **Antragsteller:in:** ").append(escape(a.applicant()))
        .append(a.sgb2() ? " (bezieht SGB II)" : "").append("\n")
        .append("- **Unternehmen:** ").append(escape(a.business())).append(", ")
        .append(STAGES.getOrDefault(a.stage(), a.stage()))
        .append(a.sector() == null ? "" : ", " + escape(a.sector()))
        .append(a.city() == null ? "" : ", " + escape(a.city())).append("\n")
        .append("- **Quartier:** ").append(a.quarter() == null ? "außerhalb der Quartiere" : a.quarter()).append("\n")
        .append("- **Verwendungszweck:** ").append(escape(a.purpose())).append("\n")
        .append("- **Betrag:** ").append(format(a.amount())).append("\n\n");
    sgb2Warning.ifPresent(warning -> md.append("**Achtung:** ").append(warning).append("\n\n"));
    appendGuarantors(md, guarantors, a.amount());
    appendEligibility(md, variables, sgb2Warning);
    md.append("### Haftung\n\n").append(fund.map(FundCapacity::reason)
        .orElse("Kredit außerhalb der Quartiere: der Mikrofinanzierer haftet (kein lokaler Haftungsfonds)."))
        .append("\n\n");
    appendDocuments(md, loanReference);
    appendTemplate(md, variables);
    return new Dossier(fitForAVariable(md.toString()), a.amount(), format(a.amount()), sgb2Warning.isPresent(),
        fund.map(f -> format(f.free())).orElse("entfällt (außerhalb der Quartiere)"));
  }

  /**
   * A string process variable holds at most 4,000 characters (ACT_RU_VARIABLE.TEXT_): a dossier with
   * very long template answers is shortened at the end, which says so; the answers themselves stay
   * in their own variables (and the history).
   */
  static String fitForAVariable(String markdown) {
    if (markdown.length() <= MAX_DOSSIER_LENGTH) {
      return markdown;
    }
    return markdown.substring(0, MAX_DOSSIER_LENGTH - SHORTENED.length()) + SHORTENED;
  }

  static final int MAX_DOSSIER_LENGTH = 3900;
  private static final String SHORTENED =
      "\n\n… (gekürzt: die vollständigen Antworten der Entscheidungsvorlage stehen im Prozessverlauf)";

  private static void appendGuarantors(StringBuilder md, List<Guarantor> guarantors, BigDecimal amount) {
    md.append("### Bürgschaften\n\n");
    if (guarantors.isEmpty()) {
      md.append("Keine Bürgen erfasst.\n\n");
      return;
    }
    BigDecimal total = BigDecimal.ZERO;
    for (Guarantor g : guarantors) {
      md.append("- ").append(escape(g.name())).append(": ").append(format(g.amount())).append("\n");
      total = total.add(g.amount());
    }
    BigDecimal percent = total.multiply(BigDecimal.valueOf(100)).divide(amount, 0, RoundingMode.HALF_UP);
    md.append("\nZusammen ").append(format(total)).append(" = ").append(percent).append(" % des Betrags ")
        .append(total.compareTo(GUARANTORS.requiredCoverage(amount)) >= 0
            ? "(mindestens die Hälfte ist gedeckt)." : "(**weniger als die Hälfte gedeckt**).")
        .append("\n\n");
  }

  /** Eligibility results of loan-application (its Task_CheckEligibility), when the caller passed them on. */
  private static void appendEligibility(StringBuilder md, Map<String, Object> variables, Optional<String> shownAbove) {
    Object route = variables.get(LoanApplicationProcess.Variables.ELIGIBILITY_ROUTE);
    Object reason = variables.get(LoanApplicationProcess.Variables.ELIGIBILITY_REASON);
    Object warnings = variables.get(LoanApplicationProcess.Variables.ELIGIBILITY_WARNINGS);
    if (route == null && reason == null) {
      return;
    }
    md.append("### Förderfähigkeit\n\n");
    if (route != null) {
      md.append("- **Ergebnis:** ").append(ROUTES.getOrDefault(route.toString(), escape(route.toString()))).append("\n");
    }
    if (reason != null) {
      md.append("- **Begründung:** ").append(escape(reason.toString())).append("\n");
    }
    if (warnings != null && !warnings.toString().isBlank()) {
      for (String warning : warnings.toString().split("\n")) {
        if (shownAbove.map(warning::equals).orElse(false)) {
          continue;
        }
        md.append("- **Hinweis:** ").append(escape(warning)).append("\n");
      }
    }
    md.append("\n");
  }

  /**
   * The application's checklist as it stands when the dossier is compiled, each present document linked
   * (root-relative: Tasklist and our API share the origin), and the Unterlagen page where documents
   * uploaded later are found.
   */
  private void appendDocuments(StringBuilder md, String reference) {
    List<LoanDocumentView> files = documents.of(reference);
    md.append("### Unterlagen\n\n");
    for (ChecklistItemView item : documents.checklist(reference)) {
      if (!LoanDocuments.APPLICATION_STAGE.equals(item.stage())) {
        continue;
      }
      md.append("- ").append(escape(item.label())).append(item.required() ? "" : " (freiwillig)").append(": ");
      Optional<LoanDocumentView> current = files.stream()
          .filter(f -> item.currentDocumentId() != null && f.id() == item.currentDocumentId()).findFirst();
      if (current.isPresent()) {
        md.append("[").append(escape(current.get().fileName())).append("](").append(current.get().downloadUrl())
            .append(") vom ").append(GermanFormat.date(current.get().uploadedAt().toLocalDate()));
      } else {
        md.append(item.required() ? "**fehlt**" : "nicht eingereicht");
      }
      md.append("\n");
    }
    md.append("\nNachgereichte Unterlagen und alle Dateien: [Unterlagen zum Kredit ").append(reference).append("](/api/loans/")
        .append(reference).append("/unterlagen). Fehlt eine erforderliche Unterlage, braucht eine Bewilligung eine "
            + "Begründung.\n\n");
  }

  private static void appendTemplate(StringBuilder md, Map<String, Object> variables) {
    md.append("### Entscheidungsvorlage\n\n")
        .append("**Verbessert der Kredit die persönliche und wirtschaftliche Lage?** ")
        .append(escape(String.valueOf(variables.get(CommitteeDecisionProcess.Variables.IMPROVES_SITUATION))))
        .append("\n\n**Kann und wird die Person zurückzahlen, auch wenn das Geschäft aufgegeben wird?** ")
        .append(escape(String.valueOf(variables.get(CommitteeDecisionProcess.Variables.CAN_REPAY))))
        .append("\n\n**Empfehlung:** ").append(RECOMMENDATIONS.getOrDefault(
            String.valueOf(variables.get(CommitteeDecisionProcess.Variables.RECOMMENDATION)), "keine"))
        .append("\n");
    Object notes = variables.get(CommitteeDecisionProcess.Variables.TEMPLATE_NOTES);
    if (notes != null && !notes.toString().isBlank()) {
      md.append("\n**Anmerkungen:** ").append(escape(notes.toString())).append("\n");
    }
  }

  /** Caseworkers' text goes into markdown: characters that would format or link are escaped. */
  static String escape(String text) {
    return text == null ? "" : text.replaceAll("([\\\\`*_{}\\[\\]<>()#+!|])", "\\\\$1").replace("\n", " ");
  }

  private record Application(long id, String reference, String purpose, BigDecimal amount, String applicant,
      boolean sgb2, String business, String stage, String sector, String city, String quarter) {}

  private record Guarantor(String name, BigDecimal amount) {}

  /** The compiled dossier and the plain values the forms show beside it. */
  record Dossier(String markdown, BigDecimal amount, String amountText, boolean sgb2Warning,
      String fundFreeCapacityText) {}
}
