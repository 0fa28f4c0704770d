package de.quartierskredit.system.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import de.quartierskredit.fund.Quarter;
import de.quartierskredit.fund.QuarterRepository;
import de.quartierskredit.application.LoanApplicationProcess;
import de.quartierskredit.outreach.OutreachProcess;
import de.quartierskredit.rescheduling.RepaymentReschedulingProcess;
import java.util.ArrayList;
import java.util.List;
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
 * Creates the role groups and their authorizations on every start, in every profile, and adds
 * nothing that exists already (safe to run on several nodes and on every restart).
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

  private final ProcessEngine engine;
  private final QuarterRepository quarters;
  private final CamundaBpmProperties camunda;

  AccessBootstrap(ProcessEngine engine, QuarterRepository quarters, CamundaBpmProperties camunda) {
    this.engine = engine;
    this.quarters = quarters;
    this.camunda = camunda;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(0)
  public void onStart() {
    List<Grant> grants = grants(quarters.findAll());
    ensureGroup(Roles.PROCESS_OWNERS);
    // no authorization at all: the actuator filter admits this group, the engine grants it nothing
    ensureGroup(Roles.METRICS, Groups.GROUP_TYPE_SYSTEM);
    grants.stream().map(Grant::groupId).distinct().forEach(this::ensureGroup);
    int created = 0;
    for (Grant grant : grants) {
      created += ensure(grant) ? 1 : 0;
    }
    String admin = camunda.getAdminUser() == null ? null : camunda.getAdminUser().getId();
    if (admin != null && engine.getIdentityService().createUserQuery().userId(admin).count() == 1) {
      ensureMembership(admin, Roles.PROCESS_OWNERS);
    }
    LOG.info("Access: {} role groups, {} authorizations ({} new or widened)",
        grants.stream().map(Grant::groupId).distinct().count() + 2, grants.size(), created);
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
      grants.add(new Grant(group, Resources.FILTER, ANY, Permissions.READ));
      // the models themselves (names and diagrams in Tasklist), not the data of any instance
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ));
    }
    // the microfinancer oversees every loan: reads all of it, works on its own tasks
    grants.add(new Grant(Roles.MICROFINANCER, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.addAll(readEverything(Roles.MICROFINANCER));
    // managers watch the portfolio in Cockpit and change nothing
    grants.add(new Grant(Roles.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(new Grant(Roles.MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
    grants.add(new Grant(Roles.MANAGERS, Resources.FILTER, ANY, Permissions.READ));
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

  private void ensureGroup(String groupId) {
    ensureGroup(groupId, Groups.GROUP_TYPE_WORKFLOW);
  }

  private void ensureGroup(String groupId, String type) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(groupId);
      group.setType(type);
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
