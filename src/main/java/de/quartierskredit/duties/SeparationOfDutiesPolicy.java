package de.quartierskredit.duties;

import de.quartierskredit.shared.GermanFormat;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Separation of duties as lenders require it: whoever recorded, advised, recorded the guarantors of
 * or prepared the template for an application does not decide it in committee; a write-off is
 * approved by a second person, not by the one who asked for it (four eyes). No person acting (the
 * engine itself) is nothing to separate.
 */
public final class SeparationOfDutiesPolicy {

  private SeparationOfDutiesPolicy() {}

  /** May {@code user} decide the application in committee, given who did what on it? */
  public static Decision committeeDecision(String user, List<Participation> participations, boolean quarterLoan) {
    if (user == null) {
      return Decision.allowed();
    }
    Map<Step, Set<String>> prepared = new LinkedHashMap<>();
    participations.stream()
        .filter(p -> p.step().preparesApplication() && user.equalsIgnoreCase(p.userId()))
        .sorted(Comparator.comparing(Participation::at))
        .forEach(p -> prepared.computeIfAbsent(p.step(), s -> new LinkedHashSet<>())
            .add(GermanFormat.date(p.at().toLocalDate())));
    if (prepared.isEmpty()) {
      return Decision.allowed();
    }
    String what = prepared.entrySet().stream()
        .map(e -> e.getKey().label() + " am " + String.join(" und ", e.getValue()))
        .collect(Collectors.joining(", "));
    return Decision.refused("Sie haben diesen Antrag vorbereitet (" + what + ") und dürfen nicht darüber entscheiden. "
        + (quarterLoan ? "Ein anderes Ausschussmitglied entscheidet."
            : "Eine andere Person des Mikrofinanzierers entscheidet."));
  }

  /**
   * May {@code user} approve (or reject) the write-off? Not the person who asked for it last
   * ({@code participations} in the order they happened).
   */
  public static Decision writeOffApproval(String user, List<Participation> participations) {
    if (user == null) {
      return Decision.allowed();
    }
    Optional<Participation> request = participations.stream()
        .filter(p -> p.step() == Step.WRITE_OFF_REQUESTED)
        .reduce((earlier, later) -> later);
    if (request.isPresent() && user.equalsIgnoreCase(request.get().userId())) {
      return Decision.refused("Sie haben die Abschreibung am " + GermanFormat.date(request.get().at().toLocalDate())
          + " beantragt und dürfen sie nicht selbst freigeben (Vier-Augen-Prinzip). "
          + "Eine zweite Person des Mikrofinanzierers gibt sie frei.");
    }
    return Decision.allowed();
  }

  /** Allowed, or refused with the reason a caseworker reads (German). */
  public record Decision(boolean ok, String reason) {
    static Decision allowed() {
      return new Decision(true, null);
    }

    static Decision refused(String reason) {
      return new Decision(false, reason);
    }
  }
}
