package de.quartierskredit.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What our {@code /api} accepts as a request body before anything parses it: JSON only (else 415),
 * at most {@link #MAX_BODY} bytes (else 413) and at most {@link JsonDepth#MAX} levels deep (else
 * 400), all answered as problem details. Runs after the
 * authentication, so anonymous callers still get 401. The one exception is the upload of a loan's
 * documents ({@code POST /api/loans/{reference}/documents}): a file as multipart form, whose size the
 * multipart limits and the upload itself check (quartierskredit.documents.max-size).
 */
class ApiRequestLimits extends OncePerRequestFilter {

  /** Far above any application or bank event (a few KB), far below what could hurt the server. */
  static final int MAX_BODY = 256 * 1024;

  private static final java.util.regex.Pattern DOCUMENT_UPLOAD = java.util.regex.Pattern.compile("/api/loans/[^/]+/documents");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if ("POST".equals(request.getMethod()) && DOCUMENT_UPLOAD.matcher(request.getRequestURI()).matches()) {
      return true;
    }
    return !"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())
        && !"PATCH".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isJson(request.getContentType())) {
      Problems.write(response, 415, "Nicht unterstütztes Format",
          "Bitte den Inhalt als JSON senden (Content-Type: application/json).", request.getRequestURI());
      return;
    }
    if (request.getContentLengthLong() > MAX_BODY) {
      tooLarge(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      tooLarge(request, response);
      return;
    }
    if (JsonDepth.tooDeep(body)) {
      Problems.write(response, 400, "Ungültige Eingabe",
          "Der Inhalt ist tiefer als " + JsonDepth.MAX + " Ebenen verschachtelt.", request.getRequestURI());
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private static void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Problems.write(response, 413, "Inhalt zu groß",
        "Der Inhalt ist größer als " + MAX_BODY / 1024 + " KB.", request.getRequestURI());
  }

  private static boolean isJson(String contentType) {
    try {
      MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
      return type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
          || "json".equals(type.getSubtypeSuffix()));
    } catch (IllegalArgumentException invalid) {
      return false;
    }
  }
}
