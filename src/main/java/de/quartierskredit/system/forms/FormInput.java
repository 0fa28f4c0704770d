package de.quartierskredit.system.forms;

import de.quartierskredit.shared.Dates;
import de.quartierskredit.shared.FieldError;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a person may send with a form, checked on the server against the deployed form: only the
 * form's own fields, none that it shows read-only, each with the form's type and constraints
 * (required, min/max, decimal digits, length, pattern, offered answers). A required field counts only
 * while the form shows it (its {@code conditional.hide} is not true for the submitted values over the
 * current ones), as in the browser. A date field takes a real day written TT.MM.JJJJ (or JJJJ-MM-TT),
 * read by {@link Dates#parse}, as the delegates read it. Messages are German and name the field's
 * label, never a pattern.
 */
public final class FormInput {

  /** What a string process variable holds; longer text fails on PostgreSQL (ENGINE-03083). */
  public static final int MAX_TEXT = 4000;

  /** Why the values are sent. */
  public enum Purpose {
    /** Completing a task or starting a process: required fields must be there. */
    SUBMIT,
    /** Saving values of a task's form without completing it: only what is sent is checked. */
    UPDATE
  }

  private FormInput() {}

  /**
   * The errors of {@code submitted} (plain values, null allowed) against {@code form}, given the
   * values the form starts from ({@code current}); empty when everything may be taken.
   */
  public static List<FieldError> check(FormSchema form, Map<String, ?> submitted, Map<String, ?> current,
      Purpose purpose) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> merged = new HashMap<>(current);
    merged.putAll(submitted);
    for (Map.Entry<String, ?> entry : submitted.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      FormField field = form.field(key).orElse(null);
      if (field == null) {
        errors.add(new FieldError(key, "Dieses Feld gibt es im Formular nicht; nur die Felder des Formulars werden angenommen."));
      } else if (field.readOnly()) {
        if (!Objects.equals(plain(value), plain(current.get(key)))) {
          errors.add(new FieldError(key, "„" + field.name() + "“ wird nur angezeigt und kann nicht geändert werden."));
        }
      } else if (!isMissing(value)) {
        String problem = problem(field, value);
        if (problem != null) {
          errors.add(new FieldError(key, problem));
        }
      }
    }
    if (purpose == Purpose.SUBMIT) {
      for (FormField field : form.fields()) {
        if (field.required() && !field.readOnly() && isMissing(merged.get(field.key()))
            && !hidden(field, merged) && errors.stream().noneMatch(e -> field.key().equals(e.field()))) {
          errors.add(new FieldError(field.key(), "„" + field.name() + "“ fehlt."));
        }
      }
    }
    return errors;
  }

  /** The errors of removing {@code names} from a task's form (read-only and unknown fields stay). */
  public static List<FieldError> checkRemoval(FormSchema form, Collection<String> names) {
    List<FieldError> errors = new ArrayList<>();
    for (String name : names) {
      FormField field = form.field(name).orElse(null);
      if (field == null || field.readOnly()) {
        errors.add(new FieldError(name, "Dieses Feld kann nicht gelöscht werden; nur Felder des Formulars sind änderbar."));
      }
    }
    return errors;
  }

  /** Hidden when the form's condition says so; a condition we cannot read counts as shown. */
  static boolean hidden(FormField field, Map<String, Object> values) {
    if (field.hideCondition() == null || field.hideCondition().isBlank()) {
      return false;
    }
    try {
      return Boolean.TRUE.equals(FeelCondition.evaluate(field.hideCondition(), values::get));
    } catch (IllegalArgumentException notUnderstood) {
      return true; // do not demand a field the browser may not show; the policies still check it
    }
  }

  private static boolean isMissing(Object value) {
    return value == null || (value instanceof String text && text.isBlank());
  }

  private static String problem(FormField field, Object value) {
    String name = "„" + field.name() + "“";
    return switch (field.type()) {
      case "textfield", "textarea", "datetime" -> textProblem(field, name, value);
      case "number" -> numberProblem(field, name, value);
      case "checkbox" -> value instanceof Boolean ? null : name + " ist ein Ankreuzfeld: ja oder nein.";
      case "radio", "select" -> {
        if (!(value instanceof String text)) {
          yield name + ": bitte eine der angebotenen Antworten wählen.";
        }
        if (field.options() != null && !field.options().contains(text)) {
          yield name + ": bitte eine der angebotenen Antworten wählen.";
        }
        yield text.length() > MAX_TEXT ? name + " ist zu lang." : null;
      }
      // lists of answers (checklist, taglist): not used by our forms; refused rather than guessed
      default -> name + " kann hier nicht gesendet werden.";
    };
  }

  private static String textProblem(FormField field, String name, Object value) {
    if (!(value instanceof String text)) {
      return name + " muss ein Text sein.";
    }
    int limit = field.maxLength() == null ? MAX_TEXT : Math.min(field.maxLength(), MAX_TEXT);
    if (text.length() > limit) {
      return name + " darf höchstens " + german(BigDecimal.valueOf(limit)) + " Zeichen lang sein (eingegeben: "
          + german(BigDecimal.valueOf(text.length())) + ").";
    }
    if (field.minLength() != null && text.length() < field.minLength()) {
      return name + " muss mindestens " + german(BigDecimal.valueOf(field.minLength())) + " Zeichen lang sein.";
    }
    if (field.date()) {
      // the real calendar decides, not the form's pattern (which lets 31.04. through)
      return Dates.parse(text).isPresent() ? null : notADate(name, text);
    }
    if (field.pattern() != null && !field.pattern().isEmpty() && !matches(field.pattern(), text)) {
      return name + " hat nicht das erwartete Format.";
    }
    return null;
  }

  /** Names the field, repeats a short input (a long one is no date anyway) and says how to write a date. */
  private static String notADate(String name, String text) {
    String typed = text.strip();
    return name + " ist kein gültiges Datum" + (typed.length() <= 20 ? " (eingegeben: „" + typed + "“)" : "")
        + ". Bitte als " + Dates.FORMAT + " eingeben, z. B. " + Dates.EXAMPLE + ".";
  }

  /** As form-js tests it ({@code new RegExp(pattern).test(value)}): anywhere in the text unless anchored. */
  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException notJava) {
      return true; // a JavaScript-only pattern: the browser checked it, the policies check the value
    }
  }

  private static String numberProblem(FormField field, String name, Object value) {
    BigDecimal number = number(value);
    if (number == null) {
      return name + " muss eine Zahl sein.";
    }
    if (field.min() != null && number.compareTo(field.min()) < 0) {
      return name + " muss mindestens " + german(field.min()) + " sein.";
    }
    if (field.max() != null && number.compareTo(field.max()) > 0) {
      return name + " darf höchstens " + german(field.max()) + " sein.";
    }
    if (field.decimalDigits() != null && Math.max(number.stripTrailingZeros().scale(), 0) > field.decimalDigits()) {
      return field.decimalDigits() == 0 ? name + " muss eine ganze Zahl sein."
          : name + " darf höchstens " + field.decimalDigits() + " Nachkommastellen haben.";
    }
    return null;
  }

  /** A number as form-js sends it (Long, Double) or as text; null for anything else, NaN and infinity. */
  static BigDecimal number(Object value) {
    if (value instanceof Number || value instanceof String) {
      try {
        return new BigDecimal(value.toString().strip());
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return null;
  }

  private static Object plain(Object value) {
    BigDecimal number = value instanceof Number ? number(value) : null;
    return number != null ? number.stripTrailingZeros() : value;
  }

  private static String german(BigDecimal number) {
    NumberFormat format = NumberFormat.getNumberInstance(Locale.GERMANY);
    format.setMaximumFractionDigits(2);
    return format.format(number);
  }
}
