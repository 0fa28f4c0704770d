package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
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
 * Step 10, disturbance: opens the intervention and fixes its default date, {@code defaultAfter} after the
 * day the loan became disturbed (the loan table's disturbed_since; else the message's; else today).
 * The intervention form shows that day and the reported arrears in German notation.
 */
@Component("openInterventionDelegate")
class OpenInterventionDelegate implements JavaDelegate {

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
    since = since != null ? since : LocalDate.now(clock);
    LocalDate defaultDueOn = since.plus(Period.parse((String) execution.getVariable(DEFAULT_AFTER)));
    BigDecimal arrears = ServicingInputPolicy.decimal(execution.getVariable(ARREARS));
    defaultDueOn = servicing.openIntervention(loan.id(), since, arrears, defaultDueOn, execution.getProcessInstanceId());
    execution.setVariable(DISTURBED_SINCE, since.toString());
    execution.setVariable(DISTURBED_SINCE_TEXT, Dates.format(since));
    execution.setVariable(ARREARS_TEXT, arrears == null ? "nicht gemeldet" : Money.format(arrears));
    execution.setVariable(DEFAULT_DUE_AT, Date.from(defaultDueOn.atStartOfDay(clock.getZone()).toInstant()));
  }
}
