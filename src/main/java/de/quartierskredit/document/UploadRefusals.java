package de.quartierskredit.document;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart request Spring could not read, before any controller runs: far above the size limit (413)
 * or not a well-formed form with a file (400). Problem details in German, never a 500. Only the document
 * upload accepts multipart on {@code /api} (every other POST must be JSON: ApiRequestLimits).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadRefusals {

  private final DocumentSettings settings;

  UploadRefusals(DocumentSettings settings) {
    this.settings = settings;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
    return tooLarge(settings);
  }

  @ExceptionHandler(MultipartException.class)
  ProblemDetail unreadable(MultipartException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Der Inhalt ist kein gültiges Formular mit einer Datei (multipart/form-data mit den Feldern file, stage und type).");
    problem.setTitle("Ungültige Eingabe");
    return problem;
  }

  static ProblemDetail tooLarge(DocumentSettings settings) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "Die Datei ist größer als " + settings.maxSizeText() + ". Bitte verkleinern, zum Beispiel mit geringerer "
            + "Auflösung scannen oder auf mehrere Dateien aufteilen.");
    problem.setTitle("Datei zu groß");
    return problem;
  }
}
