package de.quartierskredit.portfolio;

import de.quartierskredit.portfolio.PortfolioReport.ScopeFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The 10 % standard in words, as a manager reads it on the Cockpit dashboard (DOMAIN.md "What
 * managers watch"): whether it holds on a date, for the whole system and in every quarter, and where
 * it is broken. German sentences with German percentages; the figures come from a {@link PortfolioReport}.
 *
 * @param holds true when no scope is above 10 % (exactly 10 % is within the standard)
 * @param summary one or two sentences, e.g. "Standard verfehlt in Leipzig: 14,3 % gestört (Grenze 10 %)."
 * @param scopes each quarter, outside the quarters and the whole system with its word for the standard
 */
public record StandardVerdict(LocalDate asOf, boolean holds, String summary, List<ScopeVerdict> scopes) {

  static final String HOLDS = "eingehalten";
  static final String BROKEN = "verfehlt";
  private static final String LIMIT = "(Grenze 10 %)";

  public StandardVerdict {
    scopes = List.copyOf(scopes);
  }

  /** One scope against the standard: {@code status} is "eingehalten" or "verfehlt". */
  public record ScopeVerdict(String scope, String name, BigDecimal disturbanceRate, boolean holds, String status) {}

  /** The verdict on the report's date, over the scopes the report holds (all, or a caller's own quarters). */
  public static StandardVerdict of(PortfolioReport report) {
    ScopeFigures system = report.system();
    List<ScopeFigures> all = new ArrayList<>(report.scopes());
    boolean wholeSystem = PortfolioReport.ALL.equals(system.scope());
    if (wholeSystem) {
      all.add(0, system);
    }
    List<ScopeVerdict> verdicts = all.stream().map(s -> new ScopeVerdict(s.scope(), s.name(), s.disturbanceRate(),
        !s.aboveStandard(), s.aboveStandard() ? BROKEN : HOLDS)).toList();
    List<ScopeFigures> broken = all.stream().filter(ScopeFigures::aboveStandard).toList();
    boolean holds = broken.isEmpty() && !system.aboveStandard();
    return new StandardVerdict(report.asOf(), holds, holds ? held(report, wholeSystem) : brokenIn(broken, system), verdicts);
  }

  private static String held(PortfolioReport report, boolean wholeSystem) {
    ScopeFigures system = report.system();
    if (system.loansOutstanding() == 0) {
      return "Standard " + HOLDS + ": keine ausstehenden Kredite.";
    }
    String everywhere = "";
    if (wholeSystem && !report.scopes().isEmpty()) {
      boolean outside = report.scopes().stream().anyMatch(s -> PortfolioReport.OUTSIDE.equals(s.scope()));
      everywhere = outside ? ", in jedem Quartier und außerhalb der Quartiere höchstens 10 %"
          : ", in jedem Quartier höchstens 10 %";
    }
    return "Standard " + HOLDS + ": " + where(system) + " " + percent(system) + " der ausstehenden Kredite gestört"
        + everywhere + " " + LIMIT + ".";
  }

  private static String brokenIn(List<ScopeFigures> broken, ScopeFigures system) {
    List<String> places = broken.stream().map(s -> where(s) + ": " + percent(s) + " gestört").toList();
    String sentence = "Standard " + BROKEN + " " + String.join(", ", places) + " " + LIMIT + ".";
    if (PortfolioReport.ALL.equals(system.scope()) && !system.aboveStandard()) {
      sentence += " Im gesamten System " + percent(system) + " gestört.";
    }
    return sentence;
  }

  /** "in Leipzig", "außerhalb der Quartiere", "im gesamten System". */
  static String where(ScopeFigures scope) {
    return switch (scope.scope()) {
      case PortfolioReport.ALL -> "im gesamten System";
      case PortfolioReport.OUTSIDE -> "außerhalb der Quartiere";
      case "OWN" -> "in den eigenen Quartieren";
      default -> "in " + scope.name();
    };
  }

  /**
   * German percentage with one decimal ("14,3 %"); with two where one would round a breach down to
   * the limit ("10,01 %"), so that the number never contradicts the verdict.
   */
  static String percent(ScopeFigures scope) {
    BigDecimal points = scope.disturbanceRate().movePointRight(2);
    BigDecimal shown = points.setScale(1, RoundingMode.HALF_UP);
    if (scope.aboveStandard() && shown.compareTo(BigDecimal.TEN) <= 0) {
      shown = points.setScale(2, RoundingMode.UP);
    }
    return shown.toPlainString().replace('.', ',') + " %";
  }
}
