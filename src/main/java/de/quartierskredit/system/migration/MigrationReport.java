package de.quartierskredit.system.migration;

import java.util.List;

/**
 * The answer to a migration request: per source version the instances found, the plan's
 * instructions, what stands in the way (plan and instance failures) and the batch that moves them.
 * {@code status}: {@code VALID} (dry run, all would move), {@code STARTED} (batches created),
 * {@code NOTHING_TO_MIGRATE}, or {@code REFUSED} (nothing migrated).
 */
record MigrationReport(String processKey, Definition target, boolean dryRun, String status, long instances,
    List<Source> sources) {

  /** A deployed version of the process. */
  record Definition(String id, int version, String deploymentId) {}

  /** One older version and what happens to its running instances. */
  record Source(Definition definition, long instances, List<Instruction> instructions, List<Failure> failures,
      String batchId) {}

  /** "Activity {@code from} of the old version becomes {@code to} in the new." */
  record Instruction(String from, String to, boolean updateEventTrigger) {}

  /** Why something cannot move: the activity (or variable, or instance) and the engine's reason. */
  record Failure(String processInstanceId, String businessKey, String activityId, String message) {}
}
