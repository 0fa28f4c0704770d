package de.quartierskredit.portfolio;

import de.quartierskredit.shared.Roles;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * What the current user may see of the portfolio: managers, the microfinancer and process owners the
 * whole of it; an advisor or committee member only the figures of their own quarter(s); anyone else
 * nothing (403). Shared by the report, the indicators, the pipeline and the trend.
 */
record PortfolioVisibility(boolean wholePortfolio, List<String> quarters, String userId) {

  PortfolioVisibility {
    quarters = List.copyOf(quarters);
  }

  /** The caller's visibility, or an {@link AuthorizationException} (403 problem) for other roles. */
  static PortfolioVisibility of(IdentityService identity) {
    Authentication user = identity.getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    String userId = user == null ? null : user.getUserId();
    if (Roles.seeWholeProgramme(groups)) {
      return new PortfolioVisibility(true, List.of(), userId);
    }
    List<String> quarters = Roles.quartersOf(groups);
    if (quarters.isEmpty()) {
      throw new AuthorizationException("Der Portfoliobericht ist dem Management, dem Mikrofinanzierer und "
          + "den Quartieren vorbehalten.");
    }
    return new PortfolioVisibility(false, quarters, userId);
  }

  /** True when the caller may see the figures of this scope (a quarter code, OUTSIDE or ALL). */
  boolean sees(String scope) {
    return wholePortfolio || quarters.contains(scope);
  }

  /** The report cut to the caller's quarters; several quarters add up to the scope "OWN". */
  PortfolioReport restrict(PortfolioReport report) {
    var scopes = report.scopes().stream().filter(s -> quarters.contains(s.scope())).toList();
    var funds = report.funds().stream().filter(f -> quarters.contains(f.quarterCode())).toList();
    var own = scopes.size() == 1 ? scopes.get(0) : new PortfolioReport.ScopeFigures("OWN", "eigene Quartiere",
        scopes.stream().mapToInt(PortfolioReport.ScopeFigures::loansOutstanding).sum(),
        scopes.stream().map(PortfolioReport.ScopeFigures::principalOutstanding).reduce(BigDecimal.ZERO, BigDecimal::add),
        scopes.stream().mapToInt(PortfolioReport.ScopeFigures::loansDisturbed).sum(),
        scopes.stream().map(PortfolioReport.ScopeFigures::principalDisturbed).reduce(BigDecimal.ZERO, BigDecimal::add),
        DisturbanceStandardPolicy.rate(scopes.stream().mapToInt(PortfolioReport.ScopeFigures::loansDisturbed).sum(),
            scopes.stream().mapToInt(PortfolioReport.ScopeFigures::loansOutstanding).sum()),
        DisturbanceStandardPolicy.aboveStandard(scopes.stream().mapToInt(PortfolioReport.ScopeFigures::loansDisturbed).sum(),
            scopes.stream().mapToInt(PortfolioReport.ScopeFigures::loansOutstanding).sum()));
    return new PortfolioReport(report.asOf(), scopes, own, funds, null, null);
  }
}
