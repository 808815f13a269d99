package org.loive.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Time passing for a case that only waits for it (a protection review, a follow-up visit): its timers fire now. */
public final class CaseTimers {

	private CaseTimers() {
	}

	public static void fireAll(RuntimeService runtime, ManagementService management, String caseId) {
		List<Job> timers = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseId)
			.list()
			.stream()
			.flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).timers().list().stream())
			.toList();
		assertThat(timers).as("the case waits for neither a task nor a timer").isNotEmpty();
		timers.forEach(timer -> management.executeJob(timer.getId()));
	}
}
