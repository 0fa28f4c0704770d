package de.quartierskredit.system.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model under bpmn/ reads well in Camunda Modeler and Cockpit: no label over another label or a
 * shape, no flow through a shape or a label, no shapes over each other, names whose words fit their
 * shapes without being cut, and a shape or line for every flow node and flow. Text is measured as bpmn-js
 * draws it (12 px Arial in shapes, 11 px outside, see {@link BpmnTextLayout}). Plain XML, no engine.
 */
class DiagramReadabilityTest {

  private static final Path MODELS = Path.of("bpmn");

  static Stream<String> models() throws IOException {
    try (Stream<Path> files = Files.list(MODELS)) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bpmn")).sorted().toList();
      assertThat(names).as("models under %s", MODELS.toAbsolutePath()).isNotEmpty();
      return names.stream();
    }
  }

  private static DiagramReadability read(String file) throws Exception {
    try (InputStream in = Files.newInputStream(MODELS.resolve(file))) {
      return new DiagramReadability(BpmnDiagram.read(file, in));
    }
  }

  private static void assertNone(List<String> findings, String what) {
    assertThat(findings)
        .withFailMessage(() -> findings.size() + " " + what + ":\n  " + String.join("\n  ", findings))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void labelsOverlapNeitherEachOtherNorShapes(String file) throws Exception {
    assertNone(read(file).overlappingLabels(), "overlapping labels");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void flowsRunThroughNoShapeButTheirSourceAndTarget(String file) throws Exception {
    assertNone(read(file).edgesThroughShapes(), "flows through shapes");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void flowsRunThroughNoLabel(String file) throws Exception {
    assertNone(read(file).edgesThroughLabels(), "flows through labels");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void shapesDoNotOverlap(String file) throws Exception {
    assertNone(read(file).overlappingShapes(), "overlapping shapes");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void namesFitTheirShapesWithoutBreakingAWord(String file) throws Exception {
    assertNone(read(file).namesThatDoNotFit(), "names that do not fit");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyFlowNodeAndFlowIsDrawnAndAttachedToItsEnds(String file) throws Exception {
    assertNone(read(file).missingDiagram(), "diagram gaps");
  }

  /** The checks find what they are meant to find, on a small diagram drawn badly on purpose. */
  @Nested
  class OnABadlyDrawnDiagram {

    private final DiagramReadability bad = readString("""
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d" targetNamespace="t">
          <bpmn:process id="p">
            <bpmn:startEvent id="Start" name="Los" />
            <bpmn:userTask id="Task_Advice" name="Beratungsgespräch führen" />
            <bpmn:serviceTask id="Task_Other" name="Anderes" />
            <bpmn:exclusiveGateway id="Gateway_Result" name="Ergebnis?" default="Flow_Yes" />
            <bpmn:endEvent id="End_Yes" />
            <bpmn:endEvent id="End_Hidden" />
            <bpmn:sequenceFlow id="Flow_ToAdvice" sourceRef="Start" targetRef="Task_Advice" />
            <bpmn:sequenceFlow id="Flow_Yes" name="ja" sourceRef="Gateway_Result" targetRef="End_Yes" />
            <bpmn:sequenceFlow id="Flow_No" name="nein" sourceRef="Gateway_Result" targetRef="End_Yes" />
            <bpmn:sequenceFlow id="Flow_Through" sourceRef="Task_Advice" targetRef="Gateway_Result" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="dd"><bpmndi:BPMNPlane id="pl" bpmnElement="p">
            <bpmndi:BPMNShape id="s1" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s2" bpmnElement="Task_Advice"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s3" bpmnElement="Task_Other"><dc:Bounds x="400" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s4" bpmnElement="Gateway_Result"><dc:Bounds x="600" y="93" width="50" height="50" />
              <bpmndi:BPMNLabel><dc:Bounds x="600" y="146" width="30" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s5" bpmnElement="End_Yes"><dc:Bounds x="700" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="s6" bpmnElement="End_Hidden"><dc:Bounds x="480" y="60" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="e1" bpmnElement="Flow_ToAdvice"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="e2" bpmnElement="Flow_Yes"><di:waypoint x="650" y="118" /><di:waypoint x="700" y="118" />
              <bpmndi:BPMNLabel><dc:Bounds x="652" y="100" width="30" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="e3" bpmnElement="Flow_No"><di:waypoint x="650" y="118" /><di:waypoint x="700" y="118" />
              <bpmndi:BPMNLabel><dc:Bounds x="665" y="100" width="30" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="e4" bpmnElement="Flow_Through"><di:waypoint x="300" y="118" /><di:waypoint x="600" y="118" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """);

    @Test
    void findsFlowLabelsPrintedOverEachOther() {
      assertThat(bad.overlappingLabels()).anySatisfy(f -> assertThat(f)
          .contains("bad.bpmn: label of Flow_Yes 'ja' [x=652, y=100, w=30, h=14]")
          .contains("overlaps label of Flow_No 'nein' [x=665, y=100, w=30, h=14]"));
    }

    @Test
    void findsAFlowLabelOverTheSlashOfTheDefaultFlow() {
      assertThat(bad.overlappingLabels()).contains("bad.bpmn: label of Flow_Yes 'ja' [x=652, y=100, w=30, h=14] "
          + "overlaps the default-flow marker of Flow_Yes 'ja' [x=656, y=112, w=4, h=12]");
    }

    @Test
    void findsAFlowThroughAShapeThatIsNeitherItsSourceNorItsTarget() {
      assertThat(bad.edgesThroughShapes())
          .containsExactly("bad.bpmn: flow Flow_Through segment (300,118)-(600,118) runs through "
              + "Task_Other 'Anderes' [x=400, y=78, w=100, h=80]");
    }

    @Test
    void findsShapesDrawnOverEachOther() {
      assertThat(bad.overlappingShapes()).containsExactly("bad.bpmn: shape Task_Other 'Anderes' "
          + "[x=400, y=78, w=100, h=80] overlaps shape End_Hidden [x=480, y=60, w=36, h=36]");
    }

    @Test
    void findsALongWordThatBpmnJsCutsAndALabelTooNarrowForItsWord() {
      assertThat(bad.namesThatDoNotFit())
          .anySatisfy(f -> assertThat(f).startsWith("bad.bpmn: name of Task_Advice 'Beratungsgespräch führen'")
              .contains("word 'Beratungsgespräch' is 104.1 px wide, the shape has 86 px inside"))
          .anySatisfy(f -> assertThat(f).startsWith("bad.bpmn: label of Gateway_Result 'Ergebnis?'")
              .contains("word 'Ergebnis?' is"));
    }

    @Test
    void findsAFlowNodeWithoutShapeAndAFlowThatDoesNotReachItsTarget() {
      DiagramReadability gaps = readString("""
          <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
              xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
              xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d" targetNamespace="t">
            <bpmn:process id="p">
              <bpmn:startEvent id="Start" /><bpmn:endEvent id="End" /><bpmn:endEvent id="End_Undrawn" />
              <bpmn:sequenceFlow id="Flow_Short" sourceRef="Start" targetRef="End" />
              <bpmn:sequenceFlow id="Flow_Undrawn" sourceRef="Start" targetRef="End_Undrawn" />
            </bpmn:process>
            <bpmndi:BPMNDiagram id="dd"><bpmndi:BPMNPlane id="pl" bpmnElement="p">
              <bpmndi:BPMNShape id="s1" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="s2" bpmnElement="End"><dc:Bounds x="300" y="100" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="s3" bpmnElement="Task_Gone"><dc:Bounds x="500" y="100" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="e1" bpmnElement="Flow_Short"><di:waypoint x="136" y="118" /><di:waypoint x="250" y="118" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
          </bpmn:definitions>
          """);

      assertThat(gaps.missingDiagram()).containsExactlyInAnyOrder(
          "bad.bpmn: endEvent End_Undrawn has no shape or line in the diagram",
          "bad.bpmn: sequenceFlow Flow_Undrawn has no shape or line in the diagram",
          "bad.bpmn: BPMNShape for Task_Gone has no element in the process",
          "bad.bpmn: flow Flow_Short ends at (250,118), away from its target End [x=300, y=100, w=36, h=36]");
    }

    @Test
    void placesALabelWithoutBoundsWhereBpmnJsDrawsIt() {
      DiagramReadability.Label gateway = bad.labels().stream()
          .filter(l -> l.owner().equals("Gateway_Result")).findFirst().orElseThrow();
      DiagramReadability.Label start = bad.labels().stream()
          .filter(l -> l.owner().equals("Start")).findFirst().orElseThrow();

      assertThat(gateway.fromDi()).isTrue();
      // bpmn-js: centred below the event, top 10 px under it, one line of 11 px text is 14 px high
      assertThat(start.fromDi()).isFalse();
      assertThat(start.box().y()).isEqualTo(136);
      assertThat(start.box().height()).isEqualTo(14);
      assertThat(start.box().center().x()).isCloseTo(118, within(1.0));
    }

    private static DiagramReadability readString(String xml) {
      try {
        return new DiagramReadability(BpmnDiagram.read("bad.bpmn",
            new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
