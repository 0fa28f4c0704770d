package de.quartierskredit.portfolio;

import de.quartierskredit.fund.Quarter;
import de.quartierskredit.fund.QuarterRepository;
import de.quartierskredit.portfolio.IndicatorsReport.AdvisorFigures;
import de.quartierskredit.portfolio.IndicatorsReport.Aging;
import de.quartierskredit.portfolio.IndicatorsReport.AtRisk;
import de.quartierskredit.portfolio.IndicatorsReport.Ausfallquote;
import de.quartierskredit.portfolio.IndicatorsReport.Durations;
import de.quartierskredit.portfolio.IndicatorsReport.Loss;
import de.quartierskredit.portfolio.IndicatorsReport.Repayment;
import de.quartierskredit.portfolio.IndicatorsReport.Rescheduled;
import de.quartierskredit.portfolio.IndicatorsReport.ScopeIndicators;
import de.quartierskredit.portfolio.IndicatorsReport.WriteOff;
import de.quartierskredit.portfolio.PortfolioIndicators.AgingBucket;
import de.quartierskredit.portfolio.PortfolioIndicators.LossBearer;
import de.quartierskredit.portfolio.PortfolioIndicators.ParThreshold;
import de.quartierskredit.portfolio.PortfolioIndicatorsRepository.Figures;
import de.quartierskredit.portfolio.PortfolioSnapshotRepository.ParFigures;
import de.quartierskredit.portfolio.PortfolioSnapshotRepository.Snapshot;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manager's spreadsheet, computed: the indicators as of a date, the pipeline and the trend of the
 * 15ths, cut to what the caller may see.
 */
@Service
public class IndicatorsService {

  static final String ALL_NAME = "gesamtes System";
  static final String OUTSIDE_NAME = "außerhalb der Quartiere";
  static final String OWN = "OWN";
  static final String OWN_NAME = "eigene Quartiere";

  private final PortfolioIndicatorsRepository indicators;
  private final PipelineRepository pipeline;
  private final PortfolioSnapshotRepository snapshots;
  private final QuarterRepository quarters;
  private final IdentityService identity;

  IndicatorsService(PortfolioIndicatorsRepository indicators, PipelineRepository pipeline,
      PortfolioSnapshotRepository snapshots, QuarterRepository quarters,
      IdentityService identity) {
    this.indicators = indicators;
    this.pipeline = pipeline;
    this.snapshots = snapshots;
    this.quarters = quarters;
    this.identity = identity;
  }

  /** Every indicator as of {@code asOf} for the period {@code [from, asOf]}, for the whole portfolio. */
  @Transactional(readOnly = true)
  public IndicatorsReport indicators(LocalDate asOf, LocalDate from) {
    return indicators(asOf, from, new PortfolioVisibility(true, List.of(), null));
  }

  @Transactional(readOnly = true)
  IndicatorsReport indicators(LocalDate asOf, LocalDate from, PortfolioVisibility visibility) {
    int dates = PortfolioIndicators.averagingDates(from, asOf).size();
    Map<String, Figures> figures = indicators.figures(asOf, from);
    List<Quarter> all = quarters.findAll();
    List<ScopeIndicators> scopes = new ArrayList<>();
    Figures own = new Figures(dates);
    for (Quarter quarter : all) {
      if (visibility.sees(quarter.code())) {
        Figures f = figures.getOrDefault(quarter.code(), new Figures(dates));
        scopes.add(scope(quarter.code(), quarter.name(), f));
        own.add(f);
      }
    }
    ScopeIndicators system;
    if (visibility.wholePortfolio()) {
      scopes.add(scope(PortfolioReport.OUTSIDE, OUTSIDE_NAME,
          figures.getOrDefault(PortfolioReport.OUTSIDE, new Figures(dates))));
      Figures total = new Figures(dates);
      figures.values().forEach(total::add);
      system = scope(PortfolioReport.ALL, ALL_NAME, total);
    } else {
      system = scopes.size() == 1 ? scopes.get(0) : scope(OWN, OWN_NAME, own);
    }
    return new IndicatorsReport(asOf, from, scopes, system, advisors(asOf, from, visibility, all));
  }

  private static ScopeIndicators scope(String code, String name, Figures f) {
    BigDecimal gross = f.grossPortfolio();
    List<Aging> aging = Arrays.stream(AgingBucket.values())
        .map(b -> new Aging(b.name(), b.label(), (int) f.agingLoans.get(b)[0], Money.euros(f.agingPrincipal.get(b))))
        .toList();
    BigDecimal defaultedPrincipal = Money.euros(f.writtenOffToDate.add(f.defaultedOutstanding));
    BigDecimal repaid = Money.euros(f.repaidToDate);
    BigDecimal average = PortfolioIndicators.averageGrossPortfolio(f.grossOverAveragingDates, f.averagingDates);
    List<Loss> losses = Arrays.stream(LossBearer.values())
        .map(b -> new Loss(b.name(), b.label(), Money.euros(f.losses.get(b)),
            PortfolioIndicators.lossRate(f.losses.get(b), average)))
        .toList();
    var decision = PortfolioIndicators.duration(f.daysToDecision);
    var disbursement = PortfolioIndicators.duration(f.daysToDisbursement);
    return new ScopeIndicators(code, name, f.loansOutstanding(), gross,
        atRisk(f, ParThreshold.PAR30, gross), atRisk(f, ParThreshold.PAR90, gross),
        new Rescheduled(f.rescheduledLoans, Money.euros(f.rescheduledPrincipal)),
        aging,
        new Ausfallquote(f.defaults, f.loansGranted,
            PortfolioIndicators.ausfallquoteByLoansGranted(f.defaults, f.loansGranted),
            defaultedPrincipal, repaid, PortfolioIndicators.ausfallquoteByRepayments(defaultedPrincipal, repaid)),
        new WriteOff(Money.euros(f.writtenOffInPeriod), average,
            PortfolioIndicators.writeOffRatio(f.writtenOffInPeriod, average)),
        losses,
        new Repayment(Money.euros(f.duePrincipal), Money.euros(f.repaidInPeriod),
            PortfolioIndicators.repaymentRate(f.repaidInPeriod, f.duePrincipal)),
        new Durations(decision.count(), decision.averageDays(), decision.medianDays(),
            disbursement.count(), disbursement.averageDays(), disbursement.medianDays()));
  }

