package de.quartierskredit.shared.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.camunda.bpm.engine.impl.pvm.runtime.ExecutionImpl;
import org.junit.jupiter.api.Test;

/** form-js sends numbers as Long, Double or text: each reads as the number a caseworker typed, or null. */
class FormValuesTest {

  private final ExecutionImpl scope = new ExecutionImpl();

  @Test
  void shouldReadTextWithoutSurroundingBlanks() {
    scope.setVariable("note", "  Ladenmiete gestundet \n");
    assertThat(FormValues.text(scope, "note")).isEqualTo("Ladenmiete gestundet");
    assertThat(FormValues.text(scope, "missing")).isNull();
  }

  @Test
  void shouldReadNumbersInEveryShapeAFormSendsThem() {
    scope.setVariable("long", 20000L);
    scope.setVariable("double", 0.1d);
    scope.setVariable("text", " 499.99 ");
    assertThat(FormValues.decimal(scope, "long")).isEqualByComparingTo("20000");
    assertThat(FormValues.decimal(scope, "double")).isEqualTo(new BigDecimal("0.1"));
    assertThat(FormValues.decimal(scope, "text")).isEqualTo(new BigDecimal("499.99"));
  }

  @Test
  void shouldGiveNullForWhatIsNoNumber() {
    scope.setVariable("blank", " ");
    scope.setVariable("comma", "12,5");
    scope.setVariable("word", "zwölf");
    assertThat(FormValues.decimal(scope, "blank")).isNull();
    assertThat(FormValues.decimal(scope, "comma")).isNull();
    assertThat(FormValues.decimal(scope, "word")).isNull();
    assertThat(FormValues.decimal(scope, "missing")).isNull();
  }

  @Test
  void shouldCountOnlyWholeNumbersThatFitAnInt() {
    scope.setVariable("whole", 3.0d);
    scope.setVariable("half", 3.5d);
    scope.setVariable("huge", "2147483648");
    scope.setVariable("largest", "2147483647");
    assertThat(FormValues.count(scope, "whole")).isEqualTo(3);
    assertThat(FormValues.count(scope, "half")).isNull();
    assertThat(FormValues.count(scope, "huge")).isNull();
    assertThat(FormValues.count(scope, "largest")).isEqualTo(Integer.MAX_VALUE);
  }
}
