package de.quartierskredit.loan;

import de.quartierskredit.shared.Roles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The loan a process instance works on. Every process of a loan carries its reference as business key,
 * set by the system when the application is registered (or, for a rescheduling the microfinancer
 * starts, once the loan is checked) and handed to called processes; nobody can set it with a form. So
 * delegates, listeners and candidate groups read the amount, the quarter and who works on the case from
 * the loan's row, never from a variable a person could have sent. Models use it as {@code caseLoan}:
 * {@code camunda:candidateGroups="${caseLoan.advisors(execution)}"}.
 */
@Component("caseLoan")
public class CaseLoan {

  private final LoanRepository loans;

  CaseLoan(LoanRepository loans) {
    this.loans = loans;
  }

  /** The loan of the process instance the execution or task belongs to. */
  public Loan of(VariableScope scope) {
    String reference = reference(scope);
    return loans.findByReference(reference).orElseThrow(() -> new UnknownLoanException(reference));
  }

  /** The quarter's advisors, or the microfinancer for a loan outside the quarters. */
  public String advisors(VariableScope scope) {
    return Roles.advisorsFor(of(scope).quarterCode());
  }

  /** The quarter's award committee, or the microfinancer for a loan outside the quarters. */
  public String committee(VariableScope scope) {
    return Roles.committeeFor(of(scope).quarterCode());
  }

  /**
   * The quarter's advisors and the microfinancer, comma-separated as candidate groups (both work on a
   * decision template, an intervention plan, a rescheduling request); only the microfinancer outside
   * the quarters.
   */
  public String advisorsAndMicrofinancer(VariableScope scope) {
    String advisors = advisors(scope);
    return Roles.MICROFINANCER.equals(advisors) ? advisors : advisors + "," + Roles.MICROFINANCER;
  }

  /** The loan reference: the business key of the process instance (never a process variable). */
  public static String reference(VariableScope scope) {
    String reference;
    if (scope instanceof DelegateExecution execution) {
      reference = execution.getProcessBusinessKey();
    } else if (scope instanceof DelegateTask task && task.getExecution() != null) {
      reference = task.getExecution().getProcessBusinessKey();
    } else {
      throw new IllegalArgumentException("not part of a loan's process: " + scope);
    }
    if (reference == null || reference.isBlank()) {
      throw new IllegalStateException("process instance without loan reference (business key)");
    }
    return reference;
  }
}
