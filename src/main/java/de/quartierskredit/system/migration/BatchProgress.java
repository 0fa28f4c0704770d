package de.quartierskredit.system.migration;

import java.util.Date;
import java.util.List;

/** How far a migration batch is: Camunda's batch statistics, or its history once it has finished. */
record BatchProgress(String batchId, String type, String state, Integer totalJobs, Integer completedJobs,
    Integer remainingJobs, Integer failedJobs, List<FailedJob> failedJobList, Date startTime, Date endTime,
    String createdBy) {

  /** A migration job that failed (retries left or an incident in Cockpit) and why. */
  record FailedJob(String jobId, int retries, String message) {}
}
