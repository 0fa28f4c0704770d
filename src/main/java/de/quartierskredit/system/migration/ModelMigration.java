package de.quartierskredit.system.migration;

import de.quartierskredit.system.migration.MigrationReport.Definition;
import de.quartierskredit.system.migration.MigrationReport.Failure;
import de.quartierskredit.system.migration.MigrationReport.Instruction;
import de.quartierskredit.system.migration.MigrationReport.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationReport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running instances of a process to a newer version of its model with Camunda's migration API:
 * builds one plan per older version (equal activity ids mapped, plus the process owner's extra
 * mappings), validates the plan and then every instance (by migrating it in a transaction that is
 * rolled back), and only when nothing stands in the way starts one batch per older version, which
 * Cockpit shows under Batches. Variables move with their instances unchanged (Camunda keeps them).
 */
@Service
class ModelMigration {

  private static final Logger LOG = LoggerFactory.getLogger(ModelMigration.class);
  /** Instance failures reported at most per older version; the rest are counted, not listed. */
  static final int MAX_REPORTED_INSTANCES = 50;

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final TransactionTemplate transactions;

  ModelMigration(RepositoryService repository, RuntimeService runtime, ManagementService management,
      HistoryService history, TransactionTemplate transactions) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
    this.transactions = transactions;
  }

  MigrationReport migrate(MigrationRequest request) {
    if (request.processKey() == null || request.processKey().isBlank()) {
      throw new InvalidMigrationRequestException("processKey fehlt: welcher Prozess soll migriert werden?");
    }
    ProcessDefinition target = target(request);
    List<ProcessDefinition> sources = sources(request, target);
    List<Prepared> prepared = new ArrayList<>();
    boolean refused = false;
    long total = 0;
    for (ProcessDefinition source : sources) {
      Prepared p = prepare(source, target, request);
      prepared.add(p);
      refused |= !p.failures.isEmpty();
      total += p.instances.size();
    }
    String status;
    if (refused) {
      status = "REFUSED";
    } else if (total == 0) {
      status = "NOTHING_TO_MIGRATE";
    } else if (request.dryRun()) {
      status = "VALID";
    } else {
      status = "STARTED";
      for (Prepared p : prepared) {
        if (!p.instances.isEmpty()) {
          Batch batch = runtime.newMigration(p.plan).processInstanceIds(ids(p.instances)).executeAsync();
          p.batchId = batch.getId();
          LOG.info("Migration of {} instances of {} to {} started as batch {}", p.instances.size(),
              p.source.getId(), target.getId(), batch.getId());
        }
      }
    }
    List<Source> report = prepared.stream().map(p -> new Source(definition(p.source), p.instances.size(),
        p.instructions, p.failures, p.batchId)).toList();
    return new MigrationReport(target.getKey(), definition(target), request.dryRun(), status, total, report);
  }

  BatchProgress progress(String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    if (batch != null) {
      BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
      List<BatchProgress.FailedJob> failed = management.createJobQuery()
          .jobDefinitionId(batch.getBatchJobDefinitionId()).withException().list().stream()
          .map(job -> new BatchProgress.FailedJob(job.getId(), job.getRetries(), job.getExceptionMessage()))
          .toList();
      return new BatchProgress(batchId, batch.getType(), batch.isSuspended() ? "SUSPENDED" : "RUNNING",
          statistics.getTotalJobs(), statistics.getCompletedJobs(), statistics.getRemainingJobs(),
          statistics.getFailedJobs(), failed, batch.getStartTime(), null, batch.getCreateUserId());
    }
    HistoricBatch done = history.createHistoricBatchQuery().batchId(batchId).singleResult();
    if (done == null) {
      throw new UnknownMigrationException("Keinen Batch " + batchId + " gefunden.");
    }
    return new BatchProgress(batchId, done.getType(), done.getEndTime() != null ? "COMPLETED" : "DELETED",
        done.getTotalJobs(), null, 0, 0, List.of(), done.getStartTime(), done.getEndTime(), done.getCreateUserId());
  }

  private ProcessDefinition target(MigrationRequest request) {
    var query = repository.createProcessDefinitionQuery().processDefinitionKey(request.processKey());
    ProcessDefinition target = request.targetVersion() == null
        ? query.latestVersion().singleResult()
        : query.processDefinitionVersion(request.targetVersion()).singleResult();
    if (target == null) {
      throw new UnknownMigrationException("Prozess '" + request.processKey() + "'"
          + (request.targetVersion() == null ? "" : " in Version " + request.targetVersion()) + " ist nicht deployt.");
    }
    return target;
  }

  private List<ProcessDefinition> sources(MigrationRequest request, ProcessDefinition target) {
    var query = repository.createProcessDefinitionQuery().processDefinitionKey(request.processKey());
    if (request.sourceVersion() != null) {
      if (request.sourceVersion() == target.getVersion()) {
        throw new InvalidMigrationRequestException("sourceVersion und targetVersion sind beide " + target.getVersion() + ".");
      }
      ProcessDefinition source = query.processDefinitionVersion(request.sourceVersion()).singleResult();
      if (source == null) {
        throw new UnknownMigrationException("Prozess '" + request.processKey() + "' in Version "
            + request.sourceVersion() + " ist nicht deployt.");
      }
      return List.of(source);
    }
    return query.orderByProcessDefinitionVersion().asc().list().stream()
        .filter(d -> d.getVersion() < target.getVersion()).toList();
  }

  private Prepared prepare(ProcessDefinition source, ProcessDefinition target, MigrationRequest request) {
    Prepared p = new Prepared(source);
    ProcessInstanceQuery query = runtime.createProcessInstanceQuery().processDefinitionId(source.getId());
    if (request.processInstanceIds() != null && !request.processInstanceIds().isEmpty()) {
      query.processInstanceIds(new HashSet<>(request.processInstanceIds()));
    }
    p.instances = query.list();
    if (p.instances.isEmpty()) {
      return p; // an old version nobody runs on any more: no plan needed
    }
    try {
      p.plan = plan(source, target, request);
      p.instructions = instructions(p.plan.getInstructions());
    } catch (MigrationPlanValidationException e) {
      MigrationPlanValidationReport report = e.getValidationReport();
      p.instructions = instructions(report.getMigrationPlan().getInstructions());
      for (MigrationInstructionValidationReport instruction : report.getInstructionReports()) {
        String activity = instruction.getMigrationInstruction().getSourceActivityId() + " -> "
            + instruction.getMigrationInstruction().getTargetActivityId();
        instruction.getFailures().forEach(f -> p.failures.add(new Failure(null, null, activity, f)));
      }
      report.getVariableReports().forEach((name, variable) -> variable.getFailures()
          .forEach(f -> p.failures.add(new Failure(null, null, "Variable " + name, f))));
      return p;
    } catch (ProcessEngineException e) {
      p.failures.add(new Failure(null, null, null, e.getMessage()));
      return p;
    }
    if (!p.instances.isEmpty()) {
      p.failures.addAll(tryInstances(p.plan, p.instances));
    }
    return p;
  }

  /** Equal activity ids mapped, except where the process owner mapped an activity explicitly. */
  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, MigrationRequest request) {
    MigrationInstructionsBuilder equal = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
    if (request.updateEventTriggers()) {
      equal = equal.updateEventTriggers();
    }
    List<MigrationInstruction> generated;
    try {
      generated = equal.build().getInstructions();
    } catch (MigrationPlanValidationException e) {
      generated = e.getValidationReport().getMigrationPlan().getInstructions();
    }
    Set<String> explicit = new HashSet<>();
    request.mappings().forEach(m -> explicit.add(m.from()));
    MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
    for (MigrationInstruction instruction : generated) {
      if (!explicit.contains(instruction.getSourceActivityId())) {
        var mapped = builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId());
        builder = instruction.isUpdateEventTrigger() ? mapped.updateEventTrigger() : mapped;
      }
    }
    for (MigrationRequest.Mapping mapping : request.mappings()) {
      builder = builder.mapActivities(mapping.from(), mapping.to());
    }
    return builder.build();
  }

  /**
   * Migrates the instances in a transaction that is always rolled back: the engine checks each
   * instance against the plan exactly as the batch will. On a failure each instance is tried alone,
   * so that the report names every instance that cannot move, not just the first.
   */
  private List<Failure> tryInstances(MigrationPlan plan, List<ProcessInstance> instances) {
    if (migratesInRolledBackTransaction(plan, ids(instances)) == null) {
      return List.of();
    }
    List<Failure> failures = new ArrayList<>();
    int failing = 0;
    for (ProcessInstance instance : instances) {
      RuntimeException refused = migratesInRolledBackTransaction(plan, List.of(instance.getId()));
      if (refused == null) {
        continue;
      }
      if (++failing > MAX_REPORTED_INSTANCES) {
        continue;
      }
      if (refused instanceof MigratingProcessInstanceValidationException invalid) {
        failures.addAll(failures(instance, invalid.getValidationReport()));
      } else {
        failures.add(new Failure(instance.getId(), instance.getBusinessKey(), null, refused.getMessage()));
      }
    }
    if (failing > MAX_REPORTED_INSTANCES) {
      failures.add(new Failure(null, null, null, (failing - MAX_REPORTED_INSTANCES) + " weitere Instanzen "
          + "können ebenfalls nicht migriert werden."));
    }
    return failures;
  }

  private RuntimeException migratesInRolledBackTransaction(MigrationPlan plan, List<String> ids) {
    try {
      transactions.executeWithoutResult(status -> {
        status.setRollbackOnly();
        runtime.newMigration(plan).processInstanceIds(ids).execute();
      });
      return null;
    } catch (ProcessEngineException e) {
      return e;
    }
  }

  private static List<Failure> failures(ProcessInstance instance, MigratingProcessInstanceValidationReport report) {
    List<Failure> failures = new ArrayList<>();
    report.getFailures().forEach(f -> failures.add(new Failure(instance.getId(), instance.getBusinessKey(), null, f)));
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      activity.getFailures().forEach(f -> failures.add(
          new Failure(instance.getId(), instance.getBusinessKey(), activity.getSourceScopeId(), f)));
    }
    for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
      transition.getFailures().forEach(f -> failures.add(
          new Failure(instance.getId(), instance.getBusinessKey(), transition.getSourceScopeId(), f)));
    }
    return failures;
  }

  private static List<Instruction> instructions(List<MigrationInstruction> instructions) {
    return instructions.stream()
        .map(i -> new Instruction(i.getSourceActivityId(), i.getTargetActivityId(), i.isUpdateEventTrigger()))
        .toList();
  }

  private static List<String> ids(List<ProcessInstance> instances) {
    return instances.stream().map(ProcessInstance::getId).toList();
  }

  private static Definition definition(ProcessDefinition definition) {
    return new Definition(definition.getId(), definition.getVersion(), definition.getDeploymentId());
  }

  /** One older version on its way through preparation. */
  private static final class Prepared {
    final ProcessDefinition source;
    List<ProcessInstance> instances = List.of();
    MigrationPlan plan;
    List<Instruction> instructions = List.of();
    final List<Failure> failures = new ArrayList<>();
    String batchId;

    Prepared(ProcessDefinition source) {
      this.source = source;
    }
  }
}
