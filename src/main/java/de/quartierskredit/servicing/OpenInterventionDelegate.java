package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.servicing.DefaultDeadlinePolicy.Deadline;
import de.quartierskredit.servicing.ServicingRepository.Standing;
import de.quartierskredit.shared.Dates;
import de.quartierskredit.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step 10, disturbance: opens the intervention and fixes its default date by {@link DefaultDeadlinePolicy}:
 * {@code defaultAfter} after the day the disturbance became known (the open disturbance period's
 * known_on, the day the bank's report was booked; else today), while the intervention keeps the day
 * the loan became disturbed (the loan table's disturbed_since; else the message's). An intervention
 * already open keeps its dates. The intervention form shows these days and the reported arrears in
 * German notation.
 */
@Component("openInterventionDelegate")
class OpenInterventionDelegate implements JavaDelegate {

  private final DefaultDeadlinePolicy deadlines = new DefaultDeadlinePolicy();
  private final ServicingRepository servicing;
  private final Clock clock;

  OpenInterventionDelegate(ServicingRepository servicing, Clock clock) {
    this.servicing = servicing;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Standing loan = servicing.standing(CaseLoan.reference(execution));
    LocalDate since = loan.disturbedSince() != null ? loan.disturbedSince()
        : ServicingInputPolicy.date((String) execution.getVariable(DISTURBED_SINCE));
    Deadline deadline = deadlines.of(since, loan.disturbanceKnownOn(), LocalDate.now(clock),
        Period.parse((String) execution.getVariable(DEFAULT_AFTER)));
    BigDecimal arrears = ServicingInputPolicy.decimal(execution.getVariable(ARREARS));
    deadline = servicing.openIntervention(loan.id(), deadline, arrears, execution.getProcessInstanceId());
    execution.setVariable(DISTURBED_SINCE, deadline.disturbedSince().toString());
    execution.setVariable(DISTURBED_SINCE_TEXT, Dates.format(deadline.disturbedSince()));
    execution.setVariable(DISTURBANCE_KNOWN_ON_TEXT, Dates.format(deadline.knownOn()));
    execution.setVariable(DEFAULT_DUE_TEXT, Dates.format(deadline.defaultDueOn()));
    execution.setVariable(ARREARS_TEXT, arrears == null ? "nicht gemeldet" : Money.format(arrears));
    execution.setVariable(DEFAULT_DUE_AT, Date.from(deadline.defaultDueOn().atStartOfDay(clock.getZone()).toInstant()));
  }
}
