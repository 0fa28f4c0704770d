package de.quartierskredit.system.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import de.quartierskredit.fund.Quarter;
import de.quartierskredit.fund.QuarterRepository;
import de.quartierskredit.application.LoanApplicationProcess;
import de.quartierskredit.outreach.OutreachProcess;
import de.quartierskredit.rescheduling.RepaymentReschedulingProcess;
import de.quartierskredit.system.engine.StartupLock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import de.quartierskredit.shared.Roles;

/**
 * Creates the role groups, with readable German names, and their authorizations on every start, in every
 * profile, and adds nothing that exists already. Runs under the {@link StartupLock}, so several nodes
 * starting at once do it one after the other.
 *
 * <p>Quarter isolation rests on Camunda's task authorizations: a task's candidate group (for example
 * {@code advisors-leipzig}) receives READ and TASK_WORK on that task alone. Caseworker groups get no
 * READ on all tasks or process instances, so they see nothing of another quarter.
 */
@Component
public class AccessBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(AccessBootstrap.class);

  /** Processes a caseworker starts from Tasklist: record a contact, record an application. */
  static final List<String> STARTED_FROM_TASKLIST = List.of(OutreachProcess.KEY, LoanApplicationProcess.KEY);

  /** Processes only the microfinancer starts from Tasklist: a repayment rescheduling (DOMAIN.md step 11). */
  static final List<String> STARTED_BY_MICROFINANCER = List.of(RepaymentReschedulingProcess.KEY);

  /** The group the starter creates for its administrator, named "camunda BPM Administrators" by Camunda. */
  static final String CAMUNDA_ADMIN = Groups.CAMUNDA_ADMIN;
  private static final String CAMUNDA_ADMIN_DEFAULT_NAME = "camunda BPM Administrators";

  private final ProcessEngine engine;
  private final QuarterRepository quarters;
  private final CamundaBpmProperties camunda;
  private final StartupLock lock;

  AccessBootstrap(ProcessEngine engine, QuarterRepository quarters, CamundaBpmProperties camunda, StartupLock lock) {
    this.engine = engine;
    this.quarters = quarters;
    this.camunda = camunda;
    this.lock = lock;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(0)
  public void onStart() {
    lock.hold(() -> {
      apply();
      return null;
    });
  }

  void apply() {
    List<Quarter> all = quarters.findAll();
    List<Grant> grants = merged(grants(all));
    Map<String, String> names = groupNames(all);
    ensureGroup(Roles.PROCESS_OWNERS, names.get(Roles.PROCESS_OWNERS), Groups.GROUP_TYPE_WORKFLOW);
    // no authorization at all: the actuator filter admits this group, the engine grants it nothing
    ensureGroup(Roles.METRICS, names.get(Roles.METRICS), Groups.GROUP_TYPE_SYSTEM);
    grants.stream().map(Grant::groupId).distinct()
        .forEach(group -> ensureGroup(group, names.get(group), Groups.GROUP_TYPE_WORKFLOW));
    renameIfUnnamed(CAMUNDA_ADMIN, names.get(CAMUNDA_ADMIN));
    int created = 0;
    for (Grant grant : grants) {
      created += ensure(grant) ? 1 : 0;
    }
    int revoked = revokeObsolete(grants.stream().map(Grant::groupId).collect(Collectors.toSet()));
    String admin = camunda.getAdminUser() == null ? null : camunda.getAdminUser().getId();
    if (admin != null && engine.getIdentityService().createUserQuery().userId(admin).count() == 1) {
      ensureMembership(admin, Roles.PROCESS_OWNERS);
    }
    LOG.info("Access: {} role groups, {} authorizations ({} new or widened, {} obsolete removed)",
        grants.stream().map(Grant::groupId).distinct().count() + 2, grants.size(), created, revoked);
  }

  /**
   * The German name of every group a person sees in Admin and Tasklist; the ids stay as they are
   * ({@code advisors-leipzig} is "Quartiersberatung Leipzig").
   */
  static Map<String, String> groupNames(List<Quarter> quarters) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Quarter quarter : quarters) {
      names.put(Roles.advisors(quarter.code()), "Quartiersberatung " + quarter.name());
      names.put(Roles.committee(quarter.code()), "Vergabeausschuss " + quarter.name());
    }
    names.put(Roles.MICROFINANCER, "Mikrofinanzierer");
    names.put(Roles.BANK, "Kreditinstitut");
    names.put(Roles.MANAGERS, "Management");
    names.put(Roles.PROCESS_OWNERS, "Prozessverantwortliche");
    names.put(Roles.METRICS, "Betrieb: Metriken");
    names.put(CAMUNDA_ADMIN, "Administration");
    return names;
  }

  /** What each role may do. Every role not listed here may do nothing. */
  static List<Grant> grants(List<Quarter> quarters) {
    List<Grant> grants = new ArrayList<>();
    List<String> caseworkers = new ArrayList<>(List.of(Roles.MICROFINANCER, Roles.BANK));
    for (Quarter quarter : quarters) {
      String advisors = Roles.advisors(quarter.code());
      caseworkers.add(advisors);
      caseworkers.add(Roles.committee(quarter.code()));
      grants.addAll(startsFromTasklist(advisors));
    }
    grants.addAll(startsFromTasklist(Roles.MICROFINANCER));
    for (String key : STARTED_BY_MICROFINANCER) {
      grants.add(new Grant(Roles.MICROFINANCER, Resources.PROCESS_DEFINITION, key,
          Permissions.READ, Permissions.CREATE_INSTANCE));
    }
    for (String group : caseworkers) {
      grants.add(new Grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      // Tasklist filters: READ per filter and group (FilterBootstrap), none on all filters
      // the models themselves (names and diagrams in Tasklist), not the data of any instance
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ));
    }
    // the microfinancer oversees every loan: reads all of it, works on its own tasks
    grants.add(new Grant(Roles.MICROFINANCER, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.addAll(readEverything(Roles.MICROFINANCER));
    // managers watch the portfolio in Cockpit and change nothing
    grants.add(new Grant(Roles.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(new Grant(Roles.MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
    grants.addAll(readEverything(Roles.MANAGERS));
    return grants;
  }

  private static List<Grant> startsFromTasklist(String group) {
    List<Grant> grants = new ArrayList<>();
    for (String key : STARTED_FROM_TASKLIST) {
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE));
    }
    grants.add(new Grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
    return grants;
  }

  private static List<Grant> readEverything(String group) {
    return List.of(
        new Grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
            Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK),
        new Grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
        new Grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
        new Grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ),
        new Grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ),
        new Grant(group, Resources.TASK, ANY, Permissions.READ),
        new Grant(group, Resources.BATCH, ANY, Permissions.READ, Permissions.READ_HISTORY));
  }

  /** One grant per group and resource, holding all the permissions asked for it (each is saved once). */
  static List<Grant> merged(List<Grant> grants) {
    Map<List<Object>, Set<Permission>> permissions = new LinkedHashMap<>();
    Map<List<Object>, Grant> first = new LinkedHashMap<>();
    for (Grant grant : grants) {
      List<Object> key = List.of(grant.groupId(), grant.resource().resourceType(), grant.resourceId());
      first.putIfAbsent(key, grant);
      permissions.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(Arrays.asList(grant.permissions()));
    }
    List<Grant> result = new ArrayList<>();
    first.forEach((key, grant) -> result.add(new Grant(grant.groupId(), grant.resource(), grant.resourceId(),
        permissions.get(key).toArray(Permission[]::new))));
    return result;
  }

  /**
   * Removes grants an earlier version gave and this one no longer does: READ on all Tasklist filters,
   * which showed every role every filter (each filter now names the groups it serves).
   */
  private int revokeObsolete(Set<String> roleGroups) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    int revoked = 0;
    for (Authorization obsolete : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .resourceType(Resources.FILTER).resourceId(ANY).list()) {
      if (obsolete.getGroupId() != null && roleGroups.contains(obsolete.getGroupId())) {
        authorizations.deleteAuthorization(obsolete.getId());
        revoked++;
      }
    }
    return revoked;
  }

  private void ensureGroup(String groupId, String name, String type) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    } else {
      renameIfUnnamed(groupId, name);
    }
  }

  /**
   * Gives an existing group its German name when it still carries its id (as earlier versions named
   * them) or Camunda's default; a name an administrator chose in Admin stays.
   */
  private void renameIfUnnamed(String groupId, String name) {
    IdentityService identity = engine.getIdentityService();
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    if (group == null || name == null || name.equals(group.getName())) {
      return;
    }
    String current = group.getName();
    if (current == null || current.isBlank() || current.equals(groupId) || current.equals(CAMUNDA_ADMIN_DEFAULT_NAME)) {
      group.setName(name);
      identity.saveGroup(group);
    }
  }

  private void ensureMembership(String userId, String groupId) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }

  /** Creates or widens the group's GRANT on the resource; true when something was written. */
  private boolean ensure(Grant grant) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
    Authorization authorization = existing;
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    }
    boolean changed = existing == null;
    for (Permission permission : grant.permissions()) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
    return changed;
  }

  /** A group's permissions on one resource (or on all of a type, with {@code *}). */
  record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {}
}
