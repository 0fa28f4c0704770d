package de.quartierskredit.system.modeling;

import static de.quartierskredit.system.modeling.BpmnTextLayout.ASCENT;
import static de.quartierskredit.system.modeling.BpmnTextLayout.DESCENT;
import static de.quartierskredit.system.modeling.BpmnTextLayout.LABEL_FONT_SIZE;
import static de.quartierskredit.system.modeling.BpmnTextLayout.SHAPE_FONT_SIZE;
import static de.quartierskredit.system.modeling.BpmnTextLayout.SHAPE_PADDING;
import static de.quartierskredit.system.modeling.BpmnTextLayout.lineHeight;
import static de.quartierskredit.system.modeling.DiagramGeometry.number;

import de.quartierskredit.system.modeling.BpmnDiagram.Edge;
import de.quartierskredit.system.modeling.BpmnDiagram.Shape;
import de.quartierskredit.system.modeling.BpmnTextLayout.Line;
import de.quartierskredit.system.modeling.DiagramGeometry.Point;
import de.quartierskredit.system.modeling.DiagramGeometry.Rect;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What makes a diagram hard to read in Camunda Modeler and Cockpit, found from its BPMNDI with
 * bpmn-js's own rules for placing and wrapping text. Each finding names the model, the elements and
 * the coordinates.
 */
final class DiagramReadability {

  /** bpmn-js: an external label without DI bounds is centred 20 px (half its default height) below. */
  private static final double DEFAULT_LABEL_WIDTH = 90;
  private static final double DEFAULT_LABEL_HEIGHT = 20;
  private static final double FLOW_LABEL_INDENT = 15;
  /** Where bpmn-js draws a task's type icon (user, gear, envelope): measured 3.6..23.5 px from the corner. */
  private static final Rect TASK_ICON = new Rect(3, 3, 21, 21);

  /** Text drawn on the diagram outside a shape (or a subprocess title): whose it is, where, which lines. */
  record Label(String owner, String text, Rect box, List<Line> lines, boolean fromDi, List<String> containers) {

    String describe() {
      return "label of " + owner + " '" + text + "' " + box;
    }
  }

  private final BpmnDiagram diagram;
  private final List<Label> labels = new ArrayList<>();

  DiagramReadability(BpmnDiagram diagram) {
    this.diagram = diagram;
    for (Shape shape : diagram.shapes.values()) {
      if (shape.hasExternalLabel() && !shape.name().isEmpty()) {
        labels.add(externalLabel(shape.id(), shape.name(), shape.label(), shapeLabelMid(shape), shape.containers()));
      }
      if (shape.isContainer() && !shape.name().isEmpty()) {
        labels.add(containerTitle(shape));
      }
    }
    for (Edge edge : diagram.edges.values()) {
      if (!edge.name().isEmpty() && edge.waypoints().size() >= 2) {
        labels.add(externalLabel(edge.id(), edge.name(), edge.label(), flowLabelMid(edge.waypoints()),
            edge.containers()));
      }
    }
  }

  List<Label> labels() {
    return labels;
  }

