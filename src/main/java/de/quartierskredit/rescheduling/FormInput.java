package de.quartierskredit.rescheduling;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads submitted form values leniently (form-js sends numbers as Long, Double or text); null when unusable. */
final class FormInput {

  private FormInput() {}

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString().strip();
  }

  static BigDecimal decimal(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return value instanceof Double || value instanceof Float
          ? BigDecimal.valueOf(((Number) value).doubleValue())
          : new BigDecimal(value.toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A whole number, or null when missing or not whole (so that the policy reports it). */
  static Integer count(VariableScope scope, String name) {
    BigDecimal value = decimal(scope, name);
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
