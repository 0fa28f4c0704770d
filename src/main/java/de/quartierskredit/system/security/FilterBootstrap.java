package de.quartierskredit.system.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.fund.Quarter;
import de.quartierskredit.fund.QuarterRepository;
import de.quartierskredit.system.engine.StartupLock;
import de.quartierskredit.tasklist.TaskListFilters;
import de.quartierskredit.tasklist.TaskListFilters.TaskListFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the Tasklist filters of {@link TaskListFilters} on every start, in every profile, and keeps them as
 * defined: a filter is found by its marker property (not its name), its name, query and properties are
 * restored when they differ, and exactly the groups it serves may READ it (a grant per filter and group; any
 * other grant on it is removed). Filters this application no longer defines, and the single "Alle Aufgaben"
 * filter of earlier versions, are deleted. Runs under the {@link StartupLock}: several nodes starting at once
 * do it one after the other, and a second start changes nothing.
 */
@Component
class FilterBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(FilterBootstrap.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The one filter earlier versions created for everyone ({@code camunda.bpm.filter.create}). */
  static final String LEGACY_FILTER = "Alle Aufgaben";

  private final ProcessEngine engine;
  private final QuarterRepository quarters;
  private final StartupLock lock;

  FilterBootstrap(ProcessEngine engine, QuarterRepository quarters, StartupLock lock) {
    this.engine = engine;
    this.quarters = quarters;
    this.lock = lock;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(1)
  public void onStart() {
    LOG.info("Tasklist filters: {}", synchronise());
  }

  /** {@link #apply()} under the start-up lock, in one transaction. */
  Changes synchronise() {
    return lock.hold(this::apply);
  }

  List<TaskListFilter> wanted() {
    return TaskListFilters.all(engine.getTaskService(), quarters.findAll().stream().map(Quarter::code).toList());
  }

  /** Brings the stored filters and their grants in line with the definitions; what it had to change. */
  Changes apply() {
    FilterService filters = engine.getFilterService();
    List<Filter> stored = new ArrayList<>(filters.createFilterQuery().orderByFilterId().asc().list());
    Changes changes = new Changes();
    Set<String> keys = new HashSet<>();
    for (TaskListFilter definition : wanted()) {
      keys.add(definition.key());
      List<Filter> matching = stored.stream().filter(f -> definition.key().equals(key(f))).toList();
      Filter filter;
      if (matching.isEmpty()) {
        filter = filters.newTaskFilter(definition.name());
        filter.setQuery(definition.query());
        filter.setProperties(definition.properties());
        filter = filters.saveFilter(filter);
        changes.created++;
      } else {
        filter = matching.get(0);
        for (Filter duplicate : matching.subList(1, matching.size())) {
          filters.deleteFilter(duplicate.getId());
          changes.deleted++;
        }
        if (differs(filter, definition)) {
          filter.setName(definition.name());
          filter.setOwner(null);
          filter.setQuery(definition.query());
          filter.setProperties(definition.properties());
          filters.saveFilter(filter);
          changes.updated++;
        }
      }
      grantExactly(filter.getId(), definition.groups(), changes);
    }
    for (Filter filter : stored) {
      boolean retired = key(filter) != null && !keys.contains(key(filter));
      boolean legacy = key(filter) == null && LEGACY_FILTER.equals(filter.getName()) && filter.getOwner() == null;
      if (retired || legacy) {
        filters.deleteFilter(filter.getId());
        changes.deleted++;
      }
    }
    return changes;
  }

  /** The managed filter's key, or null for a filter this application does not manage. */
  static String key(Filter filter) {
    Map<String, Object> properties = filter.getProperties();
    Object key = properties == null ? null : properties.get(TaskListFilters.MARKER);
    return key instanceof String text ? text : null;
  }

  private boolean differs(Filter stored, TaskListFilter definition) {
    Filter wanted = engine.getFilterService().newTaskFilter(definition.name());
    wanted.setQuery(definition.query());
    wanted.setProperties(definition.properties());
    return !definition.name().equals(stored.getName()) || stored.getOwner() != null
        || !sameJson(internal(stored).getQueryInternal(), internal(wanted).getQueryInternal())
        || !sameJson(internal(stored).getPropertiesInternal(), internal(wanted).getPropertiesInternal());
  }

  private static FilterEntity internal(Filter filter) {
    return (FilterEntity) filter;
  }

  /** The same JSON, whatever the order of keys. */
  private static boolean sameJson(String a, String b) {
    try {
      return JSON.readTree(a).equals(JSON.readTree(b));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** Exactly READ for each of the groups, nothing for anyone else. */
  private void grantExactly(String filterId, List<String> groups, Changes changes) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Set<String> missing = new HashSet<>(groups);
    List<Authorization> existing = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filterId).list();
    existing.sort(Comparator.comparing(Authorization::getId));
    for (Authorization authorization : existing) {
      boolean wantedGrant = authorization.getAuthorizationType() == AUTH_TYPE_GRANT
          && authorization.getGroupId() != null && missing.remove(authorization.getGroupId());
      if (!wantedGrant) {
        authorizations.deleteAuthorization(authorization.getId());
        changes.revoked++;
      } else if (!readOnly(authorization)) {
        authorization.setPermissions(new Permission[] {Permissions.READ});
        authorizations.saveAuthorization(authorization);
        changes.granted++;
      }
    }
    for (String group : groups) {
      if (missing.contains(group)) {
        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.FILTER);
        grant.setResourceId(filterId);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
        changes.granted++;
      }
    }
  }

  private static boolean readOnly(Authorization authorization) {
    return authorization.isPermissionGranted(Permissions.READ)
        && !authorization.isPermissionGranted(Permissions.UPDATE)
        && !authorization.isPermissionGranted(Permissions.DELETE);
  }

  /** What one run changed; all zero when everything was already as defined. */
  static final class Changes {
    int created;
    int updated;
    int deleted;
    int granted;
    int revoked;

    boolean none() {
      return created + updated + deleted + granted + revoked == 0;
    }

    @Override
    public String toString() {
      return created + " created, " + updated + " updated, " + deleted + " deleted, " + granted
          + " grants added or narrowed, " + revoked + " grants removed";
    }
  }
}
