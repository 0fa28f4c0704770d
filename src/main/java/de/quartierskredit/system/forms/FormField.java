package de.quartierskredit.system.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * One keyed field of a deployed Camunda Form with the constraints the form declares: what a person
 * may send for it, and what the server checks again (form-js checks only in the browser).
 *
 * @param options the allowed values of a radio or select with static values; null when any text goes
 * @param readOnly the form shows the field but lets nobody change it ({@code readonly} or {@code disabled})
 * @param hideCondition the FEEL expression of {@code conditional.hide}, or null
 * @param date the field holds a day a person types: a text field with the custom property
 * {@code format = date} (written TT.MM.JJJJ) or a form-js date picker ({@code datetime}, subtype {@code date})
 */
public record FormField(
    String key,
    String type,
    String label,
    boolean required,
    BigDecimal min,
    BigDecimal max,
    Integer minLength,
    Integer maxLength,
    String pattern,
    Integer decimalDigits,
    List<String> options,
    boolean readOnly,
    String hideCondition,
    boolean date) {

  /** What a person reads: the label, or the key when the form has none. */
  public String name() {
    return label == null || label.isBlank() ? key : label;
  }
}
