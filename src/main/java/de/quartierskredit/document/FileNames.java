package de.quartierskredit.document;

import java.util.Locale;
import java.util.Map;

/**
 * The name a file had on the caseworker's computer, made safe to show and to offer for download: no
 * directories (a browser or a crafted request may send {@code C:\Users\...\ausweis.pdf} or
 * {@code ../../x}), no control or direction-changing characters, none of the characters Windows refuses,
 * at most {@link #MAX_LENGTH} characters, and an extension that matches the content (a PDF sent as
 * {@code rechnung.exe} is offered as {@code rechnung.exe.pdf}).
 */
final class FileNames {

  static final int MAX_LENGTH = 120;
  static final String FALLBACK = "Unterlage";
  private static final Map<String, String> EXTENSIONS = Map.of(
      FileContentPolicy.PDF, ".pdf", FileContentPolicy.JPEG, ".jpg", FileContentPolicy.PNG, ".png");

  private FileNames() {}

  static String safe(String original, String contentType) {
    String name = original == null ? "" : original;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder kept = new StringBuilder();
    name.codePoints().forEach(c -> {
      int type = Character.getType(c);
      if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        return;
      }
      kept.appendCodePoint(":*?\"<>|".indexOf(c) >= 0 ? '_' : c);
    });
    name = kept.toString().strip();
    while (name.startsWith(".")) {
      name = name.substring(1).strip();
    }
    String extension = EXTENSIONS.getOrDefault(contentType, "");
    String lower = name.toLowerCase(Locale.ROOT);
    boolean matches = lower.endsWith(extension)
        || (FileContentPolicy.JPEG.equals(contentType) && lower.endsWith(".jpeg"));
    String base = matches ? name.substring(0, name.length() - (lower.endsWith(".jpeg") ? 5 : extension.length()))
        : name;
    String suffix = matches ? name.substring(base.length()) : extension;
    if (base.isBlank()) {
      base = FALLBACK;
    }
    int room = MAX_LENGTH - suffix.length();
    if (base.codePointCount(0, base.length()) > room) {
      base = base.substring(0, base.offsetByCodePoints(0, room)).strip();
    }
    return base + suffix;
  }
}
