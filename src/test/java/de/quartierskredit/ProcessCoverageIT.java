package de.quartierskredit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;

/**
 * Flow-node coverage per model over the whole test suite: joins what every process test class
 * recorded (camunda-process-test-coverage writes one report per class) and requires at least 90 %
 * of each model's flow nodes. Runs after the unit and process tests (Failsafe); prints the table
 * and writes it to {@code target/process-test-coverage/summary.txt}.
 */
class ProcessCoverageIT {

  static final double MINIMUM_FLOW_NODE_COVERAGE = 0.90;

  private static final Path MODELS = Path.of("bpmn");
  private static final Path REPORTS = Path.of("target", "process-test-coverage");

  @Test
  void shouldCoverAtLeast90PercentOfTheFlowNodesOfEveryModel() throws IOException {
    Map<String, Set<String>> coveredNodes = new HashMap<>();
    Map<String, Set<String>> coveredFlows = new HashMap<>();
    readReports(coveredNodes, coveredFlows);

    Map<String, Double> coverage = new TreeMap<>();
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%-26s %12s %16s  %s", "model", "flow nodes", "sequence flows", "not covered"));
    for (Path file : models()) {
      var model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        String key = process.getId();
        Set<String> nodes = ids(model.getModelElementsByType(FlowNode.class));
        Set<String> flows = new HashSet<>();
        model.getModelElementsByType(SequenceFlow.class).forEach(f -> flows.add(f.getId()));
        Set<String> hitNodes = intersect(nodes, coveredNodes.getOrDefault(key, Set.of()));
        Set<String> hitFlows = intersect(flows, coveredFlows.getOrDefault(key, Set.of()));
        Set<String> missing = new java.util.TreeSet<>(nodes);
        missing.removeAll(hitNodes);
        double ratio = nodes.isEmpty() ? 1 : (double) hitNodes.size() / nodes.size();
        coverage.put(key, ratio);
        lines.add(String.format("%-26s %5d/%-3d %3.0f%% %7d/%-3d %3.0f%%  %s", key, hitNodes.size(), nodes.size(),
            100 * ratio, hitFlows.size(), flows.size(), flows.isEmpty() ? 100.0 : 100.0 * hitFlows.size() / flows.size(),
            String.join(", ", missing)));
      }
    }
    String table = String.join("\n", lines);
    System.out.println("Process test coverage over all test classes:\n" + table);
    Files.createDirectories(REPORTS);
    Files.writeString(REPORTS.resolve("summary.txt"), table + "\n");

    assertThat(coverage).isNotEmpty();
    assertThat(coverage).allSatisfy((model, ratio) ->
        assertThat(ratio).as("flow-node coverage of %s", model).isGreaterThanOrEqualTo(MINIMUM_FLOW_NODE_COVERAGE));
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.walk(MODELS)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  /** All flow nodes of the model, including those inside (event) subprocesses. */
  private static Set<String> ids(java.util.Collection<FlowNode> all) {
    Set<String> ids = new HashSet<>();
    all.forEach(node -> ids.add(node.getId()));
    return ids;
  }

  private static Set<String> intersect(Set<String> a, Set<String> b) {
    Set<String> result = new HashSet<>(a);
    result.retainAll(b);
    return result;
  }

  private static void readReports(Map<String, Set<String>> nodes, Map<String, Set<String>> flows) throws IOException {
    assertThat(REPORTS).as("process tests ran before this IT and wrote coverage reports").isDirectory();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(REPORTS)) {
      for (Path report : files.filter(f -> f.getFileName().toString().equals("report.json")).toList()) {
        for (JsonNode suite : json.readTree(report.toFile()).path("suites")) {
          for (JsonNode run : suite.path("runs")) {
            for (JsonNode event : run.path("events")) {
              var target = "SEQUENCE_FLOW".equals(event.path("source").asText()) ? flows : nodes;
              target.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                  .add(event.path("definitionKey").asText());
            }
          }
        }
      }
    }
  }
}
