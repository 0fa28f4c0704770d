package de.quartierskredit.shared;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Camunda groups of the MIQUA roles. Advisors and committees exist once per quarter
 * ({@code advisors-leipzig}); a task for a quarter names that quarter's group as candidate, so a
 * caseworker only ever sees the work of their own quarter.
 */
public final class Roles {

  public static final String MICROFINANCER = "microfinancer";
  public static final String BANK = "bank";
  public static final String MANAGERS = "managers";
  /** Process owners edit and deploy models and migrate running loans; an engine admin group. */
  public static final String PROCESS_OWNERS = "process-owners";
  /** Machine logins that scrape the operations endpoints ({@code /actuator/prometheus}); nothing else. */
  public static final String METRICS = "metrics";

  static final String ADVISORS_PREFIX = "advisors-";
  static final String COMMITTEE_PREFIX = "committee-";

  private Roles() {}

  /** Neighbourhood advisors (Quartiersberater) of a quarter. */
  public static String advisors(String quarterCode) {
    return ADVISORS_PREFIX + normalise(quarterCode);
  }

  /** Award committee (Vergabeausschuss) of a quarter. */
  public static String committee(String quarterCode) {
    return COMMITTEE_PREFIX + normalise(quarterCode);
  }

  /** Who advises a case: the quarter's advisors, or the microfinancer outside the quarters. */
  public static String advisorsFor(String quarterCodeOrNull) {
    return quarterCodeOrNull == null ? MICROFINANCER : advisors(quarterCodeOrNull);
  }

  /** Who decides a case: the quarter's committee, or the microfinancer outside the quarters. */
  public static String committeeFor(String quarterCodeOrNull) {
    return quarterCodeOrNull == null ? MICROFINANCER : committee(quarterCodeOrNull);
  }

  /** The quarter whose advisors this group is, or null for any other group. */
  public static String quarterOfAdvisors(String groupId) {
    return groupId != null && groupId.startsWith(ADVISORS_PREFIX) ? groupId.substring(ADVISORS_PREFIX.length()) : null;
  }

  /** The quarter of an advisors' or committee group, or null for any other group. */
  public static String quarterOf(String groupId) {
    if (groupId != null && groupId.startsWith(COMMITTEE_PREFIX)) {
      return groupId.substring(COMMITTEE_PREFIX.length());
    }
    return quarterOfAdvisors(groupId);
  }

  /**
   * Whether these groups read the whole programme, every quarter and outside them (managers, the
   * microfinancer, process owners, Camunda's administrators): the line our read APIs draw.
   */
  public static boolean seeWholeProgramme(Collection<String> groups) {
    return groups != null && (groups.contains(MANAGERS) || groups.contains(MICROFINANCER)
        || groups.contains(PROCESS_OWNERS) || groups.contains("camunda-admin"));
  }

  /** The quarters whose advisors' or committee groups these are (each once; none for other groups). */
  public static List<String> quartersOf(Collection<String> groups) {
    return groups == null ? List.of() : groups.stream().map(Roles::quarterOf).filter(Objects::nonNull).distinct().toList();
  }

  private static String normalise(String quarterCode) {
    if (quarterCode == null || !quarterCode.matches("[a-zA-Z0-9-]+")) {
      throw new IllegalArgumentException("not a quarter code: " + quarterCode);
    }
    return quarterCode.toLowerCase(Locale.ROOT);
  }
}
