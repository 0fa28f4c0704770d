package de.quartierskredit.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/portfolio/trend}: the disturbance rate and PAR30/PAR90 on the last reporting dates
 * (the 15th), for every scope the caller sees, including ALL for the whole system.
 */
public record TrendReport(List<Point> points) {

  public TrendReport {
    points = List.copyOf(points);
  }

  /** One scope on one reporting date. */
  public record Point(LocalDate reportingDate, String scope, String name, BigDecimal disturbanceRate, BigDecimal par30,
      BigDecimal par90) {}
}
