package de.quartierskredit.document;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a file is, read from its bytes and never from its name or the browser's header: PDF ({@code %PDF-}
 * at the start and an {@code %%EOF} trailer near the end), JPEG (start-of-image {@code FF D8 FF}, end-of-image
 * {@code FF D9} at the end) or PNG (the signature, the {@code IHDR} chunk first and the {@code IEND} chunk
 * last). Anything else, a renamed text or program included, is no document. Trailing padding (NUL, blanks,
 * line ends) that scanners and mail programs add is tolerated.
 */
final class FileContentPolicy {

  static final String PDF = "application/pdf";
  static final String JPEG = "image/jpeg";
  static final String PNG = "image/png";

  static final String REFUSAL = "Nur PDF-, JPEG- und PNG-Dateien werden angenommen; der Inhalt dieser Datei ist "
      + "keiner davon (geprüft wird der Inhalt, nicht der Name). Bitte als PDF speichern oder scannen.";

  private static final byte[] PDF_START = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PDF_END = "%%EOF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] PNG_IHDR = {'I', 'H', 'D', 'R'};
  private static final byte[] PNG_IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
  /** PDF writers may put a few lines after %%EOF (incremental updates end with their own %%EOF). */
  private static final int PDF_TRAILER_WINDOW = 1024;

  private FileContentPolicy() {}

  /** The media type of the content, or empty when it is neither PDF, JPEG nor PNG. */
  static Optional<String> detect(byte[] content) {
    if (content == null || content.length < 8) {
      return Optional.empty();
    }
    int end = endWithoutPadding(content);
    if (startsWith(content, PDF_START)
        && indexOf(content, PDF_END, Math.max(0, end - PDF_TRAILER_WINDOW), end) >= 0) {
      return Optional.of(PDF);
    }
    if ((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8 && (content[2] & 0xFF) == 0xFF
        && end >= 4 && (content[end - 2] & 0xFF) == 0xFF && (content[end - 1] & 0xFF) == 0xD9) {
      return Optional.of(JPEG);
    }
    if (content.length >= 16 + PNG_IEND.length && startsWith(content, PNG_SIGNATURE)
        && regionMatches(content, 12, PNG_IHDR) && end >= PNG_IEND.length
        && regionMatches(content, end - PNG_IEND.length, PNG_IEND)) {
      return Optional.of(PNG);
    }
    return Optional.empty();
  }

  /** The length without trailing NUL bytes and blanks. */
  private static int endWithoutPadding(byte[] content) {
    int end = content.length;
    while (end > 0 && (content[end - 1] == 0 || content[end - 1] == '\n' || content[end - 1] == '\r'
        || content[end - 1] == ' ' || content[end - 1] == '\t')) {
      end--;
    }
    return end;
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return regionMatches(content, 0, prefix);
  }

  private static boolean regionMatches(byte[] content, int offset, byte[] expected) {
    if (offset < 0 || offset + expected.length > content.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (content[offset + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] content, byte[] needle, int from, int to) {
    for (int i = from; i + needle.length <= to; i++) {
      if (regionMatches(content, i, needle)) {
        return i;
      }
    }
    return -1;
  }
}
