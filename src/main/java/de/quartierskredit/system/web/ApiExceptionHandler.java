package de.quartierskredit.system.web;

import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.loan.IllegalLoanStateException;
import de.quartierskredit.loan.UnknownLoanException;
import java.util.List;
import java.util.Map;
import de.quartierskredit.system.engine.ConcurrentChangeException;
import de.quartierskredit.system.engine.EngineRefusals;
import de.quartierskredit.system.engine.PersonAuthorizations;
import de.quartierskredit.system.engine.TaskAlreadyDoneException;
import de.quartierskredit.system.engine.TaskTakenException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of our endpoints as RFC 9457 problem details; input errors name the failing fields
 * ({@code errors: [{field, message}]}). No stack trace ever reaches the caller.
 *
 * <p>Not limited to our controllers: a path no handler serves ({@code /api/bank/events/} with its
 * trailing slash) is answered by Spring's resource handler, and its 404 is a problem detail too.
 * Camunda's REST API is JAX-RS and keeps its own error format.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(InputRefusedException.class)
  ProblemDetail invalid(InputRefusedException e) {
    return withErrors(problem(HttpStatus.BAD_REQUEST, "Ungültige Eingabe",
        "Bitte die markierten Felder korrigieren."), e.errors());
  }

  /** Input refused inside the engine (a delegate of the process our endpoint started or moved on). */
  @ExceptionHandler(FormFieldValidationException.class)
  ProblemDetail refusedInEngine(FormFieldValidationException e) {
    return InputRefusedException.in(e).map(this::invalid).orElseGet(() -> problem(HttpStatus.BAD_REQUEST,
        "Ungültige Eingabe", "Die Eingabe wurde abgelehnt."));
  }

  /** Camunda's refusal in English ("The user with id ... does not have ...") becomes a German sentence. */
  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "Keine Berechtigung", e.getMissingAuthorizations().isEmpty()
        ? e.getMessage() : PersonAuthorizations.german(e.getMissingAuthorizations()));
  }

  /** A step the person may not do (separation of duties): its German reason. */
  @ExceptionHandler(EngineRefusals.NotPermitted.class)
  ProblemDetail notPermitted(EngineRefusals.NotPermitted e) {
    return problem(HttpStatus.FORBIDDEN, "Keine Berechtigung", e.getMessage());
  }

  /** Someone else was first: the task is done or claimed, or the case changed at the same moment. */
  @ExceptionHandler({TaskAlreadyDoneException.class, TaskTakenException.class, ConcurrentChangeException.class})
  ProblemDetail taken(ProcessEngineException e) {
    return problem(HttpStatus.CONFLICT, "Schon erledigt oder vergeben", e.getMessage());
  }

  @ExceptionHandler(IllegalLoanStateException.class)
  ProblemDetail conflict(IllegalLoanStateException e) {
    return problem(HttpStatus.CONFLICT, "Im aktuellen Zustand nicht möglich", e.reason());
  }

  @ExceptionHandler(UnknownLoanException.class)
  ProblemDetail notFound(UnknownLoanException e) {
    return problem(HttpStatus.NOT_FOUND, "Kredit unbekannt", e.getMessage());
  }

  /** A query parameter of the wrong type ({@code ?asOf=abc}): 400 naming the parameter. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
    ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Ungültige Eingabe", "Bitte die markierten Felder korrigieren.");
    withErrors(body, List.of(new FieldError(field == null ? "?" : field, "Wert hat nicht das erwartete Format.")));
    return ResponseEntity.badRequest().body(body);
  }

  /**
   * A body our strict JSON reading refuses (see {@link StrictJson}): an unknown field, a value of the
   * wrong type (a number sent as text), a key given twice. Names the field where the parser knows it.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Ungültige Eingabe",
        "Der Inhalt ist kein gültiges JSON-Dokument dieses Formats.");
    StrictJson.refusedField(e.getCause())
        .ifPresent(error -> withErrors(body, List.of(error)));
    return ResponseEntity.badRequest().body(body);
  }

  /** A path no handler serves, for example with a trailing slash: 404, one spelling per resource. */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "Adresse unbekannt",
        "Unter dieser Adresse gibt es nichts (Adressen enden ohne Schrägstrich)."));
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers).body(problem(
        HttpStatus.METHOD_NOT_ALLOWED, "Methode nicht erlaubt",
        "Diese Adresse nimmt " + e.getMethod() + " nicht an."));
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  private static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
    problem.setProperty("errors", errors.stream()
        .map(e -> e.field() == null ? Map.of("message", e.message())
            : Map.of("field", e.field(), "message", e.message()))
        .toList());
    return problem;
  }
}
