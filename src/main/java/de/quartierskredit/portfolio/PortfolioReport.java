package de.quartierskredit.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The portfolio as of a date: the disturbance standard per scope, fund use, liability and outcomes. */
public record PortfolioReport(
    LocalDate asOf,
    List<ScopeFigures> scopes,
    ScopeFigures system,
    List<FundFigures> funds,
    MicrofinancerFigures microfinancer,
    Outcomes outcomes) {

  public PortfolioReport {
    scopes = List.copyOf(scopes);
    funds = List.copyOf(funds);
  }

  /** True when the whole system or any scope breaks the 10 % standard. */
  public boolean aboveStandard() {
    return system.aboveStandard() || scopes.stream().anyMatch(ScopeFigures::aboveStandard);
  }

  /**
   * Outstanding and disturbed loans of one scope: a quarter's code, {@code OUTSIDE} (loans outside
   * the quarters) or {@code ALL}.
   */
  public record ScopeFigures(String scope, String name, int loansOutstanding, BigDecimal principalOutstanding,
      int loansDisturbed, BigDecimal principalDisturbed, BigDecimal disturbanceRate, boolean aboveStandard) {}

  /** A quarter's local liability fund: 5x capital against outstanding and reserved principal. */
  public record FundFigures(String quarterCode, String quarterName, BigDecimal paidInCapital, BigDecimal capacity,
      BigDecimal outstanding, BigDecimal reserved, BigDecimal free, BigDecimal utilisation) {}

  /**
   * Loans outside the quarters: what the microfinancer is liable for, the losses it has borne
   * against its 20 % cap, and the share of the portfolio outside the quarters (portfolio mix).
   */
  public record MicrofinancerFigures(BigDecimal outstanding, BigDecimal lossesBorne, BigDecimal lossCap,
      BigDecimal shareOutsideQuarters) {}

  /** How cases ended: defaults, and the successes of advice and private financing. */
  public record Outcomes(int loansDisbursed, int defaults, BigDecimal defaultRate, int endedByAdvice,
      int financedPrivately, int needReduced, int referred) {}

  public static final String ALL = "ALL";
  public static final String OUTSIDE = "OUTSIDE";
}
