package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.servicing.LoanServicingProcess.Messages;
import de.quartierskredit.servicing.ServicingRepository.Standing;
import de.quartierskredit.shared.Dates;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step 9, monthly contact: opens this month's contact obligation (at most one per loan and month),
 * due at month end. The loan table is the truth: a disturbed loan gets intensive contacts instead, and
 * if the ledger flagged it but no intervention runs (LoanDisturbed was missed), it starts one here.
 */
@Component("openContactObligationDelegate")
class OpenContactObligationDelegate implements JavaDelegate {

  private final ServicingRepository servicing;
  private final Clock clock;

  OpenContactObligationDelegate(ServicingRepository servicing, Clock clock) {
    this.servicing = servicing;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Standing loan = servicing.standing(CaseLoan.reference(execution));
    if (loan.active() && loan.disturbed()) {
      // no error when nothing waits: an intervention already runs
      execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(Messages.LOAN_DISTURBED)
          .processInstanceId(execution.getProcessInstanceId())
          .setVariable(DISTURBED_SINCE, loan.disturbedSince() == null ? null : loan.disturbedSince().toString())
          .correlateAllWithResult();
    }
    YearMonth month = YearMonth.now(clock);
    LocalDate dueOn = month.atEndOfMonth();
    boolean due = loan.active() && !loan.disturbed()
        && servicing.openObligation(loan.id(), month, dueOn, execution.getProcessInstanceId());
    // local to this month's event sub-process: next month's obligation must not overwrite it
    execution.setVariableLocal(CONTACT_DUE, due);
    execution.setVariableLocal(CONTACT_MONTH, month.toString());
    execution.setVariableLocal(CONTACT_MONTH_TEXT, Dates.format(month));
    execution.setVariableLocal(CONTACT_DUE_DATE,
        Date.from(dueOn.atTime(23, 59, 59).atZone(clock.getZone()).toInstant()));
  }
}
