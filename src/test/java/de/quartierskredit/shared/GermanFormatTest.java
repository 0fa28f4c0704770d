package de.quartierskredit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GermanFormatTest {

  @Test
  void shouldWriteAmountsWithThousandsDotsDecimalCommaAndEuro() {
    assertThat(GermanFormat.amount(new BigDecimal("8000"))).isEqualTo("8.000,00 EUR");
    assertThat(GermanFormat.amount(new BigDecimal("7500.5"))).isEqualTo("7.500,50 EUR");
    assertThat(GermanFormat.amount(new BigDecimal("0.125"))).isEqualTo("0,13 EUR");
    assertThat(GermanFormat.amount(new BigDecimal("-228.19"))).isEqualTo("-228,19 EUR");
    assertThat(GermanFormat.amount(new BigDecimal("1234567.891"))).isEqualTo("1.234.567,89 EUR");
    assertThat(Money.format(new BigDecimal("2499.99"))).isEqualTo(GermanFormat.amount(new BigDecimal("2499.99")));
  }

  @Test
  void shouldWriteNumbersWithoutTrailingZerosAndAtMostTwoDecimals() {
    assertThat(GermanFormat.number(2000)).isEqualTo("2.000");
    assertThat(GermanFormat.number(new BigDecimal("8.90"))).isEqualTo("8,9");
    assertThat(GermanFormat.number(new BigDecimal("0.755"))).isEqualTo("0,76");
    assertThat(GermanFormat.number(new BigDecimal("20000.00"))).isEqualTo("20.000");
  }

  @Test
  void shouldWriteDatesAsDayMonthYear() {
    assertThat(GermanFormat.date(LocalDate.of(2026, 12, 1))).isEqualTo("01.12.2026");
    assertThat(GermanFormat.date(LocalDate.of(2027, 1, 31))).isEqualTo("31.01.2027");
  }
}
