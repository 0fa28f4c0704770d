package de.quartierskredit.system.modeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Refuses a deployment whose models lack their diagram, name a form that is not deployed, or name a
 * delegate that does not exist, before anything is stored: at start-up, from Camunda Modeler's deploy
 * button ({@code /engine-rest/deployment/create}) and from {@code RepositoryService} alike.
 *
 * <p>It runs as the first deployer of the engine and only for new deployments (not when the engine
 * re-reads an old deployment into its cache). The refusal is a {@link ParseException}, which
 * Camunda's REST API answers with 400 and one entry per problem.
 */
@Component
class ModelGuard extends AbstractProcessEnginePlugin implements Deployer {

  private static final Logger LOG = LoggerFactory.getLogger(ModelGuard.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ListableBeanFactory beans;

  ModelGuard(ListableBeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(0, this);
    configuration.setCustomPreDeployers(preDeployers);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    Map<String, ResourceEntity> resources = deployment.getResources();
    Set<String> formsInDeployment = formIds(resources.values());
    ModelRules rules = new ModelRules(formsInDeployment, this::formDeployed, beans::containsBean, this::classExists);
    List<Problem> problems = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    String firstResource = null;
    for (ResourceEntity resource : resources.values()) {
      if (!isBpmn(resource.getName())) {
        continue;
      }
      BpmnModelInstance model = read(resource);
      if (model == null) {
        continue; // not valid BPMN: the engine's own parser reports it with line and column
      }
      for (ModelRules.Finding finding : rules.check(model)) {
        problems.add(new ProblemImpl(finding.message(), null, finding.elementId()));
        lines.add(resource.getName() + ": " + finding.elementId() + ": " + finding.message());
        firstResource = firstResource == null ? resource.getName() : firstResource;
      }
    }
    if (!problems.isEmpty()) {
      String message = "Modell abgelehnt, nichts wurde deployt (" + problems.size() + " Problem"
          + (problems.size() == 1 ? "" : "e") + "):\n" + lines.stream().collect(Collectors.joining("\n"));
      LOG.warn(message);
      throw new ParseException(message, firstResource, problems, List.of());
    }
  }

  private static boolean isBpmn(String name) {
    return name != null && (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml"));
  }

  private static BpmnModelInstance read(ResourceEntity resource) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
    } catch (RuntimeException invalid) {
      return null;
    }
  }

  /** The top-level {@code id} of each Camunda Form of the deployment: the key a formRef names. */
  private static Set<String> formIds(Iterable<ResourceEntity> resources) {
    Set<String> ids = new HashSet<>();
    for (ResourceEntity resource : resources) {
      if (resource.getName() != null && resource.getName().endsWith(".form")) {
        try {
          JsonNode id = JSON.readTree(resource.getBytes()).get("id");
          if (id != null && id.isTextual()) {
            ids.add(id.asText());
          }
        } catch (IOException unreadable) {
          // the engine's form deployer refuses it with its own message
        }
      }
    }
    return ids;
  }

  private boolean formDeployed(String key) {
    return Context.getCommandContext().getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null;
  }

  private boolean classExists(String className) {
    return ClassUtils.isPresent(className, getClass().getClassLoader());
  }
}
