package de.quartierskredit.tasklist;

import de.quartierskredit.committee.CommitteeDecisionProcess;
import de.quartierskredit.contract.BankContractProcess;
import de.quartierskredit.servicing.LoanServicingProcess;
import java.time.Duration;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The due dates of user tasks, in one place, as the models ask for them:
 * {@code camunda:dueDate="${dueDates.committeeDecision(execution)}"}. A task falls due when the step's
 * deadline from the settings passes, which is also when the model's timer chases it: the committee's
 * decision by its reminder ({@code quartierskredit.committee.reminder-after}), the bank's contract by the
 * advisor's follow-up ({@code quartierskredit.contract.escalation-after}), an intensive contact before the
 * next one is due ({@code quartierskredit.servicing.intensive-contact-every}). The month's contact is due at
 * the month's end, set with its obligation ({@code contactDueDate}, OpenContactObligationDelegate).
 *
 * <p>Each method answers an ISO-8601 period such as {@code P14D}, which Camunda adds to the current time
 * exactly as it does for the timer. The timer reads the copy of the setting the process took at its start
 * (so a setting changed while it runs does not move it), and so does the due date; the setting is the
 * fallback for an instance that has no copy.
 */
@Component("dueDates")
public class TaskDueDates {

  private final String committeeReminderAfter;
  private final String contractEscalationAfter;
  private final String intensiveContactEvery;

  TaskDueDates(
      @Value("${quartierskredit.committee.reminder-after:P14D}") String committeeReminderAfter,
      @Value("${quartierskredit.contract.escalation-after}") String contractEscalationAfter,
      @Value("${quartierskredit.servicing.intensive-contact-every}") String intensiveContactEvery) {
    this.committeeReminderAfter = checked(committeeReminderAfter);
    this.contractEscalationAfter = checked(contractEscalationAfter);
    this.intensiveContactEvery = checked(intensiveContactEvery);
  }

  /** Über Kreditantrag entscheiden: due when the microfinancer is asked to chase the committee. */
  public String committeeDecision(DelegateExecution execution) {
    return period(execution, CommitteeDecisionProcess.Variables.REMINDER_AFTER, committeeReminderAfter);
  }

  /** Kreditvertrag bestätigen: due when the advisor is asked to follow the signing up. */
  public String contractSigning(DelegateExecution execution) {
    return period(execution, BankContractProcess.Variables.CONTRACT_ESCALATION_AFTER, contractEscalationAfter);
  }

  /** Intensivkontakt führen: due before the next intensive contact would be. */
  public String intensiveContact(DelegateExecution execution) {
    return period(execution, LoanServicingProcess.Variables.INTENSIVE_CONTACT_EVERY, intensiveContactEvery);
  }

  private static String period(DelegateExecution execution, String variable, String setting) {
    Object copy = execution.getVariable(variable);
    return copy instanceof String text && !text.isBlank() ? checked(text) : setting;
  }

  /** An ISO-8601 period ({@code P14D}) or duration ({@code PT12H}); anything else fails at once. */
  private static String checked(String period) {
    if (period.contains("T")) {
      Duration.parse(period);
    } else {
      Period.parse(period);
    }
    return period;
  }
}
