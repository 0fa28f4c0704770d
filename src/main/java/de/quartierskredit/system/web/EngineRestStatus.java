package de.quartierskredit.system.web;

import de.quartierskredit.system.engine.EngineErrorCodes;
import de.quartierskredit.system.engine.EngineResources;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.PathSegment;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP status of Camunda's REST answers that would otherwise be a 500 caused by the caller:
 * <ul>
 *   <li>failures the engine marks with one of our error codes: refused input 400 (Camunda answers it
 *       with 500 on routes that do not expect form validation, such as {@code /start}), a task
 *       someone else completed first 409;</li>
 *   <li>an unknown id in the path ({@code PUT /job/nojob/retries}): 404, when the engine confirms that
 *       the job, task, process instance, execution, incident... does not exist for the caller
 *       ({@link EngineResources}).</li>
 * </ul>
 * Registered in every Jersey application of the server, so {@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine} (what Tasklist calls) answer alike. Failures carrying our codes are
 * answered before they get here ({@link EngineRestRefusals}); this filter keeps the status right for
 * any that a resource turned into a 500 itself.
 */
public final class EngineRestStatus implements ContainerResponseFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestStatus.class);

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() < 500 || !(response.getEntity() instanceof ExceptionDto error)) {
      return;
    }
    int status = error.getCode() == null ? 0 : EngineErrorCodes.httpStatus(error.getCode());
    if (status == 0 && unknownId(request.getUriInfo().getPathSegments())) {
      status = 404;
    }
    if (status > 0) {
      response.setStatus(status);
    }
  }

  /** True when the path's resource id (after an optional {@code engine/<name>}) does not exist. */
  private static boolean unknownId(List<PathSegment> segments) {
    List<String> path = segments.stream().map(PathSegment::getPath).filter(s -> !s.isEmpty()).toList();
    String engineName = null;
    if (path.size() >= 2 && "engine".equals(path.get(0))) {
      engineName = path.get(1);
      path = path.subList(2, path.size());
    }
    if (path.size() < 2) {
      return false;
    }
    try {
      ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
      return engine != null && EngineResources.exists(engine, path.get(0), path.get(1)).map(found -> !found)
          .orElse(false);
    } catch (RuntimeException lookupFailed) {
      LOG.debug("Cannot tell whether {} exists; the answer stays 500", path, lookupFailed);
      return false;
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
      // before Camunda's own mappers of RestException and ProcessEngineException (priority 5000 by
      // default; Jersey prefers the lower number among mappers of the same exception type)
      for (Class<?> mapper : List.of(EngineRestRefusals.Invalid.class, EngineRestRefusals.Wrapped.class,
          EngineRestRefusals.Thrown.class)) {
        if (!context.getConfiguration().isRegistered(mapper)) {
          context.register(mapper, Priorities.USER - 100);
        }
      }
    }
  }
}
