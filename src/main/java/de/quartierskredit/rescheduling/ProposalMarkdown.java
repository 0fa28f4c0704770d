package de.quartierskredit.rescheduling;

import de.quartierskredit.rescheduling.ReschedulingPolicy.Proposal;
import de.quartierskredit.rescheduling.ReschedulingPolicy.Situation;
import de.quartierskredit.schedule.ScheduleLine;
import de.quartierskredit.shared.Dates;
import de.quartierskredit.shared.Money;
import java.time.LocalDate;

/** The rescheduling as caseworkers read it in Tasklist: the current plan, and old vs new plan before approval. */
final class ProposalMarkdown {

  static final int LINES_SHOWN = 6;

  private ProposalMarkdown() {}

  static String current(String loanReference, Situation situation) {
    return "### Tilgungsplan von " + loanReference + "\n\n"
        + "| | |\n|---|---:|\n"
        + "| Restschuld | " + Money.format(situation.remainingPrincipal()) + " |\n"
        + "| Monatsrate | " + Money.format(situation.currentInstalment()) + " |\n"
        + "| offene Raten | " + situation.remainingInstalments() + " |\n"
        + "| nächste Fälligkeit | " + date(situation.nextDueOn()) + " |\n"
        + "| Zinssatz | " + percent(situation) + " |\n";
  }

  static String proposal(ReschedulingKind kind, Situation situation, Proposal proposal) {
    int pause = proposal.terms().pauseMonths();
    StringBuilder md = new StringBuilder()
        .append("### Vorschlag: ").append(kind.label()).append("\n\n")
        .append("| | bisher | neu |\n|---|---:|---:|\n")
        .append("| Restschuld | ").append(Money.format(situation.remainingPrincipal())).append(" | ")
        .append(Money.format(proposal.terms().principal())).append(" |\n")
        .append("| Monatsrate | ").append(Money.format(situation.currentInstalment())).append(" | ")
        .append(Money.format(proposal.instalment())).append(pause > 0 ? " (nach der Pause)" : "").append(" |\n")
        .append("| Zahl der Raten | ").append(situation.remainingInstalments()).append(" | ")
        .append(proposal.lines().size()).append(pause > 0 ? " (davon " + pause + " nur Zinsen)" : "").append(" |\n")
        .append("| Zinsen bis zum Ende | ").append(Money.format(situation.remainingInterest())).append(" | ")
        .append(Money.format(proposal.totalInterest())).append(" |\n")
        .append("| letzte Rate | | ").append(date(proposal.lastDueOn())).append(" |\n\n")
        .append("**Die ersten Raten des neuen Plans**\n\n")
        .append("| Nr. | fällig am | Zinsen | Tilgung | Rate | Restschuld |\n|---:|---|---:|---:|---:|---:|\n");
    for (ScheduleLine line : proposal.lines().subList(0, Math.min(LINES_SHOWN, proposal.lines().size()))) {
      md.append("| ").append(line.instalmentNo()).append(" | ").append(date(line.dueOn())).append(" | ")
          .append(Money.format(line.interest())).append(" | ").append(Money.format(line.principal())).append(" | ")
          .append(Money.format(line.instalment())).append(" | ").append(Money.format(line.remainingPrincipal()))
          .append(" |\n");
    }
    return md.toString();
  }

  private static String date(LocalDate date) {
    return Dates.format(date);
  }

  private static String percent(Situation situation) {
    return situation.annualRate().movePointRight(2).stripTrailingZeros().toPlainString().replace('.', ',') + " % p. a.";
  }
}