  private static AtRisk atRisk(Figures f, ParThreshold par, BigDecimal gross) {
    BigDecimal principal = Money.euros(f.parPrincipal.get(par));
    return new AtRisk(f.parLoans.get(par), principal, PortfolioIndicators.ratio(principal, gross));
  }

  /** The advisors' rows: all for the whole portfolio, else only the caller's own. */
  private List<AdvisorFigures> advisors(LocalDate asOf, LocalDate from, PortfolioVisibility visibility,
      List<Quarter> all) {
    var rows = indicators.advisors(asOf, from).stream()
        .filter(row -> visibility.wholePortfolio() || row.userId().equals(visibility.userId()))
        .toList();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, String> names = new HashMap<>();
    for (User user : usersWithoutCallersRights(rows.stream().map(r -> r.userId()).distinct().toArray(String[]::new))) {
      names.put(user.getId(), (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip());
    }
    Map<String, String> quarterNames = new HashMap<>();
    all.forEach(q -> quarterNames.put(q.code(), q.name()));
    quarterNames.put(PortfolioReport.OUTSIDE, OUTSIDE_NAME);
    return rows.stream()
        .map(r -> new AdvisorFigures(r.userId(), names.getOrDefault(r.userId(), r.userId()), r.scope(),
            quarterNames.getOrDefault(r.scope(), r.scope()), r.caseload(), r.contactsDue(), r.contactsOnTime(),
            PortfolioIndicators.onTimeRate(r.contactsOnTime(), r.contactsDue())))
        .sorted(Comparator.comparing(AdvisorFigures::quarterName).thenComparing(AdvisorFigures::name))
        .toList();
  }

  /**
   * The advisors' user records, read as the application: a manager may see an advisor's name in the
   * report without holding Camunda's READ right on users (the caller was checked by visibility).
   */
  private List<User> usersWithoutCallersRights(String[] ids) {
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return identity.createUserQuery().userIdIn(ids).list();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  @Transactional(readOnly = true)
  PipelineReport pipeline(LocalDate asOf, PortfolioVisibility visibility) {
    return pipeline.pipeline(asOf, visibility);
  }

  /**
   * The last {@code months} reporting dates (the 15th) on or before {@code today}, oldest first, read
   * from the stored snapshots where they hold the figures: the disturbance rate and PAR30/PAR90 of the
   * 15th as stored when it was taken. A date whose snapshot is missing, or lacks PAR for a scope the
   * caller sees (taken before PAR was stored), is computed as of that date in one statement (PAR30,
   * PAR90 and, where no rate is stored, the disturbance rate by the report's rule).
   */
  @Transactional(readOnly = true)
  TrendReport trend(int months, LocalDate today, PortfolioVisibility visibility) {
    LocalDate last = DisturbanceStandardPolicy.reportingDateOnOrBefore(today);
    LocalDate first = last.minusMonths(months - 1L);
    Map<String, String> names = new LinkedHashMap<>();
    quarters.findAll().forEach(q -> names.put(q.code(), q.name()));
    names.put(PortfolioReport.OUTSIDE, OUTSIDE_NAME);
    names.put(PortfolioReport.ALL, ALL_NAME);
    names.keySet().removeIf(scope -> !visibility.sees(scope));
    Map<LocalDate, Map<String, BigDecimal>> storedRates = new HashMap<>();
    for (Snapshot s : snapshots.between(first, last)) {
      storedRates.computeIfAbsent(s.reportingDate(), d -> new HashMap<>()).put(s.scope(), s.disturbanceRate());
    }
    Map<LocalDate, Map<String, ParFigures>> storedAtRisk = snapshots.storedAtRisk(first, last);
    List<TrendReport.Point> points = new ArrayList<>();
    for (int i = months - 1; i >= 0; i--) {
      LocalDate date = last.minusMonths(i);
      Map<String, BigDecimal> rates = storedRates.getOrDefault(date, Map.of());
      Map<String, ParFigures> atRisk = storedAtRisk.getOrDefault(date, Map.of());
      boolean stored = atRisk.keySet().containsAll(names.keySet()) && rates.keySet().containsAll(names.keySet());
      Map<String, Figures> figures = stored ? Map.of() : indicators.atRiskOnly(date);
      Figures total = new Figures(0);
      figures.values().forEach(total::add);
      for (var entry : names.entrySet()) {
        String scope = entry.getKey();
        ParFigures par;
        BigDecimal disturbance;
        if (stored) {
          par = atRisk.get(scope);
          disturbance = rates.get(scope);
        } else {
          Figures f = PortfolioReport.ALL.equals(scope) ? total : figures.getOrDefault(scope, new Figures(0));
          par = PortfolioIndicatorsRepository.atRisk(f);
          disturbance = rates.containsKey(scope) ? rates.get(scope)
              : DisturbanceStandardPolicy.rate(f.disturbedLoans, f.loansOutstanding());
        }
        points.add(new TrendReport.Point(date, scope, entry.getValue(), disturbance, par.par30Ratio(), par.par90Ratio()));
      }
    }
    return new TrendReport(points);
  }
}
