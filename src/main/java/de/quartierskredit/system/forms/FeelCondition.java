package de.quartierskredit.system.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The part of FEEL that form conditions use ({@code =adviceOutcome != "NEED_REDUCED"},
 * {@code =guarantorCount < 2}, {@code =a = "X" or a = "Y"}, {@code =reason = null}): comparisons of a
 * variable with a string, number, boolean or null, joined by {@code and} / {@code or}, {@code not(...)}
 * and parentheses. As in FEEL, comparing what cannot be compared gives null (neither true nor false).
 * Anything else is not understood: {@link #evaluate} then throws {@link IllegalArgumentException}, and
 * the caller treats the field as possibly shown.
 */
public final class FeelCondition {

  private final List<String> tokens;
  private final Function<String, Object> variables;
  private int position;

  private FeelCondition(List<String> tokens, Function<String, Object> variables) {
    this.tokens = tokens;
    this.variables = variables;
  }

  /** TRUE, FALSE or null (unknown) for the expression, with or without the leading {@code =}. */
  public static Boolean evaluate(String expression, Function<String, Object> variables) {
    String text = expression.strip();
    if (text.startsWith("=")) {
      text = text.substring(1);
    }
    FeelCondition parser = new FeelCondition(tokenize(text), variables);
    Object result = parser.or();
    if (parser.position != parser.tokens.size()) {
      throw new IllegalArgumentException("unexpected '" + parser.tokens.get(parser.position) + "' in " + expression);
    }
    return result instanceof Boolean b ? b : null;
  }

  private Object or() {
    Object left = and();
    while (accept("or")) {
      Object right = and();
      left = Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right) ? Boolean.TRUE
          : Boolean.FALSE.equals(left) && Boolean.FALSE.equals(right) ? Boolean.FALSE : null;
    }
    return left;
  }

  private Object and() {
    Object left = comparison();
    while (accept("and")) {
      Object right = comparison();
      left = Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right) ? Boolean.FALSE
          : Boolean.TRUE.equals(left) && Boolean.TRUE.equals(right) ? Boolean.TRUE : null;
    }
    return left;
  }

  private Object comparison() {
    Object left = operand();
    String op = peek();
    if (op == null || !List.of("=", "!=", "<", "<=", ">", ">=").contains(op)) {
      return left;
    }
    position++;
    Object right = operand();
    return compare(left, op, right);
  }

  private static Object compare(Object left, String op, Object right) {
    if (op.equals("=") || op.equals("!=")) {
      Boolean equal;
      if (left == null || right == null) {
        equal = left == right;
      } else if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
        equal = a.compareTo(b) == 0;
      } else if (left.getClass() == right.getClass()) {
        equal = left.equals(right);
      } else {
        return null;
      }
      return op.equals("=") ? equal : !equal;
    }
    int order;
    if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
      order = a.compareTo(b);
    } else if (left instanceof String a && right instanceof String b) {
      order = a.compareTo(b);
    } else {
      return null;
    }
    return switch (op) {
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  private Object operand() {
    String token = next();
    if (token.equals("(")) {
      Object inner = or();
      expect(")");
      return inner;
    }
    if (token.equals("not")) {
      expect("(");
      Object inner = or();
      expect(")");
      return inner instanceof Boolean b ? !b : null;
    }
    if (token.startsWith("\"")) {
      return token.substring(1, token.length() - 1);
    }
    if (Character.isDigit(token.charAt(0)) || token.charAt(0) == '-') {
      return new BigDecimal(token);
    }
    return switch (token) {
      case "null" -> null;
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> {
        if (!token.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw new IllegalArgumentException("not understood: " + token);
        }
        yield normalise(variables.apply(token));
      }
    };
  }

  /** Numbers compare as numbers whatever their Java type; everything else as it is. */
  private static Object normalise(Object value) {
    if (value instanceof Number number) {
      try {
        return new BigDecimal(number.toString());
      } catch (NumberFormatException notFinite) {
        return null;
      }
    }
    return value instanceof String || value instanceof Boolean || value == null ? value : value.toString();
  }

  private String peek() {
    return position < tokens.size() ? tokens.get(position) : null;
  }

  private String next() {
    if (position >= tokens.size()) {
      throw new IllegalArgumentException("incomplete expression");
    }
    return tokens.get(position++);
  }

  private boolean accept(String token) {
    if (token.equals(peek())) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(String token) {
    if (!accept(token)) {
      throw new IllegalArgumentException("expected '" + token + "'");
    }
  }

  private static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int end = text.indexOf('"', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated string");
        }
        tokens.add(text.substring(i, end + 1));
        i = end + 1;
      } else if (c == '!' || c == '<' || c == '>') {
        boolean withEquals = i + 1 < text.length() && text.charAt(i + 1) == '=';
        if (c == '!' && !withEquals) {
          throw new IllegalArgumentException("'!' without '='");
        }
        tokens.add(text.substring(i, i + (withEquals ? 2 : 1)));
        i += withEquals ? 2 : 1;
      } else if (c == '=' || c == '(' || c == ')') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
        int start = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || "_.".indexOf(text.charAt(i)) >= 0
            || (i == start && text.charAt(i) == '-'))) {
          i++;
        }
        tokens.add(text.substring(start, i));
      } else {
        throw new IllegalArgumentException("not understood: '" + c + "'");
      }
    }
    return List.copyOf(tokens);
  }
}
