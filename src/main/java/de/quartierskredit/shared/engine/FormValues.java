package de.quartierskredit.shared.engine;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads submitted form values leniently (form-js sends numbers as Long, Double or text): null when a
 * value is missing or unusable, so that the policy checking it names the field.
 */
public final class FormValues {

  private FormValues() {}

  /** The text without surrounding blanks, or null. */
  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString().strip();
  }

  /** The number as a BigDecimal (a Double by its shortest decimal form), or null. */
  public static BigDecimal decimal(VariableScope scope, String name) {
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

  /** A whole number, or null when missing or not whole. */
  public static Integer count(VariableScope scope, String name) {
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
