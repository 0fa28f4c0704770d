package de.quartierskredit.system.engine;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Whether an id named in a REST path exists for the current user. Camunda throws a plain engine
 * exception for many unknown ids ("No job found with id ...", "task ... doesn't exist"), which its
 * REST API answers with 500; asking the engine afterwards tells a missing resource (404) from a real
 * failure. Queries run with the caller's authorizations: what they may not see does not exist for
 * them.
 */
public final class EngineResources {

  /** Path words after a resource that name a collection operation, not an id ({@code /job/retries}). */
  private static final Set<String> NOT_IDS = Set.of("count", "suspended", "retries", "delete", "key",
      "job-retries", "variables", "create", "batch", "message-async", "suspended-async", "statistics",
      "report", "set-removal-time", "delete-historic-query-based", "correlate", "fetchAndLock", "topic-names");

  private EngineResources() {}

  /**
   * True or false when the REST resource ({@code job}, {@code task}, ...) is one we know and
   * {@code id} names an instance of it; empty when the path names no such resource id.
   */
  public static Optional<Boolean> exists(ProcessEngine engine, String resource, String id) {
    if (id == null || id.isEmpty() || NOT_IDS.contains(id)) {
      return Optional.empty();
    }
    return Optional.ofNullable(switch (resource) {
      case "job" -> engine.getManagementService().createJobQuery().jobId(id).count() > 0;
      case "job-definition" -> engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(id).count() > 0;
      case "task" -> engine.getTaskService().createTaskQuery().taskId(id).count() > 0;
      case "process-instance" ->
          engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0;
      case "execution" -> engine.getRuntimeService().createExecutionQuery().executionId(id).count() > 0;
      case "incident" -> engine.getRuntimeService().createIncidentQuery().incidentId(id).count() > 0;
      case "external-task" -> engine.getExternalTaskService().createExternalTaskQuery().externalTaskId(id).count() > 0;
      case "batch" -> engine.getManagementService().createBatchQuery().batchId(id).count() > 0;
      default -> null;
    });
  }
}
