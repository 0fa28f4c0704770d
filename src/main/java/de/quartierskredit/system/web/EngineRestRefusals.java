package de.quartierskredit.system.web;

import de.quartierskredit.system.engine.EngineErrorCodes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * How Camunda's REST APIs ({@code /engine-rest}, Tasklist's {@code /camunda/api/engine}) answer a
 * failure that carries one of our codes ({@link EngineErrorCodes}): refused input 400, a step the
 * person may not do 403, a task someone else completed or claimed 409. The body keeps Camunda's shape,
 * which Tasklist shows, {@code {"type": "InputRefused", "message": ..., "code": 22400}}, but its message
 * is only the German reason: Camunda's resources wrap a failure in "Cannot submit task form 9d6d...: "
 * or "Cannot instantiate process definition repayment-rescheduling:1:...: ", which a person cannot act
 * on. The refusal was logged once by the engine boundary; Camunda's REST logger (a 500 with stack
 * trace) is not involved. Everything else is answered exactly as Camunda would.
 *
 * <p>Three mappers, one per way the failure arrives: thrown by the engine as it is (claim, resolve), or
 * wrapped by the resource in a {@link RestException} (complete, submit, start) or an
 * {@link InvalidRequestException}. Camunda maps {@code RestException} and {@code ProcessEngineException}
 * itself; ours are registered with a higher priority ({@link EngineRestStatus.Registration}) and take
 * only failures carrying our codes ({@link ExtendedExceptionMapper#isMappable}).
 */
public final class EngineRestRefusals {

  private EngineRestRefusals() {}

  /** Our refusal among the causes of {@code failure}, or null. */
  static ProcessEngineException ours(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (EngineErrorCodes.httpStatus(t) > 0) {
        return (ProcessEngineException) t;
      }
    }
    return null;
  }

  /** The answer to our refusal: its status, Camunda's error body with the refusal's own type, message and code. */
  static Response answer(ProcessEngineException refusal) {
    ExceptionDto body = new ExceptionDto();
    body.setType(refusal.getClass().getSimpleName());
    body.setMessage(refusal.getMessage());
    body.setCode(refusal.getCode());
    return Response.status(EngineErrorCodes.httpStatus(refusal.getCode())).entity(body)
        .type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * Resources that catch every engine failure and answer with a status and message of their own (adding
   * a comment: 400 "Not enough parameters submitted"; deleting an attachment: 404), and completions,
   * submissions and starts that wrap a {@code RestException} once more.
   */
  public static final class Invalid implements ExceptionMapper<InvalidRequestException> {
    @Override
    public Response toResponse(InvalidRequestException exception) {
      ProcessEngineException refusal = ours(exception);
      return refusal != null ? answer(refusal) : ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  /** Completions, form submissions and starts: the resource wraps the failure in a {@code RestException}. */
  public static final class Wrapped implements ExtendedExceptionMapper<RestException> {
    @Override
    public boolean isMappable(RestException exception) {
      return ours(exception) != null;
    }

    @Override
    public Response toResponse(RestException exception) {
      return answer(ours(exception));
    }
  }

  /** Claims, resolutions, hand-overs: the engine's failure arrives as it was thrown. */
  public static final class Thrown implements ExtendedExceptionMapper<ProcessEngineException> {
    @Override
    public boolean isMappable(ProcessEngineException exception) {
      return EngineErrorCodes.httpStatus(exception) > 0;
    }

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception);
    }
  }
}
