package de.quartierskredit.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.portfolio.PortfolioReport.ScopeFigures;
import de.quartierskredit.portfolio.PortfolioSnapshotRepository.DisturbedLoan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The QA task's list of disturbed loans fits a string process variable however large the portfolio. */
class QualityAssuranceSummaryTest {

  private static final ScopeFigures ALL = new ScopeFigures("ALL", "gesamtes System", 2000, new BigDecimal("1000000.00"),
      300, new BigDecimal("150000.00"), new BigDecimal("0.1500"), true);

  private static List<DisturbedLoan> loans(int n) {
    return IntStream.range(0, n).mapToObj(i -> new DisturbedLoan("QK-2031-" + String.format("%06d", i), "ALL",
        "Kreditnehmerin " + i, "Betrieb " + i, LocalDate.of(2031, 2, 10))).toList();
  }

  @Test
  void shouldListEveryDisturbedLoanOfASmallPortfolio() {
    String summary = TakePortfolioSnapshotDelegate.summary(LocalDate.of(2031, 2, 15), List.of(ALL), loans(5));

    assertThat(summary).contains("QK-2031-000004").doesNotContain("weitere").contains("300 von 2000");
  }

  @Test
  void shouldStayWithin4000CharactersAndSayHowManyAreNotListed() {
    String summary = TakePortfolioSnapshotDelegate.summary(LocalDate.of(2031, 2, 15), List.of(ALL), loans(300));

    assertThat(summary.length()).isLessThanOrEqualTo(4000);
    assertThat(summary).contains("QK-2031-000000").containsPattern("… und \\d+ weitere gestörte Kredite");
  }
}
