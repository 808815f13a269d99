package org.loive.workflow;

import org.loive.platform.InvalidRequestException;
import org.loive.platform.InvalidRequestException.Rejection;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The decisions each task of the coarse chain records, as yes/no codes that the gateways read.
 * A task not listed here records none.
 */
final class TaskDecisions {

	private static final Map<String, Set<String>> REQUIRED = Map.of(
			ReferralProcess.CLASSIFY, Set.of(ReferralVariables.TRAFFICKING_SUSPECTED),
			ReferralProcess.IDENTIFY, Set.of(ReferralVariables.VICTIM));

	private TaskDecisions() {
	}

	static Set<String> of(String taskKey) {
		return REQUIRED.getOrDefault(taskKey, Set.of());
	}

	/** Every required answer given, nothing else; otherwise 400 naming each field. */
	static void check(String taskKey, Map<String, Boolean> decision) {
		Set<String> required = of(taskKey);
		List<Rejection> rejections = Stream.concat(
				required.stream().filter(name -> decision.get(name) == null)
					.map(name -> new Rejection("decision." + name, "validation.required")),
				decision.keySet().stream().filter(name -> !required.contains(name))
					.map(name -> new Rejection("decision." + name, "task.decision.unknown")))
			.sorted(Comparator.comparing(Rejection::field))
			.toList();
		if (!rejections.isEmpty()) {
			throw new InvalidRequestException(rejections);
		}
	}
}
