package de.quartierskredit.system.web;

import de.quartierskredit.system.engine.EngineErrorCodes;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * Some of Camunda's REST resources catch every engine failure and answer with a status and message of
 * their own (adding a comment or an attachment: 400 "Not enough parameters submitted"; deleting an
 * attachment: 404). A failure that carries one of our codes ({@link EngineErrorCodes}) is answered as
 * itself instead: its own status (403 for a refused person) and its German message. Everything else
 * is answered exactly as Camunda would. Registered with {@link EngineRestStatus}.
 */
public final class EngineRestRefusals implements ExceptionMapper<InvalidRequestException> {

  @Override
  public Response toResponse(InvalidRequestException exception) {
    for (Throwable t = exception.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProcessEngineException engine && EngineErrorCodes.httpStatus(engine.getCode()) > 0) {
        return ExceptionHandlerHelper.getInstance().getResponse(engine);
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }
}
