package de.quartierskredit.loan;

import static de.quartierskredit.loan.LoanState.*;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed state changes of a loan, in one place: {@code from -> allowed to}. Every write of
 * {@code loan.state} in {@link LoanRepository} is guarded by this table; an ended state leads nowhere.
 */
public final class LoanLifecycle {

  private static final Map<LoanState, Set<LoanState>> NEXT = new EnumMap<>(LoanState.class);

  static {
    allow(APPLIED, APPROVED, REJECTED, WITHDRAWN, ENDED_BY_ADVICE, FINANCED_PRIVATELY, REFERRED);
    allow(APPROVED, CONTRACTED, REJECTED, WITHDRAWN);
    allow(CONTRACTED, ACTIVE, WITHDRAWN);
    allow(ACTIVE, REPAID, DEFAULTED);
    allow(DEFAULTED, WRITTEN_OFF);
    for (LoanState state : LoanState.values()) {
      NEXT.putIfAbsent(state, EnumSet.noneOf(LoanState.class));
    }
  }

  private LoanLifecycle() {}

  private static void allow(LoanState from, LoanState... to) {
    NEXT.put(from, EnumSet.of(to[0], to));
  }

  /** Whether a loan in {@code from} may become {@code to}. */
  public static boolean allows(LoanState from, LoanState to) {
    return NEXT.get(from).contains(to);
  }

  /** The states a loan may leave {@code from} for (none for an ended state). */
  public static Set<LoanState> next(LoanState from) {
    return Set.copyOf(NEXT.get(from));
  }

  /** The states from which a loan may become {@code to}. */
  public static Set<LoanState> sourcesOf(LoanState to) {
    Set<LoanState> sources = EnumSet.noneOf(LoanState.class);
    NEXT.forEach((from, targets) -> {
      if (targets.contains(to)) {
        sources.add(from);
      }
    });
    return sources;
  }

  /**
   * The states from which a caller lets a loan become {@code to}: those of {@code from} that the table
   * allows. A caller may narrow the table (withdrawal at the committee only from APPLIED), never widen it.
   */
  static Set<LoanState> sourcesOf(Collection<LoanState> from, LoanState to) {
    Set<LoanState> sources = sourcesOf(to);
    sources.retainAll(from);
    return sources;
  }

  /** Refuses a change the table does not allow. */
  public static void require(LoanState from, LoanState to) {
    if (!allows(from, to)) {
      throw new IllegalLoanStateException("a " + from + " loan cannot become " + to
          + " (allowed: " + (NEXT.get(from).isEmpty() ? "none, it has ended" : NEXT.get(from)) + ")");
    }
  }

  /** Whether {@code to} can be reached from {@code from} through allowed changes (or is {@code from}). */
  public static boolean leadsTo(LoanState from, LoanState to) {
    Set<LoanState> seen = EnumSet.of(from);
    var frontier = new ArrayDeque<LoanState>(Set.of(from));
    while (!frontier.isEmpty()) {
      for (LoanState next : NEXT.get(frontier.poll())) {
        if (seen.add(next)) {
          frontier.add(next);
        }
      }
    }
    return seen.contains(to);
  }
}
