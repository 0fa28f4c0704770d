package de.quartierskredit.contract;

import de.quartierskredit.shared.engine.FormValues;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The loan's term as the process holds it (set by the committee's dossier, not typed here). */
final class ProcessValues {

  private ProcessValues() {}

  /** A positive whole number of months; anything else fails the step, which becomes an incident. */
  static int months(VariableScope scope, String name) {
    Integer months = FormValues.count(scope, name);
    if (months == null || months <= 0) {
      throw new IllegalArgumentException("term in months must be a positive whole number: " + scope.getVariable(name));
    }
    return months;
  }
}
