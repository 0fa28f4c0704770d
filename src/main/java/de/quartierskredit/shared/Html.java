package de.quartierskredit.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What our server-rendered pages (the funder's report, the Kreditakte, the Unterlagen page) need to print
 * people's text safely: escaping for element content and attribute values, and the hash by which a page's
 * own inline script is allowed in its Content-Security-Policy ({@code script-src 'sha256-...'}) while
 * every other script stays forbidden.
 */
public final class Html {

  private Html() {
  }

  /** The text as HTML element content or a quoted attribute value; null prints as nothing. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /** The base64 SHA-256 of an inline script, as a CSP {@code 'sha256-...'} source names it. */
  public static String scriptHash(String script) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
