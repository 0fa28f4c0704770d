package de.quartierskredit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @Nested
  class FromVariable {

    @Test
    void shouldAcceptEveryNumberTypeTasklistOrACallerSends() {
      assertThat(Money.fromVariable(5000L)).isEqualTo(new BigDecimal("5000.00"));
      assertThat(Money.fromVariable(5000)).isEqualTo(new BigDecimal("5000.00"));
      assertThat(Money.fromVariable(2499.99d)).isEqualTo(new BigDecimal("2499.99"));
      assertThat(Money.fromVariable(new BigDecimal("12.5"))).isEqualTo(new BigDecimal("12.50"));
      assertThat(Money.fromVariable(BigInteger.TEN)).isEqualTo(new BigDecimal("10.00"));
      assertThat(Money.fromVariable(" 999.99 ")).isEqualTo(new BigDecimal("999.99"));
    }

    @Test
    void shouldRoundHalfUpToTheCentWhenMoreDigitsArrive() {
      assertThat(Money.fromVariable(0.125d)).isEqualTo(new BigDecimal("0.13"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "abc", "2.500,00", "NaN"})
    void shouldRejectTextThatIsNoPlainDecimal(String text) {
      assertThatThrownBy(() -> Money.fromVariable(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectNullNaNInfinityAndOtherTypes() {
      assertThatThrownBy(() -> Money.fromVariable(null)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Money.fromVariable(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Money.fromVariable(Double.POSITIVE_INFINITY))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Money.fromVariable(Boolean.TRUE)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shouldFormatGermanForCaseworkers() {
    assertThat(Money.format(new BigDecimal("2499.99"))).isEqualTo("2.499,99 EUR");
    assertThat(Money.format(new BigDecimal("0.5"))).isEqualTo("0,50 EUR");
  }
}
