package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.servicing.LoanServicingProcess.InterventionOutcome;
import de.quartierskredit.servicing.ServicingRepository.Standing;
import de.quartierskredit.shared.Money;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step 12, default: no payment within the default period; the loan becomes DEFAULTED and its guarantors are listed. */
@Component("markLoanDefaultedDelegate")
class MarkLoanDefaultedDelegate implements JavaDelegate {

  private final LoanRepository loans;
  private final ServicingRepository servicing;
  private final LossRepository losses;

  MarkLoanDefaultedDelegate(LoanRepository loans, ServicingRepository servicing, LossRepository losses) {
    this.loans = loans;
    this.servicing = servicing;
    this.losses = losses;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseLoan.reference(execution);
    Standing loan = servicing.standing(reference);
    if (!LoanState.DEFAULTED.name().equals(loan.state())) {
      loans.markDefaulted(reference, "Keine Zahlung innerhalb der Ausfallfrist");
    }
    servicing.closeIntervention(loan.id(), InterventionOutcome.DEFAULTED);
    var guarantors = losses.guarantors(loan.id());
    StringBuilder summary = new StringBuilder("| Nr. | Bürge | Kontakt | verbürgt |\n|---|---|---|---|\n");
    for (int i = 0; i < guarantors.size(); i++) {
      var g = guarantors.get(i);
      summary.append("| ").append(i + 1).append(" | ").append(g.name()).append(" | ").append(g.contact())
          .append(" | ").append(Money.format(g.guaranteed())).append(" |\n");
    }
    execution.setVariable(OUTSTANDING_AT_DEFAULT, Money.format(loan.outstanding()));
    execution.setVariable(GUARANTOR_COUNT, guarantors.size());
    execution.setVariable(GUARANTOR_SUMMARY, guarantors.isEmpty() ? "Der Kredit hat keine Bürgen." : summary.toString());
  }
}
