package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import java.time.Duration;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Start of loan-servicing: the loan reference for the forms (from the business key) and the intervention
 * rhythm the starter left open: intensive contact interval and default period.
 */
@Component("servicingDefaultsListener")
class ServicingDefaultsListener implements ExecutionListener {

  private final String intensiveContactEvery;
  private final String defaultAfter;

  ServicingDefaultsListener(
      @Value("${quartierskredit.servicing.intensive-contact-every}") String intensiveContactEvery,
      @Value("${quartierskredit.servicing.default-after}") String defaultAfter) {
    if (intensiveContactEvery.contains("T")) {
      Duration.parse(intensiveContactEvery);
    } else {
      Period.parse(intensiveContactEvery);
    }
    Period.parse(defaultAfter); // counted in days from disturbed_since: a date-based period
    this.intensiveContactEvery = intensiveContactEvery;
    this.defaultAfter = defaultAfter;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // a display copy for the forms; what decides is the business key (CaseLoan)
    execution.setVariable(LoanServicingProcess.Variables.LOAN_REFERENCE, CaseLoan.reference(execution));
    setIfAbsent(execution, INTENSIVE_CONTACT_EVERY, intensiveContactEvery);
    setIfAbsent(execution, DEFAULT_AFTER, defaultAfter);
  }

  private static void setIfAbsent(DelegateExecution execution, String name, String value) {
    if (execution.getVariable(name) == null) {
      execution.setVariable(name, value);
    }
  }
}
