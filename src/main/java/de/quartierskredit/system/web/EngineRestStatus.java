package de.quartierskredit.system.web;

import de.quartierskredit.system.engine.EngineErrorCodes;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.FeatureContext;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * The HTTP status of Camunda's REST answers for failures the engine marks with one of our error
 * codes: refused input 400 (Camunda answers it with 500 on routes that do not expect form validation,
 * such as {@code /start}), a task someone else completed first 409. Registered in every Jersey
 * application of the server, so {@code /engine-rest} and the webapps' {@code /camunda/api/engine}
 * (what Tasklist calls) answer alike. The body (type, message, code) stays as Camunda wrote it.
 */
public final class EngineRestStatus implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() >= 500 && response.getEntity() instanceof ExceptionDto error && error.getCode() != null) {
      int status = EngineErrorCodes.httpStatus(error.getCode());
      if (status > 0) {
        response.setStatus(status);
      }
    }
  }

  /** Jersey's service hook that adds the filter to each JAX-RS application it starts. */
  @ConstrainedTo(RuntimeType.SERVER)
  public static final class Registration implements ForcedAutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(EngineRestStatus.class)) {
        context.register(EngineRestStatus.class);
      }
      if (!context.getConfiguration().isRegistered(EngineRestRefusals.class)) {
        context.register(EngineRestRefusals.class);
      }
    }
  }
}
