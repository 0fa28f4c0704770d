package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.LoanHistory;
import de.quartierskredit.loan.LoanRepository;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step 12, write-off: the defaulted loan becomes WRITTEN_OFF (closed today) and nothing of it stays
 * outstanding; the audit trail records it with both persons and the loss allocation.
 */
@Component("closeWrittenOffLoanDelegate")
class CloseWrittenOffLoanDelegate implements JavaDelegate {

  private final LoanRepository loans;
  private final ServicingRepository servicing;
  private final LoanHistory history;
  private final Clock clock;
  private final WriteOffAudit audit;

  CloseWrittenOffLoanDelegate(LoanRepository loans, ServicingRepository servicing, LoanHistory history, Clock clock,
      WriteOffAudit audit) {
    this.loans = loans;
    this.audit = audit;
    this.history = history;
    this.clock = clock;
    this.servicing = servicing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = CaseLoan.reference(execution);
    loans.writeOff(reference, "Abgeschrieben: " + execution.getVariable(WRITE_OFF_NOTE));
    var standing = servicing.standing(reference);
    LocalDate today = LocalDate.now(clock);
    history.principalMoved(standing.id(), today, standing.outstanding().negate(), LoanHistory.Movement.WRITE_OFF,
        "write-off");
    history.disturbanceEnded(standing.id(), today);
    loans.clearOutstanding(standing.id());
    audit.writtenOff(standing.id(), reference, standing.outstanding());
  }
}
