package de.quartierskredit.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dates as a German office writes and reads them: the one place that reads a date a person typed
 * (TT.MM.JJJJ; JJJJ-MM-TT too, as the bank's API and older clients send it) and writes dates and
 * months for caseworkers ({@code 01.12.2026}, {@code Dezember 2026}). Amounts: {@link Money#format}.
 */
public final class Dates {

  /** How a person is asked to write a date. */
  public static final String FORMAT = "TT.MM.JJJJ";

  /** What the forms and messages show as an example. */
  public static final String EXAMPLE = "01.12.2026";

  private static final Pattern GERMAN_SHAPE = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.\\d{4}");
  private static final Pattern ISO_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final DateTimeFormatter GERMAN_INPUT =
      DateTimeFormatter.ofPattern("d.M.uuuu", Locale.GERMANY).withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ISO_INPUT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.GERMANY).withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.GERMANY);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLLL uuuu", Locale.GERMANY);

  private Dates() {}

  /**
   * The day a person means by {@code text}: {@code 01.12.2026} or {@code 1.12.2026}, or
   * {@code 2026-12-01}; blanks around it are ignored. Empty for anything else, including days that do
   * not exist ({@code 31.04.2026}, {@code 29.02.2027}) and two-digit years.
   */
  public static Optional<LocalDate> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String date = text.strip();
    try {
      if (GERMAN_SHAPE.matcher(date).matches()) {
        return Optional.of(LocalDate.parse(date, GERMAN_INPUT));
      }
      if (ISO_SHAPE.matcher(date).matches()) {
        return Optional.of(LocalDate.parse(date, ISO_INPUT));
      }
    } catch (DateTimeException noSuchDay) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The day as caseworkers read it: {@code 01.12.2026}. */
  public static String format(LocalDate date) {
    return GERMAN.format(date);
  }

  /** The month as caseworkers read it: {@code Dezember 2026}. */
  public static String format(YearMonth month) {
    return MONTH.format(month);
  }
}
