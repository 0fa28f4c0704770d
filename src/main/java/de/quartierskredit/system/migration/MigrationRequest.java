package de.quartierskredit.system.migration;

import java.util.List;

/**
 * What a process owner asks to migrate: the running instances of {@code processKey} from one older
 * version (or, without {@code sourceVersion}, from every older version) to {@code targetVersion}
 * (default: the latest). Activities with equal ids are mapped; {@code extraMappings} map renamed or
 * moved activities and take precedence. {@code processInstanceIds} restricts the migration to some
 * instances (a pilot); {@code updateEventTriggers} re-creates timers and message subscriptions from
 * the new model instead of keeping them (and their due dates) as they are.
 */
record MigrationRequest(String processKey, Integer sourceVersion, Integer targetVersion, boolean dryRun,
    List<Mapping> extraMappings, List<String> processInstanceIds, boolean updateEventTriggers) {

  /** One activity of the old version mapped to one of the new. */
  record Mapping(String from, String to) {}

  List<Mapping> mappings() {
    return extraMappings == null ? List.of() : extraMappings;
  }
}
