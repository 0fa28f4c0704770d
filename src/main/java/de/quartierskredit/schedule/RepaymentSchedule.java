package de.quartierskredit.schedule;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** A stored version of a loan's repayment schedule; exactly one version of a loan is current. */
public record RepaymentSchedule(
    long id,
    long loanId,
    int version,
    String reason,
    BigDecimal principal,
    BigDecimal annualRate,
    boolean current,
    LocalDateTime createdAt,
    List<ScheduleLine> lines) {

  public BigDecimal totalPrincipal() {
    return lines.stream().map(ScheduleLine::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
