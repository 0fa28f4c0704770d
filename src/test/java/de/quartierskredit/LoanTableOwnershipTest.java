package de.quartierskredit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md, one writer per table: only {@code de.quartierskredit.loan} runs SQL that changes the
 * {@code loan} table; every other feature asks it through a method named for what happens.
 */
class LoanTableOwnershipTest {

  private static final Path MAIN = Path.of("src/main/java");
  private static final Path OWNER = MAIN.resolve("de/quartierskredit/loan");

  /** {@code loan} as a whole word, so {@code loan_principal_movement} and its kin do not count. */
  static final Pattern WRITES_LOAN =
      Pattern.compile("\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+loan\\b", Pattern.CASE_INSENSITIVE);

  @Test
  void shouldFindSqlWritingTheLoanTableOnlyInTheLoanPackage() throws IOException {
    List<String> writers = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(MAIN)) {
      sources.filter(path -> path.toString().endsWith(".java"))
          .filter(path -> !path.startsWith(OWNER))
          .forEach(path -> writers.addAll(writes(path)));
    }

    assertThat(writers).as("SQL writing the loan table outside " + OWNER).isEmpty();
  }

  @Test
  void shouldSeeTheWritesOfTheLoanPackageItself() throws IOException {
    try (Stream<Path> sources = Files.list(OWNER)) {
      assertThat(sources.mapToInt(path -> writes(path).size()).sum()).isGreaterThan(0);
    }
  }

  @Test
  void shouldMatchTheWholeTableNameOnly() {
    assertThat(WRITES_LOAN.matcher("UPDATE loan SET state = :to").find()).isTrue();
    assertThat(WRITES_LOAN.matcher("update   loan\n set x = 1").find()).isTrue();
    assertThat(WRITES_LOAN.matcher("INSERT INTO loan (reference)").find()).isTrue();
    assertThat(WRITES_LOAN.matcher("DELETE FROM loan WHERE id = 1").find()).isTrue();
    assertThat(WRITES_LOAN.matcher("INSERT INTO loan_principal_movement (loan_id)").find()).isFalse();
    assertThat(WRITES_LOAN.matcher("UPDATE loan_reschedule_request SET status = 'APPROVED'").find()).isFalse();
    assertThat(WRITES_LOAN.matcher("DELETE FROM loan_disturbance_period").find()).isFalse();
    assertThat(WRITES_LOAN.matcher("SELECT state FROM loan WHERE id = 1 FOR UPDATE").find()).isFalse();
  }

  private static List<String> writes(Path source) {
    try {
      String text = Files.readString(source);
      List<String> found = new ArrayList<>();
      Matcher matcher = WRITES_LOAN.matcher(text);
      while (matcher.find()) {
        long line = text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
        found.add(source + ":" + line + ": " + matcher.group().replaceAll("\\s+", " "));
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
