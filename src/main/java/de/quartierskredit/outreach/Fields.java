package de.quartierskredit.outreach;

import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.GermanFormat;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads form values from process variables, collecting a German message for each wrong one. */
final class Fields {

  private Fields() {}

  static String text(VariableScope scope, String name, boolean required, int max, List<FieldError> errors) {
    Object value = scope.getVariable(name);
    if (value != null && !(value instanceof String)) {
      errors.add(new FieldError(name, "Bitte einen Text eingeben."));
      return null;
    }
    String text = value == null ? null : ((String) value).strip();
    if (text == null || text.isEmpty()) {
      if (required) {
        errors.add(new FieldError(name, "Bitte ausfüllen."));
      }
      return null;
    }
    if (text.codePointCount(0, text.length()) > max) {
      errors.add(new FieldError(name, "Höchstens " + GermanFormat.number(max) + " Zeichen."));
      return null;
    }
    return text;
  }

  static <E extends Enum<E>> E choice(VariableScope scope, String name, Class<E> type, List<FieldError> errors) {
    Object value = scope.getVariable(name);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    errors.add(new FieldError(name, "Bitte eine der angebotenen Möglichkeiten wählen."));
    return null;
  }
}
