package de.quartierskredit.system.modeling;

import de.quartierskredit.system.modeling.DiagramGeometry.Point;
import de.quartierskredit.system.modeling.DiagramGeometry.Rect;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A BPMN file read as plain XML: its flow nodes and flows with the shapes, lines and label boxes of
 * their diagram interchange (BPMNDI), and what has no diagram or no element.
 */
final class BpmnDiagram {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

  static final Set<String> TASKS_WITH_ICON = Set.of("userTask", "serviceTask", "sendTask", "receiveTask",
      "scriptTask", "businessRuleTask", "manualTask");
  static final Set<String> ACTIVITIES = Set.of("task", "userTask", "serviceTask", "sendTask", "receiveTask",
      "scriptTask", "businessRuleTask", "manualTask", "callActivity", "subProcess", "transaction", "adHocSubProcess");
  static final Set<String> SUBPROCESSES = Set.of("subProcess", "transaction", "adHocSubProcess");
  static final Set<String> EVENTS = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
      "intermediateThrowEvent", "boundaryEvent");
  static final Set<String> GATEWAYS = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
      "eventBasedGateway", "complexGateway");
  static final Set<String> FLOWS = Set.of("sequenceFlow", "messageFlow");

  /** A flow node with its shape; label is the BPMNLabel bounds or null. */
  record Shape(String id, String type, String name, Rect bounds, Rect label, boolean expanded,
      String attachedTo, List<String> containers) {

    boolean isContainer() {
      return expanded && SUBPROCESSES.contains(type);
    }

    boolean hasEmbeddedName() {
      return ACTIVITIES.contains(type) && !isContainer();
    }

    boolean hasExternalLabel() {
      return EVENTS.contains(type) || GATEWAYS.contains(type);
    }

    String describe() {
      return id + (name.isEmpty() ? "" : " '" + name + "'") + " " + bounds;
    }
  }

  /** A flow with its line; label is the BPMNLabel bounds or null. */
  record Edge(String id, String name, String source, String target, List<Point> waypoints, Rect label,
      List<String> containers, String startMarker) {

    String describe() {
      return id + (name.isEmpty() ? "" : " '" + name + "'");
    }
  }

  final String file;
  final Map<String, Shape> shapes = new LinkedHashMap<>();
  final Map<String, Edge> edges = new LinkedHashMap<>();
  final List<String> elementsWithoutDiagram = new ArrayList<>();
  final List<String> diagramWithoutElement = new ArrayList<>();

  private BpmnDiagram(String file) {
    this.file = file;
  }

  static BpmnDiagram read(String file, InputStream xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(xml);
    BpmnDiagram diagram = new BpmnDiagram(file);
    diagram.collect(document);
    return diagram;
  }

  private void collect(Document document) {
    Map<String, Element> elements = new LinkedHashMap<>();
    for (Element element : all(document, BPMN, "*")) {
      String id = element.getAttribute("id");
      if (!id.isEmpty()) {
        elements.put(id, element);
      }
    }
    Map<String, Element> shapeDi = new LinkedHashMap<>();
    for (Element di : all(document, BPMNDI, "BPMNShape")) {
      shapeDi.put(di.getAttribute("bpmnElement"), di);
    }
    Map<String, Element> edgeDi = new LinkedHashMap<>();
    for (Element di : all(document, BPMNDI, "BPMNEdge")) {
      edgeDi.put(di.getAttribute("bpmnElement"), di);
    }
    for (String ref : shapeDi.keySet()) {
      if (!elements.containsKey(ref)) {
        diagramWithoutElement.add("BPMNShape for " + ref);
      }
    }
    for (String ref : edgeDi.keySet()) {
      if (!elements.containsKey(ref)) {
        diagramWithoutElement.add("BPMNEdge for " + ref);
      }
    }
    for (Element element : elements.values()) {
      String type = element.getLocalName();
      String id = element.getAttribute("id");
      String name = element.getAttribute("name").strip();
      boolean flowNode = ACTIVITIES.contains(type) || EVENTS.contains(type) || GATEWAYS.contains(type);
      if (flowNode) {
        Element di = shapeDi.get(id);
        if (di == null) {
          elementsWithoutDiagram.add(type + " " + id);
          continue;
        }
        shapes.put(id, new Shape(id, type, name, bounds(child(di, DC, "Bounds")), labelBounds(di),
            "true".equals(di.getAttribute("isExpanded")), emptyToNull(element.getAttribute("attachedToRef")),
            containers(element)));
      } else if (FLOWS.contains(type)) {
        Element di = edgeDi.get(id);
        if (di == null) {
          elementsWithoutDiagram.add(type + " " + id);
          continue;
        }
        List<Point> waypoints = new ArrayList<>();
        for (Element waypoint : children(di, DI, "waypoint")) {
          waypoints.add(new Point(number(waypoint, "x"), number(waypoint, "y")));
        }
        edges.put(id, new Edge(id, name, element.getAttribute("sourceRef"), element.getAttribute("targetRef"),
            waypoints, labelBounds(di), containers(element), startMarker(element, elements)));
      }
    }
  }

  /**
   * The marker bpmn-js draws at the start of a flow: "default" (a slash) for the default flow of a gateway or
   * activity, "conditional" (a small diamond) for a conditional flow out of an activity, else null.
   */
  private static String startMarker(Element flow, Map<String, Element> elements) {
    Element source = elements.get(flow.getAttribute("sourceRef"));
    if (source == null) {
      return null;
    }
    boolean gatewayOrActivity = GATEWAYS.contains(source.getLocalName()) || ACTIVITIES.contains(source.getLocalName());
    if (gatewayOrActivity && flow.getAttribute("id").equals(source.getAttribute("default"))) {
      return "default";
    }
    if (ACTIVITIES.contains(source.getLocalName()) && child(flow, BPMN, "conditionExpression") != null) {
      return "conditional";
    }
    return null;
  }

  /** Ids of the subprocesses around the element, innermost first. */
  private static List<String> containers(Element element) {
    List<String> ids = new ArrayList<>();
    for (Node parent = element.getParentNode(); parent instanceof Element e; parent = e.getParentNode()) {
      if (BPMN.equals(e.getNamespaceURI()) && SUBPROCESSES.contains(e.getLocalName())) {
        ids.add(e.getAttribute("id"));
      }
    }
    return ids;
  }

  private static Rect labelBounds(Element di) {
    Element label = child(di, BPMNDI, "BPMNLabel");
    Element bounds = label == null ? null : child(label, DC, "Bounds");
    return bounds == null ? null : bounds(bounds);
  }

  private static Rect bounds(Element bounds) {
    return new Rect(number(bounds, "x"), number(bounds, "y"), number(bounds, "width"), number(bounds, "height"));
  }

  private static double number(Element element, String attribute) {
    return Double.parseDouble(element.getAttribute(attribute));
  }

  private static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }

  private static Element child(Element parent, String namespace, String localName) {
    List<Element> found = children(parent, namespace, localName);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  private static List<Element> all(Document document, String namespace, String localName) {
    NodeList list = document.getElementsByTagNameNS(namespace, localName);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      found.add((Element) list.item(i));
    }
    return found;
  }
}
