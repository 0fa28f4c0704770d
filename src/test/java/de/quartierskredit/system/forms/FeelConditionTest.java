package de.quartierskredit.system.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The conditions our forms hide fields with, evaluated as FEEL would. */
class FeelConditionTest {

  private static Boolean eval(String expression, Object... nameValue) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      variables.put((String) nameValue[i], nameValue[i + 1]);
    }
    return FeelCondition.evaluate(expression, variables::get);
  }

  @Nested
  class Comparisons {

    @Test
    void shouldCompareTextWithEqualsAndNotEquals() {
      assertThat(eval("=adviceOutcome != \"NEED_REDUCED\"", "adviceOutcome", "NEED_REDUCED")).isFalse();
      assertThat(eval("=adviceOutcome != \"NEED_REDUCED\"", "adviceOutcome", "CONTINUE")).isTrue();
      assertThat(eval("=adviceOutcome = \"OTHER_FINANCING\"", "adviceOutcome", "OTHER_FINANCING")).isTrue();
    }

    @Test
    void shouldTreatAMissingVariableAsNull() {
      assertThat(eval("=guarantorCheckReason = null")).isTrue();
      assertThat(eval("=guarantorCheckReason = null", "guarantorCheckReason", "zu wenig")).isFalse();
      assertThat(eval("=adviceOutcome != \"NEED_REDUCED\"")).isTrue();
    }

    @Test
    void shouldCompareNumbersWhateverTheirJavaTypeAtTheEdge() {
      assertThat(eval("=guarantorCount < 2", "guarantorCount", 1L)).isTrue();
      assertThat(eval("=guarantorCount < 2", "guarantorCount", 2)).isFalse();
      assertThat(eval("=guarantorCount < 2", "guarantorCount", 1.99d)).isTrue();
      assertThat(eval("=guarantorCount <= 2", "guarantorCount", 2.0d)).isTrue();
      assertThat(eval("=guarantorCount > -1", "guarantorCount", 0)).isTrue();
    }

    @Test
    void shouldGiveNullWhereFeelCannotCompare() {
      assertThat(eval("=guarantorCount < 2")).isNull();
      assertThat(eval("=guarantorCount < 2", "guarantorCount", "eins")).isNull();
      assertThat(eval("=sgb2Recipient != true", "sgb2Recipient", "true")).isNull();
    }

    @Test
    void shouldCompareBooleans() {
      assertThat(eval("=sgb2Recipient != true", "sgb2Recipient", true)).isFalse();
      assertThat(eval("=sgb2Recipient != true", "sgb2Recipient", false)).isTrue();
    }
  }

  @Nested
  class Logic {

    @Test
    void shouldJoinWithOrAndAnd() {
      String privateOrWithdrawn = "=guarantorDecision = \"PRIVATE\" or guarantorDecision = \"WITHDRAWN\"";
      assertThat(eval(privateOrWithdrawn, "guarantorDecision", "WITHDRAWN")).isTrue();
      assertThat(eval(privateOrWithdrawn, "guarantorDecision", "RECORDED")).isFalse();
      assertThat(eval("=a = 1 and b = 2", "a", 1, "b", 2)).isTrue();
      assertThat(eval("=a = 1 and b = 2", "a", 1, "b", 3)).isFalse();
    }

    @Test
    void shouldKeepUnknownUnlessTheOtherSideDecides() {
      assertThat(eval("=a < 1 or b = 2", "b", 2)).isTrue();
      assertThat(eval("=a < 1 or b = 2", "b", 3)).isNull();
      assertThat(eval("=a < 1 and b = 2", "b", 3)).isFalse();
    }

    @Test
    void shouldNegateAndGroup() {
      assertThat(eval("=not(a = \"X\")", "a", "Y")).isTrue();
      assertThat(eval("=(a = 1 or a = 2) and b = true", "a", 2, "b", true)).isTrue();
    }
  }

  @Test
  void shouldRefuseWhatItDoesNotUnderstand() {
    assertThatThrownBy(() -> eval("=count(list) > 1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> eval("=a = \"open")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> eval("=a !")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> eval("=a = 1 b")).isInstanceOf(IllegalArgumentException.class);
  }
}