  /** (a) Label boxes overlapping each other, a shape or the slash of a default flow. */
  List<String> overlappingLabels() {
    List<String> findings = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        Label a = labels.get(i);
        Label b = labels.get(j);
        if (a.box().overlaps(b.box())) {
          findings.add(finding(a.describe() + " overlaps " + b.describe()));
        }
      }
    }
    for (Label label : labels) {
      for (Edge edge : diagram.edges.values()) {
        Rect marker = startMarker(edge);
        if (marker != null && label.box().overlaps(marker)) {
          findings.add(finding(label.describe() + " overlaps the " + edge.startMarker() + "-flow marker of "
              + edge.describe() + " " + marker));
        }
      }
      for (Shape shape : diagram.shapes.values()) {
        if (shape.id().equals(label.owner())) {
          if (!shape.isContainer() && label.box().overlaps(shape.bounds())) {
            findings.add(finding(label.describe() + " lies on its own shape " + shape.bounds()));
          }
          continue;
        }
        boolean inside = label.containers().contains(shape.id());
        boolean hit = shape.isContainer() && inside
            ? DiagramGeometry.straddles(label.box(), shape.bounds())
            : label.box().overlaps(shape.bounds());
        if (hit) {
          findings.add(finding(label.describe() + " overlaps shape " + shape.describe()));
        }
      }
    }
    return findings;
  }

  /** (b) A line running through a shape that is neither its source nor its target. */
  List<String> edgesThroughShapes() {
    List<String> findings = new ArrayList<>();
    for (Edge edge : diagram.edges.values()) {
      List<Point> points = edge.waypoints();
      for (int i = 0; i + 1 < points.size(); i++) {
        Point a = points.get(i);
        Point b = points.get(i + 1);
        for (Shape shape : diagram.shapes.values()) {
          if (shape.id().equals(edge.source()) || shape.id().equals(edge.target())) {
            continue;
          }
          boolean crosses = shape.isContainer()
              ? DiagramGeometry.crossesBorder(a, b, shape.bounds())
              : DiagramGeometry.crossesInside(a, b, shape.bounds());
          if (crosses) {
            findings.add(finding("flow " + edge.describe() + " segment " + a + "-" + b + " runs through "
                + (shape.isContainer() ? "the border of " : "") + shape.describe()));
          }
        }
      }
    }
    return findings;
  }

  /** (b, for labels) A line running through a label: the text is crossed out. */
  List<String> edgesThroughLabels() {
    List<String> findings = new ArrayList<>();
    for (Edge edge : diagram.edges.values()) {
      List<Point> points = edge.waypoints();
      for (int i = 0; i + 1 < points.size(); i++) {
        for (Label label : labels) {
          if (DiagramGeometry.crossesInside(points.get(i), points.get(i + 1), label.box())) {
            findings.add(finding("flow " + edge.describe() + " segment " + points.get(i) + "-" + points.get(i + 1)
                + " runs through " + label.describe()));
          }
        }
      }
    }
    return findings;
  }

  /** Shapes drawn over each other (other than a boundary event on its host and content in its subprocess). */
  List<String> overlappingShapes() {
    List<Shape> all = new ArrayList<>(diagram.shapes.values());
    List<String> findings = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        Shape a = all.get(i);
        Shape b = all.get(j);
        if (Objects.equals(a.attachedTo(), b.id()) || Objects.equals(b.attachedTo(), a.id())) {
          continue;
        }
        boolean hit;
        if (a.isContainer() && b.containers().contains(a.id())) {
          hit = DiagramGeometry.straddles(b.bounds(), a.bounds());
        } else if (b.isContainer() && a.containers().contains(b.id())) {
          hit = DiagramGeometry.straddles(a.bounds(), b.bounds());
        } else {
          hit = a.bounds().overlaps(b.bounds());
        }
        if (hit) {
          findings.add(finding("shape " + a.describe() + " overlaps shape " + b.describe()));
        }
      }
    }
    return findings;
  }

  /**
   * (c) Names that do not fit: a word of a task's, call activity's or subprocess's name wider than the
   * shape's inner width (bpmn-js then cuts it mid-word), more lines than the shape holds, a line drawn over
   * the task's type icon or the call activity's marker; an external label cut mid-word by its own width.
   */
  List<String> namesThatDoNotFit() {
    List<String> findings = new ArrayList<>();
    for (Shape shape : diagram.shapes.values()) {
      if (shape.name().isEmpty() || !(shape.hasEmbeddedName() || shape.isContainer())) {
        continue;
      }
      double innerWidth = shape.bounds().width() - 2 * SHAPE_PADDING;
      for (String word : BpmnTextLayout.unbreakableParts(shape.name())) {
        double width = BpmnTextLayout.width(word, SHAPE_FONT_SIZE);
        if (width > innerWidth) {
          findings.add(finding("name of " + shape.describe() + ": word '" + word + "' is " + number(round(width))
              + " px wide, the shape has " + number(innerWidth) + " px inside (12 px Arial, padding 7)"));
        }
      }
      if (shape.isContainer()) {
        continue;
      }
      List<Line> lines = BpmnTextLayout.layout(shape.name(), innerWidth, SHAPE_FONT_SIZE);
      double textHeight = lines.size() * lineHeight(SHAPE_FONT_SIZE);
      double innerHeight = shape.bounds().height() - 2 * SHAPE_PADDING;
      if (textHeight > innerHeight) {
        findings.add(finding("name of " + shape.describe() + " needs " + lines.size() + " lines ("
            + number(round(textHeight)) + " px), the shape has " + number(innerHeight) + " px inside: " + texts(lines)));
      }
      for (Rect marker : markers(shape)) {
        for (Rect line : embeddedLineBoxes(shape, lines)) {
          if (line.overlaps(marker)) {
            findings.add(finding("name of " + shape.describe() + " is drawn over its "
                + (BpmnDiagram.TASKS_WITH_ICON.contains(shape.type()) ? "task type icon " : "marker ") + marker
                + ": lines " + texts(lines)));
            break;
          }
        }
      }
    }
    for (Label label : labels) {
      if (!label.fromDi()) {
        continue;
      }
      for (String word : BpmnTextLayout.unbreakableParts(label.text())) {
        double width = BpmnTextLayout.width(word, LABEL_FONT_SIZE);
        if (width > label.box().width()) {
          findings.add(finding(label.describe() + ": word '" + word + "' is " + number(round(width))
              + " px wide (11 px Arial), wider than the label, so bpmn-js cuts it: " + texts(label.lines())));
        }
      }
    }
    return findings;
  }

  /** (d) Flow nodes and flows without a shape or line, diagram for nothing, lines not attached to their ends. */
  List<String> missingDiagram() {
    List<String> findings = new ArrayList<>();
    for (String element : diagram.elementsWithoutDiagram) {
      findings.add(finding(element + " has no shape or line in the diagram"));
    }
    for (String di : diagram.diagramWithoutElement) {
      findings.add(finding(di + " has no element in the process"));
    }
    for (Edge edge : diagram.edges.values()) {
      List<Point> points = edge.waypoints();
      if (points.size() < 2) {
        findings.add(finding("flow " + edge.describe() + " has " + points.size() + " waypoint(s)"));
        continue;
      }
      Shape source = diagram.shapes.get(edge.source());
      Shape target = diagram.shapes.get(edge.target());
      if (source != null && !source.bounds().grow(1).contains(points.get(0))) {
        findings.add(finding("flow " + edge.describe() + " starts at " + points.get(0) + ", away from its source "
            + source.describe()));
      }
      if (target != null && !target.bounds().grow(1).contains(points.get(points.size() - 1))) {
        findings.add(finding("flow " + edge.describe() + " ends at " + points.get(points.size() - 1)
            + ", away from its target " + target.describe()));
      }
    }
    return findings;
  }

  private String finding(String text) {
    return diagram.file + ": " + text;
  }

  private static List<Rect> markers(Shape shape) {
    Rect b = shape.bounds();
    List<Rect> markers = new ArrayList<>();
    if (BpmnDiagram.TASKS_WITH_ICON.contains(shape.type())) {
      markers.add(new Rect(b.x() + TASK_ICON.x(), b.y() + TASK_ICON.y(), TASK_ICON.width(), TASK_ICON.height()));
    }
    if (shape.type().equals("callActivity") || BpmnDiagram.SUBPROCESSES.contains(shape.type())) {
      // bpmn-js: the collapsed marker, 14 x 14 px, centred 20 px above the bottom
      markers.add(new Rect(b.x() + b.width() / 2 - 7.5, b.y() + b.height() - 20, 14, 14));
    }
    return markers;
  }

  /**
   * The box around the marker at the start of a default flow (a slash 6 to 10 px along the line, 6 px to
   * either side) or a conditional flow from an activity (a diamond 0 to 16 px along, 4 px to either side).
   */
  static Rect startMarker(Edge edge) {
    if (edge.startMarker() == null || edge.waypoints().size() < 2) {
      return null;
    }
    Point a = edge.waypoints().get(0);
    Point b = edge.waypoints().get(1);
    double length = Math.hypot(b.x() - a.x(), b.y() - a.y());
    if (length == 0) {
      return null;
    }
    double dx = (b.x() - a.x()) / length;
    double dy = (b.y() - a.y()) / length;
    boolean slash = edge.startMarker().equals("default");
    double from = slash ? 6 : 0;
    double to = slash ? 10 : 16;
    double side = slash ? 6 : 4;
    double[] xs = new double[4];
    double[] ys = new double[4];
    int i = 0;
    for (double along : new double[] {from, to}) {
      for (double across : new double[] {-side, side}) {
        xs[i] = a.x() + dx * along - dy * across;
        ys[i] = a.y() + dy * along + dx * across;
        i++;
      }
    }
    double minX = Math.min(Math.min(xs[0], xs[1]), Math.min(xs[2], xs[3]));
    double minY = Math.min(Math.min(ys[0], ys[1]), Math.min(ys[2], ys[3]));
    double maxX = Math.max(Math.max(xs[0], xs[1]), Math.max(xs[2], xs[3]));
    double maxY = Math.max(Math.max(ys[0], ys[1]), Math.max(ys[2], ys[3]));
    return new Rect(minX, minY, maxX - minX, maxY - minY);
  }

  /** Glyph boxes of the lines bpmn-js draws centred (horizontally and vertically) in an activity. */
  static List<Rect> embeddedLineBoxes(Shape shape, List<Line> lines) {
    Rect b = shape.bounds();
    double lineHeight = lineHeight(SHAPE_FONT_SIZE);
    double maxWidth = b.width() - 2 * SHAPE_PADDING;
    double y = (b.height() - lines.size() * lineHeight) / 2 - lineHeight / 4;
    List<Rect> boxes = new ArrayList<>();
    for (Line line : lines) {
      y += lineHeight;
      double x = Math.max((maxWidth - line.width()) / 2 + SHAPE_PADDING, 0);
      boxes.add(new Rect(b.x() + x, b.y() + y - ASCENT * SHAPE_FONT_SIZE, line.width(),
          (ASCENT + DESCENT) * SHAPE_FONT_SIZE));
    }
    return boxes;
  }

  /**
   * An external label as bpmn-js places it: with DI bounds it keeps their position and width and takes the
   * height of the wrapped text; without, the text is centred at the default spot below the shape or above
   * the middle of the flow, in a 90 px box.
   */
  private static Label externalLabel(String owner, String text, Rect di, Point defaultMid, List<String> containers) {
    double lineHeight = lineHeight(LABEL_FONT_SIZE);
    if (di != null && di.width() > 0) {
      List<Line> lines = BpmnTextLayout.layout(text, di.width(), LABEL_FONT_SIZE);
      double height = Math.max(di.height(), Math.ceil(lines.size() * lineHeight));
      return new Label(owner, text, new Rect(di.x(), di.y(), di.width(), height), lines, true, containers);
    }
    List<Line> lines = BpmnTextLayout.layout(text, DEFAULT_LABEL_WIDTH, LABEL_FONT_SIZE);
    double width = Math.ceil(lines.stream().mapToDouble(Line::width).max().orElse(0));
    Rect box = new Rect(Math.round(defaultMid.x() - width / 2), defaultMid.y() - DEFAULT_LABEL_HEIGHT / 2, width,
        Math.ceil(lines.size() * lineHeight));
    return new Label(owner, text, box, lines, false, containers);
  }

  /** An expanded subprocess's name, drawn centred at its top edge inside the padding. */
  private static Label containerTitle(Shape shape) {
    Rect b = shape.bounds();
    double maxWidth = b.width() - 2 * SHAPE_PADDING;
    List<Line> lines = BpmnTextLayout.layout(shape.name(), maxWidth, SHAPE_FONT_SIZE);
    double width = lines.stream().mapToDouble(Line::width).max().orElse(0);
    Rect box = new Rect(b.x() + SHAPE_PADDING + (maxWidth - width) / 2, b.y() + SHAPE_PADDING, width,
        lines.size() * lineHeight(SHAPE_FONT_SIZE));
    List<String> inside = new ArrayList<>(shape.containers());
    inside.add(0, shape.id());
    return new Label(shape.id(), shape.name(), box, lines, false, inside);
  }

  private static Point shapeLabelMid(Shape shape) {
    Rect b = shape.bounds();
    return new Point(b.x() + b.width() / 2, b.maxY() + DEFAULT_LABEL_HEIGHT / 2);
  }

  /** bpmn-js getFlowLabelPosition: middle of the middle segment, 15 px above it (or right of a vertical one). */
  static Point flowLabelMid(List<Point> waypoints) {
    double mid = waypoints.size() / 2.0 - 1;
    Point first = waypoints.get((int) Math.floor(mid));
    Point second = waypoints.get((int) Math.ceil(mid + 0.01));
    double x = first.x() + (second.x() - first.x()) / 2;
    double y = first.y() + (second.y() - first.y()) / 2;
    double angle = Math.atan((second.y() - first.y()) / (second.x() - first.x()));
    if (Math.abs(angle) < Math.PI / 2) {
      y -= FLOW_LABEL_INDENT;
    } else {
      x += FLOW_LABEL_INDENT;
    }
    return new Point(x, y);
  }

  private static String texts(List<Line> lines) {
    return lines.stream().map(l -> "'" + l.text().strip() + "'").toList().toString();
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
