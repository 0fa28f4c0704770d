package de.quartierskredit.system.modeling;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Lays out a name the way bpmn-js (diagram-js {@code lib/util/Text.js}, bpmn-js 18) does, so that a test
 * sees the same line breaks Camunda Modeler and Cockpit draw: break at spaces and hyphens, and where a
 * single word is wider than the box, cut it mid-word ("Beratungsgespr" / "äch").
 *
 * <p>Widths: the advance widths of Arial (identical to Liberation Sans, which stands in for Arial on
 * Linux), in 1/1000 em, taken from LiberationSans-Regular.ttf. A table instead of {@code java.awt.Font}
 * keeps the test independent of the fonts installed where it runs. Kerning, which the browser applies,
 * only makes text narrower, so these widths err on the safe side. A character outside the table counts
 * one full em.
 */
final class BpmnTextLayout {

  /** bpmn-js: 12 px Arial inside shapes, 11 px for external labels, line height 1.2. */
  static final double SHAPE_FONT_SIZE = 12;
  static final double LABEL_FONT_SIZE = 11;
  static final double LINE_HEIGHT_RATIO = 1.2;
  /** bpmn-js 18 pads embedded labels (task names) by 7 px on each side; older versions used 5. */
  static final double SHAPE_PADDING = 7;
  /** Height of a glyph box relative to the font size, above and below the baseline (Arial's font box). */
  static final double ASCENT = 0.905;
  static final double DESCENT = 0.212;

  private static final char SOFT_BREAK = '\u00AD';

  private static final int[] ASCII = { // U+0020 .. U+007E
      278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
      556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
      1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
      667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
      333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
      556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};

  private static final int[] LATIN_1 = { // U+00A0 .. U+00FF (soft hyphen drawn with no width)
      278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 0, 737, 552,
      400, 549, 333, 333, 333, 576, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
      667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
      722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
      556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
      556, 556, 556, 556, 556, 556, 556, 549, 611, 556, 556, 556, 556, 500, 556, 500};

  private static final Map<Character, Integer> PUNCTUATION = Map.of(
      '\u2013', 556, '\u2014', 1000, '\u201E', 333, '\u201C', 333, '\u201D', 333,
      '\u2018', 222, '\u2019', 222, '\u20AC', 556, '\u2026', 1000);

  private BpmnTextLayout() {
  }

  /** One laid-out line: its text and its width in px. */
  record Line(String text, double width) {
  }

  /** Width in px of the text as the browser measures it (trailing whitespace does not count). */
  static double width(String text, double fontSize) {
    String measured = text.replaceAll("\\s+$", "");
    double units = 0;
    for (int i = 0; i < measured.length(); i++) {
      units += advance(measured.charAt(i));
    }
    return units * fontSize / 1000;
  }

  private static int advance(char c) {
    if (c >= 0x20 && c <= 0x7E) {
      return ASCII[c - 0x20];
    }
    if (c >= 0xA0 && c <= 0xFF) {
      return LATIN_1[c - 0xA0];
    }
    return PUNCTUATION.getOrDefault(c, 1000);
  }

  static double lineHeight(double fontSize) {
    return fontSize * LINE_HEIGHT_RATIO;
  }

  /** The lines bpmn-js draws for the text in a box whose usable width is maxWidth. */
  static List<Line> layout(String text, double maxWidth, double fontSize) {
    Deque<String> lines = new ArrayDeque<>(List.of(text.split("\u00AD?\r?\n", -1)));
    List<Line> laidOut = new ArrayList<>();
    while (!lines.isEmpty()) {
      laidOut.add(layoutNext(lines, maxWidth, fontSize));
    }
    return laidOut;
  }

  private static Line layoutNext(Deque<String> lines, double maxWidth, double fontSize) {
    String original = lines.removeFirst();
    String fitLine = original;
    while (true) {
      double width = fitLine.isEmpty() ? 0 : width(fitLine, fontSize);
      if (fitLine.equals(" ") || fitLine.isEmpty() || width <= maxWidth || fitLine.length() < 2) {
        if (fitLine.length() < original.length()) {
          lines.addFirst(jsTrim(original.substring(fitLine.length())));
        }
        return new Line(fitLine, width);
      }
      fitLine = shortenLine(fitLine, width, maxWidth);
    }
  }

  private static String shortenLine(String line, double width, double maxWidth) {
    double length = Math.max(line.length() * (maxWidth / width), 1);
    String shortened = semanticShorten(line, length);
    if (shortened.isEmpty()) {
      shortened = line.substring(0, (int) Math.max(Math.round(length - 1), 1));
    }
    return shortened;
  }

  /** diagram-js: keep whole parts (split at whitespace, '-' and soft hyphens) while they fit the length. */
  private static String semanticShorten(String line, double maxLength) {
    List<String> parts = splitKeepingSeparators(line);
    List<String> kept = new ArrayList<>();
    int length = 0;
    if (parts.size() > 1) {
      for (String part : parts) {
        if (part.isEmpty()) {
          break; // JavaScript's while ((part = parts.shift())) stops at an empty part
        }
        if (part.length() + length < maxLength) {
          kept.add(part);
          length += part.length();
        } else {
          if ((part.equals("-") || part.equals(String.valueOf(SOFT_BREAK))) && !kept.isEmpty()) {
            kept.remove(kept.size() - 1);
          }
          break;
        }
      }
    }
    if (!kept.isEmpty() && kept.get(kept.size() - 1).equals(String.valueOf(SOFT_BREAK))) {
      kept.set(kept.size() - 1, "-");
    }
    return String.join("", kept);
  }

  /** Same as JavaScript's line.split(/(\s|-|\u00AD)/g): parts and the single separators between them. */
  private static List<String> splitKeepingSeparators(String line) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == SOFT_BREAK) {
        parts.add(current.toString());
        parts.add(String.valueOf(c));
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  private static String jsTrim(String s) {
    return s.strip();
  }

  /** The words of a name that bpmn-js may not break: split at whitespace, a hyphen stays with its word. */
  static List<String> unbreakableParts(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.strip().split("\\s+")) {
      for (String piece : word.split("(?<=[-\u00AD])")) {
        if (!piece.isEmpty()) {
          words.add(piece);
        }
      }
    }
    return words;
  }
}
