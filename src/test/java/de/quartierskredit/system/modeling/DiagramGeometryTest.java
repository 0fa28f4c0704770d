package de.quartierskredit.system.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.quartierskredit.system.modeling.BpmnTextLayout.Line;
import de.quartierskredit.system.modeling.DiagramGeometry.Point;
import de.quartierskredit.system.modeling.DiagramGeometry.Rect;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The geometry and text layout under {@link DiagramReadabilityTest}, at their edges: touching is not overlapping. */
class DiagramGeometryTest {

  private static final Rect TASK = new Rect(100, 100, 100, 80);

  @Nested
  class Rectangles {

    @Test
    void shouldNotOverlapWhenTheyOnlyShareAnEdgeOrACorner() {
      assertThat(TASK.overlaps(new Rect(200, 100, 50, 80))).isFalse();
      assertThat(TASK.overlaps(new Rect(100, 180, 100, 20))).isFalse();
      assertThat(TASK.overlaps(new Rect(200, 180, 10, 10))).isFalse();
      assertThat(TASK.overlaps(new Rect(50, 50, 50, 50))).isFalse();
    }

    @Test
    void shouldOverlapByTheSmallestArea() {
      assertThat(TASK.overlaps(new Rect(199.5, 100, 50, 80))).isTrue();
      assertThat(TASK.overlaps(new Rect(150, 179, 10, 10))).isTrue();
      assertThat(TASK.overlaps(new Rect(120, 120, 10, 10))).as("inside").isTrue();
      assertThat(new Rect(120, 120, 10, 10).overlaps(TASK)).as("symmetric").isTrue();
    }

    @Test
    void shouldStraddleAContainerOnlyWhenPartlyInsideAndPartlyOutside() {
      assertThat(DiagramGeometry.straddles(new Rect(100, 100, 20, 20), TASK)).as("on the corner, inside").isFalse();
      assertThat(DiagramGeometry.straddles(new Rect(190, 100, 20, 20), TASK)).isTrue();
      assertThat(DiagramGeometry.straddles(new Rect(200, 100, 20, 20), TASK)).as("outside, touching").isFalse();
    }
  }

  @Nested
  class Segments {

    @Test
    void shouldNotCrossWhenEndingOnTheBorder() {
      assertThat(DiagramGeometry.crossesInside(new Point(50, 140), new Point(100, 140), TASK)).isFalse();
      assertThat(DiagramGeometry.crossesInside(new Point(200, 140), new Point(260, 140), TASK)).isFalse();
    }

    @Test
    void shouldNotCrossWhenRunningAlongTheBorderOrTouchingACorner() {
      assertThat(DiagramGeometry.crossesInside(new Point(50, 100), new Point(250, 100), TASK)).isFalse();
      assertThat(DiagramGeometry.crossesInside(new Point(200, 50), new Point(200, 250), TASK)).isFalse();
      assertThat(DiagramGeometry.crossesInside(new Point(150, 50), new Point(250, 150), TASK))
          .as("diagonal through the corner (200,100) only").isFalse();
    }

    @Test
    void shouldCrossWhenEnteringTheInsideEvenByOnePixel() {
      assertThat(DiagramGeometry.crossesInside(new Point(50, 140), new Point(101, 140), TASK)).isTrue();
      assertThat(DiagramGeometry.crossesInside(new Point(50, 101), new Point(250, 101), TASK)).isTrue();
      assertThat(DiagramGeometry.crossesInside(new Point(150, 50), new Point(150, 250), TASK)).isTrue();
      assertThat(DiagramGeometry.crossesInside(new Point(120, 120), new Point(130, 130), TASK)).as("inside").isTrue();
    }

    @Test
    void shouldCrossAContainerBorderOnlyFromInsideToOutside() {
      assertThat(DiagramGeometry.crossesBorder(new Point(120, 140), new Point(180, 140), TASK)).as("content").isFalse();
      assertThat(DiagramGeometry.crossesBorder(new Point(120, 140), new Point(200, 140), TASK)).isFalse();
      assertThat(DiagramGeometry.crossesBorder(new Point(120, 140), new Point(201, 140), TASK)).isTrue();
      assertThat(DiagramGeometry.crossesBorder(new Point(50, 140), new Point(250, 140), TASK)).isTrue();
    }
  }

  @Nested
  class TextAsBpmnJsLaysItOut {

    @Test
    void shouldCutAWordWiderThanTheShapeMidWordAsBpmnJsDoes() {
      // seen in Chromium with bpmn-js 18.31 on a 100 px task (86 px inside)
      assertThat(texts(BpmnTextLayout.layout("Beratungsgespräch führen", 86, 12)))
          .containsExactly("Beratungsgespr", "äch führen");
      assertThat(texts(BpmnTextLayout.layout("Tilgungsplanänderung beantragen", 86, 12)))
          .containsExactly("Tilgungsplanän", "derung", "beantragen");
    }

    @Test
    void shouldBreakAtSpacesAndHyphensWhenWordsFit() {
      assertThat(texts(BpmnTextLayout.layout("Kredit und Tilgungsplan laden", 86, 12)))
          .containsExactly("Kredit und", "Tilgungsplan", "laden");
      assertThat(texts(BpmnTextLayout.layout("Abschreibung freigeben (Vier-Augen-Prinzip)", 126, 12)))
          .containsExactly("Abschreibung", "freigeben (Vier-Augen-", "Prinzip)");
    }

    @Test
    void shouldMeasureArialWidthsAndIgnoreTrailingSpace() {
      // Chromium: "Entscheidung" 72.7 px, its tspan with the trailing space 76.1 px
      assertThat(BpmnTextLayout.width("Entscheidung ", 12)).isCloseTo(72.7, within(0.1));
      assertThat(BpmnTextLayout.width("W", 10)).isCloseTo(9.44, within(0.001));
      assertThat(BpmnTextLayout.unbreakableParts("Vier-Augen-Prinzip  freigeben"))
          .containsExactly("Vier-", "Augen-", "Prinzip", "freigeben");
    }

    private static List<String> texts(List<Line> lines) {
      return lines.stream().map(l -> l.text().strip()).toList();
    }
  }
}
