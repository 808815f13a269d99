package org.loive.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flow-node coverage of every process over all process test classes, from the reports that
 * camunda-process-test-coverage writes per class ({@code target/process-test-coverage}); printed by the
 * build and required to be complete: every flow node of every process reached by some test.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageReportTest {

	static final double REQUIRED = 1.0;
	static final Path REPORTS = Path.of("target/process-test-coverage");
	static final List<String> PROCESSES = List.of(ReferralProcess.KEY, RescueProcess.KEY, ProtectionProcess.KEY,
			ServiceReferralProcess.KEY, ReintegrationProcess.KEY, RepatriationProcess.KEY);

	private static final Logger log = LoggerFactory.getLogger(ProcessCoverageReportTest.class);

	@Test
	void everyFlowNodeOfEveryProcessIsCovered() throws IOException {
		Map<String, Set<String>> covered = new HashMap<>();
		for (JsonNode report : reports()) {
			for (JsonNode event : report.findValues("events").stream().flatMap(ProcessCoverageReportTest::stream).toList()) {
				if ("FLOW_NODE".equals(event.get("source").asText())) {
					covered.computeIfAbsent(event.get("modelKey").asText(), key -> new HashSet<>())
						.add(event.get("definitionKey").asText());
				}
			}
		}
		Map<String, Double> coverage = new TreeMap<>();
		for (String process : PROCESSES) {
			Set<String> nodes = flowNodes(process);
			Set<String> reached = new HashSet<>(covered.getOrDefault(process, Set.of()));
			reached.retainAll(nodes);
			coverage.put(process, (double) reached.size() / nodes.size());
			Set<String> missed = new HashSet<>(nodes);
			missed.removeAll(reached);
			log.info("Process coverage {}: {}/{} flow nodes = {}%{}", process, reached.size(), nodes.size(),
					String.format("%.1f", 100.0 * reached.size() / nodes.size()),
					missed.isEmpty() ? "" : ", not reached: " + new TreeSet<>(missed));
		}
		assertThat(coverage).allSatisfy((process, ratio) -> assertThat(ratio).as(process).isGreaterThanOrEqualTo(REQUIRED));
	}

	private static List<JsonNode> reports() throws IOException {
		assertThat(REPORTS).as("the process tests ran first and wrote their coverage").isDirectory();
		ObjectMapper json = new ObjectMapper();
		try (Stream<Path> files = Files.walk(REPORTS)) {
			return files.filter(file -> file.getFileName().toString().equals("report.json"))
				.filter(ProcessCoverageReportTest::writtenByThisRun)
				.map(file -> {
				try {
					return json.readTree(file.toFile());
				}
				catch (IOException e) {
					throw new IllegalStateException(file.toString(), e);
				}
			}).toList();
		}
	}

	/** Reports of an earlier build left in {@code target/} must not count. */
	private static boolean writtenByThisRun(Path file) {
		try {
			return Files.getLastModifiedTime(file).toMillis() >= ManagementFactory.getRuntimeMXBean().getStartTime();
		}
		catch (IOException e) {
			throw new IllegalStateException(file.toString(), e);
		}
	}

	private static Stream<JsonNode> stream(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false);
	}

	private static Set<String> flowNodes(String process) throws IOException {
		try (InputStream bpmn = ProcessCoverageReportTest.class.getClassLoader()
			.getResourceAsStream("bpmn/" + process + ".bpmn")) {
			Set<String> ids = new HashSet<>();
			Bpmn.readModelFromStream(bpmn).getModelElementsByType(FlowNode.class).forEach(node -> ids.add(node.getId()));
			return ids;
		}
	}
}
