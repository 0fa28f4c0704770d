package de.quartierskredit.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How every text a person reads writes amounts, numbers and dates: {@code 8.000,00 EUR},
 * {@code 2.000}, {@code 01.12.2026}. The one formatter for messages, reasons and display variables,
 * so that no raw {@code 8000.00} or {@code 2026-12-01} reaches a caseworker.
 */
public final class GermanFormat {

  private static final DecimalFormatSymbols GERMAN = DecimalFormatSymbols.getInstance(Locale.GERMANY);

  private GermanFormat() {}

  /** A euro amount, rounded half-up to the cent: {@code 2.499,99 EUR}. */
  public static String amount(BigDecimal amount) {
    return new DecimalFormat("#,##0.00", GERMAN).format(amount.setScale(2, RoundingMode.HALF_UP)) + " EUR";
  }

  /**
   * A number as written in German, with thousands separators and at most two decimals, none when it
   * is whole: {@code 2.000}, {@code 8,9}, {@code 0,75}.
   */
  public static String number(BigDecimal number) {
    DecimalFormat format = new DecimalFormat("#,##0.##", GERMAN);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(number);
  }

  /** A whole number: {@code 2.000}. */
  public static String number(long number) {
    return number(BigDecimal.valueOf(number));
  }

  /** A ratio as a percentage with one decimal, rounded half-up, no thousands separator: 0.125 -> {@code 12,5 %}. */
  public static String percent(BigDecimal ratio) {
    return ratio.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',') + " %";
  }

  /** A date: {@code 01.12.2026} (TT.MM.JJJJ); {@link Dates} reads and writes days, this is its short name. */
  public static String date(LocalDate date) {
    return Dates.format(date);
  }
}
