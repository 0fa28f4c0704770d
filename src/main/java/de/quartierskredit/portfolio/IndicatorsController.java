package de.quartierskredit.portfolio;

import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.GermanFormat;
import de.quartierskredit.shared.InputRefusedException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/portfolio/indicators}, {@code /pipeline} and {@code /trend}: what a programme manager
 * would otherwise build in a spreadsheet every month. Visible as the report is
 * ({@link PortfolioVisibility}): managers, the microfinancer and process owners see everything; an
 * advisor or committee member only their quarter(s), and of the advisors' figures only their own row;
 * anyone else gets 403. Bad parameters answer 400 problem details naming the parameter.
 */
@RestController
@RequestMapping("/api/portfolio")
class IndicatorsController {

  /** The longest period the indicators cover, and the most reporting dates a trend shows. */
  static final int MAX_PERIOD_MONTHS = 120;
  static final int MAX_TREND_MONTHS = 36;

  private final IndicatorsService indicators;
  private final IdentityService identity;
  private final Clock clock;

  IndicatorsController(IndicatorsService indicators, IdentityService identity, Clock clock) {
    this.indicators = indicators;
    this.identity = identity;
    this.clock = clock;
  }

  @GetMapping("/indicators")
  IndicatorsReport indicators(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
    PortfolioVisibility visibility = PortfolioVisibility.of(identity);
    LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
    LocalDate start = from == null ? PortfolioIndicators.defaultFrom(day) : from;
    List<FieldError> errors = new ArrayList<>();
    if (start.isAfter(day)) {
      errors.add(new FieldError("from", "Der Beginn des Zeitraums (" + GermanFormat.date(start)
          + ") liegt nach dem Stichtag (" + GermanFormat.date(day) + ")."));
    } else if (start.isBefore(day.minusMonths(MAX_PERIOD_MONTHS))) {
      errors.add(new FieldError("from", "Der Zeitraum darf höchstens " + MAX_PERIOD_MONTHS / 12
          + " Jahre umfassen."));
    }
    if (!errors.isEmpty()) {
      throw new InputRefusedException(errors);
    }
    return indicators.indicators(day, start, visibility);
  }

  @GetMapping("/pipeline")
  PipelineReport pipeline(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    PortfolioVisibility visibility = PortfolioVisibility.of(identity);
    return indicators.pipeline(asOf == null ? LocalDate.now(clock) : asOf, visibility);
  }

  @GetMapping("/trend")
  TrendReport trend(@RequestParam(defaultValue = "12") String months) {
    PortfolioVisibility visibility = PortfolioVisibility.of(identity);
    int count;
    try {
      count = Integer.parseInt(months.strip());
    } catch (NumberFormatException e) {
      count = -1;
    }
    if (count < 1 || count > MAX_TREND_MONTHS) {
      throw new InputRefusedException("months", "Bitte eine Zahl von 1 bis " + MAX_TREND_MONTHS + " Monaten angeben.");
    }
    return indicators.trend(count, LocalDate.now(clock), visibility);
  }
}
