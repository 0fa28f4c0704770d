package de.quartierskredit.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.portfolio.PortfolioReport.ScopeFigures;
import de.quartierskredit.portfolio.StandardVerdict.ScopeVerdict;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words the Cockpit dashboard shows for the 10 % standard, from hand-made figures. */
class StandardVerdictTest {

  private static final LocalDate DATE = LocalDate.of(2026, 11, 15);

  private static ScopeFigures scope(String code, String name, int disturbed, int outstanding) {
    return new ScopeFigures(code, name, outstanding, BigDecimal.valueOf(outstanding * 5000L), disturbed,
        BigDecimal.valueOf(disturbed * 5000L), DisturbanceStandardPolicy.rate(disturbed, outstanding),
        DisturbanceStandardPolicy.aboveStandard(disturbed, outstanding));
  }

  /** A report over the given scopes with their sum as the whole system. */
  private static PortfolioReport report(ScopeFigures... scopes) {
    int disturbed = 0;
    int outstanding = 0;
    for (ScopeFigures s : scopes) {
      disturbed += s.loansDisturbed();
      outstanding += s.loansOutstanding();
    }
    return new PortfolioReport(DATE, List.of(scopes), scope("ALL", "gesamtes System", disturbed, outstanding),
        List.of(), null, null);
  }

  @Test
  void shouldSayTheStandardHoldsWithTheOverallRateWhenNoScopeIsAbove10Percent() {
    StandardVerdict verdict = StandardVerdict.of(report(scope("offenbach", "Offenbach", 1, 10),
        scope("leipzig", "Leipzig", 0, 7), scope("OUTSIDE", "außerhalb der Quartiere", 0, 3)));

    assertThat(verdict.holds()).isTrue();
    assertThat(verdict.asOf()).isEqualTo(DATE);
    assertThat(verdict.summary()).isEqualTo("Standard eingehalten: im gesamten System 5,0 % der ausstehenden Kredite "
        + "gestört, in jedem Quartier und außerhalb der Quartiere höchstens 10 % (Grenze 10 %).");
    assertThat(verdict.scopes()).extracting(ScopeVerdict::scope).containsExactly("ALL", "offenbach", "leipzig", "OUTSIDE");
    assertThat(verdict.scopes()).extracting(ScopeVerdict::status).containsOnly("eingehalten");
  }

  @Test
  void shouldNameTheQuarterThatBreaksTheStandardAndStillGiveTheOverallRate() {
    StandardVerdict verdict = StandardVerdict.of(report(scope("offenbach", "Offenbach", 0, 10),
        scope("leipzig", "Leipzig", 1, 7)));

    assertThat(verdict.holds()).isFalse();
    assertThat(verdict.summary()).isEqualTo(
        "Standard verfehlt in Leipzig: 14,3 % gestört (Grenze 10 %). Im gesamten System 5,9 % gestört.");
    assertThat(verdict.scopes()).filteredOn(ScopeVerdict::holds).extracting(ScopeVerdict::scope)
        .containsExactly("ALL", "offenbach");
    assertThat(verdict.scopes()).filteredOn(s -> !s.holds()).extracting(ScopeVerdict::status).containsExactly("verfehlt");
  }

  @Test
  void shouldNameTheWholeSystemFirstAndEveryScopeAboveTheLimit() {
    StandardVerdict verdict = StandardVerdict.of(report(scope("kiel", "Kiel", 1, 3), scope("leipzig", "Leipzig", 1, 7),
        scope("OUTSIDE", "außerhalb der Quartiere", 1, 8), scope("offenbach", "Offenbach", 0, 2)));

    assertThat(verdict.summary()).isEqualTo("Standard verfehlt im gesamten System: 15,0 % gestört, in Kiel: 33,3 % "
        + "gestört, in Leipzig: 14,3 % gestört, außerhalb der Quartiere: 12,5 % gestört (Grenze 10 %).");
  }

  @Test
  void shouldCountExactly10PercentAsWithinTheStandard() {
    StandardVerdict verdict = StandardVerdict.of(report(scope("leipzig", "Leipzig", 1, 10)));

    assertThat(verdict.holds()).isTrue();
    assertThat(verdict.summary()).startsWith("Standard eingehalten: im gesamten System 10,0 % der ausstehenden Kredite");
  }

  @Test
  void shouldNeverRoundABreachDownToTheLimit() {
    StandardVerdict verdict = StandardVerdict.of(report(scope("leipzig", "Leipzig", 1001, 10000)));

    assertThat(verdict.holds()).isFalse();
    assertThat(verdict.summary()).startsWith("Standard verfehlt im gesamten System: 10,01 % gestört, in Leipzig: 10,01 %");
  }

  @Test
  void shouldSayThereIsNothingOutstandingInsteadOfZeroPercent() {
    StandardVerdict verdict = StandardVerdict.of(report(scope("leipzig", "Leipzig", 0, 0)));

    assertThat(verdict.holds()).isTrue();
    assertThat(verdict.summary()).isEqualTo("Standard eingehalten: keine ausstehenden Kredite.");
  }

  @Test
  void shouldSpeakOfTheOwnQuarterInAnAdvisorsRestrictedReport() {
    ScopeFigures leipzig = scope("leipzig", "Leipzig", 2, 10);
    List<ScopeFigures> scopes = new ArrayList<>(List.of(leipzig));
    PortfolioReport own = new PortfolioReport(DATE, scopes, leipzig, List.of(), null, null);

    StandardVerdict verdict = StandardVerdict.of(own);

    assertThat(verdict.summary()).isEqualTo("Standard verfehlt in Leipzig: 20,0 % gestört (Grenze 10 %).");
    assertThat(verdict.scopes()).extracting(ScopeVerdict::scope).containsExactly("leipzig");
  }
}
