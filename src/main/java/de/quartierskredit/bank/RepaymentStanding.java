package de.quartierskredit.bank;

import de.quartierskredit.bank.RepaymentLedgerPolicy.Line;
import de.quartierskredit.bank.RepaymentLedgerPolicy.LineState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where a loan's repayment stands on a day, as the ledger keeps it, for people to read (the advisor's
 * contact briefing): instalments paid of the current schedule, the arrears by the ledger's own rule
 * ({@link RepaymentLedgerPolicy#arrears}), and the next instalment. One read of the schedule's lines.
 */
@Component
public class RepaymentStanding {

  private final LedgerRepository ledger;
  private final RepaymentLedgerPolicy policy = new RepaymentLedgerPolicy();

  RepaymentStanding(LedgerRepository ledger) {
    this.ledger = ledger;
  }

  /** The loan's repayment on {@code asOf}; no instalments without a schedule. */
  public Standing of(long loanId, LocalDate asOf) {
    List<Line> lines = ledger.currentLines(loanId);
    Optional<Line> next = lines.stream()
        .filter(line -> line.state() == LineState.OPEN && !line.dueOn().isBefore(asOf))
        .findFirst();
    return new Standing(
        (int) lines.stream().filter(line -> line.state() == LineState.PAID).count(),
        (int) lines.stream().filter(Line::counts).count(),
        policy.arrears(lines, asOf),
        next.map(Line::dueOn).orElse(null),
        next.map(Line::instalment).orElse(null));
  }

  /** Paid and counted instalments, arrears, and the next open instalment (null when none is left). */
  public record Standing(int instalmentsPaid, int instalments, BigDecimal arrears, LocalDate nextDueOn,
      BigDecimal nextInstalment) {}
}
