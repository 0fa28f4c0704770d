package de.quartierskredit.system.modeling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * The rules a model must meet before it is deployed: every flow node has a diagram shape and every
 * sequence flow an edge (Modeler and Cockpit draw it), every {@code camunda:formRef} names a form that
 * is deployed with it (binding {@code deployment}) or at all (other bindings), every
 * {@code camunda:delegateExpression="${bean}"} names a Spring bean and every {@code camunda:class} a
 * class on the class path. Expressions other than a bare {@code ${name}} are not checked.
 */
final class ModelRules {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern BARE_NAME = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

  private final Set<String> formsInDeployment;
  private final Predicate<String> formDeployed;
  private final Predicate<String> beanExists;
  private final Predicate<String> classExists;

  ModelRules(Set<String> formsInDeployment, Predicate<String> formDeployed, Predicate<String> beanExists,
      Predicate<String> classExists) {
    this.formsInDeployment = formsInDeployment;
    this.formDeployed = formDeployed;
    this.beanExists = beanExists;
    this.classExists = classExists;
  }

  /** One problem of a model: the element it concerns and what is wrong, in the process owner's words. */
  record Finding(String elementId, String message) {}

  List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    checkDiagram(model, findings);
    walk(model.getDocument().getRootElement(), null, findings);
    return findings;
  }

  private static void checkDiagram(BpmnModelInstance model, List<Finding> findings) {
    Set<String> drawn = new HashSet<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      if (shape.getBpmnElement() != null) {
        drawn.add(shape.getBpmnElement().getId());
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (edge.getBpmnElement() != null) {
        drawn.add(edge.getBpmnElement().getId());
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!drawn.contains(node.getId())) {
        findings.add(new Finding(node.getId(), "hat keine Form im Diagramm (BPMNShape fehlt): in Camunda Modeler "
            + "zeichnen, sonst zeigen Modeler und Cockpit das Element nicht"));
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (!drawn.contains(flow.getId())) {
        findings.add(new Finding(flow.getId(), "hat keine Linie im Diagramm (BPMNEdge fehlt)"));
      }
    }
  }

  /** Visits every XML element, remembering the nearest element with an id for the report. */
  private void walk(DomElement element, String owner, List<Finding> findings) {
    String id = element.getAttribute("id");
    String here = id != null ? id : owner;
    String formRef = element.getAttribute(CAMUNDA_NS, "formRef");
    if (formRef != null) {
      checkForm(here, formRef, element.getAttribute(CAMUNDA_NS, "formRefBinding"), findings);
    }
    String delegate = element.getAttribute(CAMUNDA_NS, "delegateExpression");
    if (delegate != null) {
      Matcher bare = BARE_NAME.matcher(delegate.strip());
      if (bare.matches() && !beanExists.test(bare.group(1))) {
        findings.add(new Finding(here, "Delegate " + delegate + " gibt es nicht: keine Spring-Bean namens '"
            + bare.group(1) + "' (Schreibweise prüfen oder zuerst den Code ausliefern)"));
      }
    }
    String className = element.getAttribute(CAMUNDA_NS, "class");
    if (className != null && !className.isBlank() && !classExists.test(className.strip())) {
      findings.add(new Finding(here, "Klasse " + className + " gibt es nicht"));
    }
    for (DomElement child : element.getChildElements()) {
      walk(child, here, findings);
    }
  }

  private void checkForm(String elementId, String formRef, String binding, List<Finding> findings) {
    if (formRef.contains("${") || formRef.contains("#{")) {
      return; // decided at run time
    }
    boolean here = formsInDeployment.contains(formRef);
    if ("deployment".equals(binding)) {
      if (!here) {
        findings.add(new Finding(elementId, "Formular '" + formRef + "' (formRefBinding=deployment) fehlt in "
            + "diesem Deployment: die Datei forms/" + formRef + ".form mit deployen (in Modeler: im Deploy-Dialog "
            + "anhängen)"));
      }
    } else if (!here && !formDeployed.test(formRef)) {
      findings.add(new Finding(elementId, "Formular '" + formRef + "' ist weder in diesem Deployment noch bereits "
          + "deployt"));
    }
  }
}
