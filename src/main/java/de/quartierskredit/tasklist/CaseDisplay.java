package de.quartierskredit.tasklist;

import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanSummary;
import de.quartierskredit.outreach.ContactSummary;
import de.quartierskredit.outreach.OutreachTeam;
import de.quartierskredit.servicing.LoanServicingProcess;
import de.quartierskredit.shared.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Every task in the task list names its case: loan reference, borrower, business, quarter and the loan's
 * current amount in German format ("8.000,00 EUR"). When a user task is created (a built-in listener of every
 * user task, {@code system.engine.CaseDisplayOnEveryUserTask}), one select by the business key reads them from
 * the loan's row; an outreach contact, which has no loan yet, names the recorded person and business.
 *
 * <p>They are <em>task-local</em> display copies, for two reasons: Tasklist lists variables with the rights of
 * the person looking, and advisors, committees and the bank may read their tasks but not the process instance
 * (so a process variable would stay invisible to them); and each task shows the row as it was when the task
 * opened, so a reduced amount appears on the next task. Their names are used by no form field, so a completion
 * never writes into them. Nothing decides on them (the loan row decides); their history is not kept.
 */
@Component("caseDisplay")
public class CaseDisplay implements TaskListener {

  public static final String REFERENCE = "caseReference";
  public static final String BORROWER = "caseBorrower";
  public static final String BUSINESS = "caseBusiness";
  public static final String QUARTER = "caseQuarter";
  public static final String AMOUNT = "caseAmount";

  /**
   * The display variables with their German labels, in the order a task list entry shows them (Tasklist shows
   * the first two and folds the others away: the person and the business say most at a glance).
   */
  public static final List<Field> FIELDS = List.of(
      new Field(BORROWER, "Kreditnehmer/in"),
      // only on a flagged loan's contact task (servicing.ContactBriefingListener); absent elsewhere, so not shown
      new Field(LoanServicingProcess.Variables.CASE_WARNING, "Frühwarnung"),
      new Field(BUSINESS, "Unternehmen"),
      new Field(REFERENCE, "Aktenzeichen"),
      new Field(AMOUNT, "Betrag"),
      new Field(QUARTER, "Quartier"));

  static final String OUTSIDE_QUARTERS = "außerhalb der Quartiere";

  private final LoanRepository loans;
  private final OutreachTeam outreach;

  CaseDisplay(LoanRepository loans, OutreachTeam outreach) {
    this.loans = loans;
    this.outreach = outreach;
  }

  /** Whether a variable is one of these display copies. */
  public static boolean isDisplayCopy(String variableName) {
    return FIELDS.stream().anyMatch(field -> field.variable().equals(variableName));
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (execution == null) {
      return; // a task created by hand belongs to no case
    }
    values(execution.getProcessBusinessKey(), execution.getProcessInstanceId()).forEach((name, value) -> {
      if (!value.equals(task.getVariableLocal(name))) {
        task.setVariableLocal(name, value);
      }
    });
  }

  /** The display values of a case (absent values left out): the loan of the business key, or the contact. */
  public Map<String, String> values(String businessKey, String processInstanceId) {
    Optional<LoanSummary> loan = businessKey == null || businessKey.isBlank()
        ? Optional.empty() : loans.summary(businessKey);
    Map<String, String> values = new LinkedHashMap<>();
    if (loan.isPresent()) {
      LoanSummary summary = loan.get();
      values.put(REFERENCE, summary.reference());
      values.put(BORROWER, summary.borrowerName());
      values.put(BUSINESS, summary.businessName());
      values.put(QUARTER, quarter(summary.quarterName()));
      values.put(AMOUNT, Money.format(summary.amount()));
    } else if (businessKey == null || businessKey.isBlank()) {
      Optional<ContactSummary> contact = outreach.summary(processInstanceId);
      contact.ifPresent(c -> {
        values.put(BORROWER, c.contactPerson());
        values.put(BUSINESS, c.businessName());
        values.put(QUARTER, quarter(c.quarterName()));
      });
    }
    values.values().removeIf(value -> value == null || value.isBlank());
    return values;
  }

  private static String quarter(String name) {
    return name == null ? OUTSIDE_QUARTERS : name;
  }

  /** A display variable and the German label a task list entry gives it. */
  public record Field(String variable, String label) {}
}
