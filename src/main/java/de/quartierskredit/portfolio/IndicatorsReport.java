package de.quartierskredit.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/portfolio/indicators}: the field's indicators ({@link PortfolioIndicators}) as of a
 * date, per quarter, outside the quarters and for the whole system, and the advisors' contact figures.
 * Amounts in euros (2 decimals), ratios 0..1 (4 decimals), labels German.
 */
public record IndicatorsReport(LocalDate asOf, LocalDate from, List<ScopeIndicators> scopes, ScopeIndicators system,
    List<AdvisorFigures> advisors) {

  public IndicatorsReport {
    scopes = List.copyOf(scopes);
    advisors = List.copyOf(advisors);
  }

  /** One scope: a quarter's code, {@code OUTSIDE}, {@code ALL} or {@code OWN} (several own quarters). */
  public record ScopeIndicators(String scope, String name, int loansOutstanding, BigDecimal grossPortfolio,
      AtRisk par30, AtRisk par90, Rescheduled rescheduled, List<Aging> aging, Ausfallquote ausfallquote,
      WriteOff writeOff, List<Loss> losses, Repayment repayment, Durations durations) {

    public ScopeIndicators {
      aging = List.copyOf(aging);
      losses = List.copyOf(losses);
    }
  }

  /** Portfolio at risk: loans and their whole outstanding principal, and the share of the gross portfolio. */
  public record AtRisk(int loans, BigDecimal principal, BigDecimal ratio) {}

  /** Outstanding loans with an approved rescheduling. */
  public record Rescheduled(int loans, BigDecimal principal) {}

  /** One aging bucket (CURRENT, D1_30, D31_60, D61_90, OVER_90). */
  public record Aging(String bucket, String label, int loans, BigDecimal principal) {}

  /** Defaults against loans granted (brochure) and defaulted principal against repayments (national fund). */
  public record Ausfallquote(int defaults, int loansGranted, BigDecimal byLoansGranted, BigDecimal defaultedPrincipal,
      BigDecimal repaidPrincipal, BigDecimal byRepayments) {}

  /** Principal written off in the period over the period's average gross portfolio. */
  public record WriteOff(BigDecimal principal, BigDecimal averageGrossPortfolio, BigDecimal ratio) {}

  /** What one bearer lost in the period, and its loss rate. */
  public record Loss(String bearer, String label, BigDecimal amount, BigDecimal rate) {}

  /** Principal received over principal due in the period. */
  public record Repayment(BigDecimal due, BigDecimal received, BigDecimal rate) {}

  /** Days from application to decision and to disbursement; averages and medians absent when none. */
  public record Durations(int decisions, BigDecimal daysToDecisionAverage, BigDecimal daysToDecisionMedian,
      int disbursements, BigDecimal daysToDisbursementAverage, BigDecimal daysToDisbursementMedian) {}

  /** An advisor's caseload on the date and her monthly contacts due in the period, held on time. */
  public record AdvisorFigures(String userId, String name, String quarter, String quarterName, int caseload,
      int contactsDue, int contactsOnTime, BigDecimal onTimeRate) {}
}
