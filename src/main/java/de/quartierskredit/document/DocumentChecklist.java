package de.quartierskredit.document;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Which documents a stage asks for: the process owner's decision table {@code document-checklist}
 * (bpmn/document-checklist.dmn), newest deployed version. Evaluated by a standalone DMN engine over the
 * deployed model rather than the engine's DecisionService, because a checklist is read on every page
 * and list and the DecisionService would write a historic decision instance each time; the parsed
 * table is cached per decision definition id, so a redeployed table takes effect on the next read.
 */
@Component
class DocumentChecklist {

  static final String DECISION_KEY = "document-checklist";

  /** One item: the document type code, its German label and hint, and whether it is required. */
  record Entry(DocumentStage stage, String type, String label, String hint, boolean required) {}

  private final RepositoryService repository;
  private final IdentityService identity;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  DocumentChecklist(RepositoryService repository, IdentityService identity) {
    this.repository = repository;
    this.identity = identity;
  }

  /** The items of a stage for a business of this stage (NEW_FOUNDER, TAKEOVER, EXISTING), in rule order. */
  List<Entry> items(DocumentStage stage, String businessStage, boolean sgb2Recipient) {
    var result = dmn.evaluateDecisionTable(latest(), Variables.createVariables()
        .putValue("stage", stage.name())
        .putValue("businessStage", businessStage)
        .putValue("sgb2Recipient", sgb2Recipient));
    return result.getResultList().stream().map(row -> new Entry(stage, (String) row.get("documentType"),
        (String) row.get("label"), (String) row.get("hint"), Boolean.TRUE.equals(row.get("required")))).toList();
  }

  /** The newest deployed table; read without the caller's authorizations (the checklist is the programme's). */
  private DmnDecision latest() {
    DecisionDefinition definition = asTheProgramme(() -> repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(DECISION_KEY).latestVersion().singleResult());
    if (definition == null) {
      throw new IllegalStateException("decision " + DECISION_KEY + " is not deployed");
    }
    // every deployment of the models deploys the table again under a new id: keep only the newest parsed
    parsed.keySet().removeIf(id -> !id.equals(definition.getId()));
    return parsed.computeIfAbsent(definition.getId(), id ->
        dmn.parseDecision(DECISION_KEY, asTheProgramme(() -> repository.getDmnModelInstance(id))));
  }

  private <T> T asTheProgramme(Supplier<T> read) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
