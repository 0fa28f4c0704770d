package de.quartierskredit.system.modeling;

import java.util.Locale;

/**
 * Plane geometry for reading diagrams: rectangles that overlap or merely touch, and line segments that
 * cross a rectangle's inside or only run along its border. Touching is never a finding.
 */
final class DiagramGeometry {

  private static final double EPSILON = 1e-6;

  private DiagramGeometry() {
  }

  record Point(double x, double y) {

    @Override
    public String toString() {
      return "(" + number(x) + "," + number(y) + ")";
    }
  }

  record Rect(double x, double y, double width, double height) {

    double maxX() {
      return x + width;
    }

    double maxY() {
      return y + height;
    }

    Point center() {
      return new Point(x + width / 2, y + height / 2);
    }

    /** True if the insides share an area; rectangles that only share an edge or a corner do not overlap. */
    boolean overlaps(Rect other) {
      return x < other.maxX() - EPSILON && other.x < maxX() - EPSILON
          && y < other.maxY() - EPSILON && other.y < maxY() - EPSILON;
    }

    /** True if the point lies inside or on the border. */
    boolean contains(Point p) {
      return p.x() >= x - EPSILON && p.x() <= maxX() + EPSILON && p.y() >= y - EPSILON && p.y() <= maxY() + EPSILON;
    }

    /** True if the other rectangle lies inside this one or on its border. */
    boolean encloses(Rect other) {
      return other.x >= x - EPSILON && other.maxX() <= maxX() + EPSILON
          && other.y >= y - EPSILON && other.maxY() <= maxY() + EPSILON;
    }

    Rect grow(double by) {
      return new Rect(x - by, y - by, width + 2 * by, height + 2 * by);
    }

    @Override
    public String toString() {
      return "[x=" + number(x) + ", y=" + number(y) + ", w=" + number(width) + ", h=" + number(height) + "]";
    }
  }

  /**
   * True if the segment from a to b passes through the inside of the rectangle. A segment that ends on
   * the border, runs along it or touches a corner does not cross.
   */
  static boolean crossesInside(Point a, Point b, Rect r) {
    double dx = b.x() - a.x();
    double dy = b.y() - a.y();
    double[] t = {0, 1};
    if (!clip(-dx, a.x() - r.x(), t) || !clip(dx, r.maxX() - a.x(), t)
        || !clip(-dy, a.y() - r.y(), t) || !clip(dy, r.maxY() - a.y(), t)) {
      return false;
    }
    double clippedLength = (t[1] - t[0]) * Math.hypot(dx, dy);
    if (clippedLength <= EPSILON) {
      return false;
    }
    double mx = a.x() + dx * (t[0] + t[1]) / 2;
    double my = a.y() + dy * (t[0] + t[1]) / 2;
    return mx > r.x() + EPSILON && mx < r.maxX() - EPSILON && my > r.y() + EPSILON && my < r.maxY() - EPSILON;
  }

  /**
   * True if the segment crosses the border of a container (an expanded subprocess): it passes through the
   * inside but does not lie wholly inside. Segments drawn inside the container are its content.
   */
  static boolean crossesBorder(Point a, Point b, Rect container) {
    return crossesInside(a, b, container) && !(container.contains(a) && container.contains(b));
  }

  /** True if the rectangle lies partly inside and partly outside the container. */
  static boolean straddles(Rect inner, Rect container) {
    return inner.overlaps(container) && !container.encloses(inner);
  }

  /** Liang-Barsky step: narrows t to the part of the segment on the inner side of one border line. */
  private static boolean clip(double p, double q, double[] t) {
    if (Math.abs(p) < 1e-12) {
      return q >= -EPSILON;
    }
    double r = q / p;
    if (p < 0) {
      if (r > t[1]) {
        return false;
      }
      t[0] = Math.max(t[0], r);
    } else {
      if (r < t[0]) {
        return false;
      }
      t[1] = Math.min(t[1], r);
    }
    return true;
  }

  static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }
}
