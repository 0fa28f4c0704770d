package de.quartierskredit.committee;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads submitted form values leniently (form-js sends numbers as Long, Double or text). */
final class FormValues {

  private FormValues() {}

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  static BigDecimal amount(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    try {
      return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A whole number, or null when missing or not whole (so that the policy reports it). */
  static Integer count(VariableScope scope, String name) {
    BigDecimal value = amount(scope, name);
    if (value == null || value.stripTrailingZeros().scale() > 0) {
      return null;
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
