package de.quartierskredit.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a German caseworker must never read on a page: English words of the webapps' frame, engine
 * messages, raw regular expressions and our variable names (every form field key of {@code forms/} and
 * the display variables the forms show). Kept here so every browser test checks the same list.
 */
final class GermanOnly {

  /** English UI words and phrases of Tasklist, Cockpit, Admin and form-js, matched as whole words. */
  static final List<String> ENGLISH = List.of(
      // Tasklist's frame (its locales/en.json where the German differs) and form-js 1.8.7
      "Claim", "Unclaim", "Complete", "Save", "Start process", "Create task", "Created", "Follow-up", "Due",
      "Due date", "Add comment", "Add a comment", "Set follow-up date", "Set due date", "Add groups", "Assignee",
      "Description", "Diagram", "History", "Sort by", "Keyboard Shortcuts", "Powered by", "Date and Time",
      "No task matching", "Select a task", "Back", "Close", "Cancel", "Select", "Search", "No results", "Filters",
      "Loading", "Logout", "Log out", "Priority", "Task Variable", "time to migrate",
      // validation and engine messages
      "Field is required", "Field must", "Value is", "Please select", "must match pattern", "Cannot", "Exception",
      "does not exist", "The task", "Process instance", "undefined", "null",
      // Cockpit, Admin and Welcome
      "Dashboard", "Processes", "Decisions", "Deployments", "Batches", "Incidents", "Running", "Suspend", "Delete",
      "Add variable", "Welcome", "Users", "Groups", "Authorizations");

  /** What a regular expression or a form template leaves in a text that shows it. */
  static final List<String> REGEX_TRACES = List.of("^[", "^(", "\\d", "[0-9]", "[A-Za-z", "{2,", ")$", "]$", "{{");

  private static final Set<String> VARIABLES = variableNames();

  private GermanOnly() {}

  /** Fails naming every English word, raw pattern, template placeholder or variable name on the page. */
  static void assertPage(String pageText) {
    List<String> found = new ArrayList<>();
    for (String word : ENGLISH) {
      if (Pattern.compile("(?<![\\p{L}\\-])" + Pattern.quote(word) + "(?![\\p{L}\\-])").matcher(pageText).find()) {
        found.add("English \"" + word + "\"");
      }
    }
    for (String variable : VARIABLES) {
      if (Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(variable) + "(?![\\p{L}\\d])").matcher(pageText).find()) {
        found.add("variable name \"" + variable + "\"");
      }
    }
    REGEX_TRACES.stream().filter(pageText::contains).forEach(trace -> found.add("pattern or template \"" + trace + "\""));
    Matcher uuid = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").matcher(pageText);
    if (uuid.find()) {
      found.add("id " + uuid.group());
    }
    assertThat(found).as("what a German caseworker must not read on the page:%n%s", pageText).isEmpty();
  }

  /** Validation messages say what is expected, never a pattern. */
  static void assertNoRegex(List<String> messages) {
    assertThat(messages).allSatisfy(message -> assertThat(message).doesNotContain(REGEX_TRACES.toArray(String[]::new))
        .doesNotContainPattern("(?i)\\bpattern\\b"));
  }

  /** Every field key of the deployed forms and every {@code {{variable}}} they show, camelCase ones only. */
  private static Set<String> variableNames() {
    Set<String> names = new LinkedHashSet<>();
    Pattern key = Pattern.compile("\"key\"\\s*:\\s*\"([A-Za-z0-9_]+)\"");
    Pattern template = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(path -> path.toString().endsWith(".form")).toList()) {
        String json = Files.readString(form);
        for (Pattern pattern : List.of(key, template)) {
          Matcher matcher = pattern.matcher(json);
          while (matcher.find()) {
            if (matcher.group(1).matches(".*[a-z][A-Z].*")) {
              names.add(matcher.group(1));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    names.addAll(List.of("loanReference", "businessKey", "processInstanceId", "taskId"));
    return names;
  }
}
