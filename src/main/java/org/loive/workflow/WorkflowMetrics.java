package org.loive.workflow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.util.Date;

/**
 * The chain's metrics for the operators (Prometheus): steps completed, by step and agency, counted once the step's
 * transaction committed; open steps past their deadline now, across the provinces. Codes only.
 */
@Component
class WorkflowMetrics {

	private final MeterRegistry registry;

	WorkflowMetrics(MeterRegistry registry, TaskService tasks, Clock clock) {
		this.registry = registry;
		Gauge.builder("loive.steps.overdue", () -> tasks.createTaskQuery().dueBefore(Date.from(clock.instant())).count())
			.description("Open steps past their deadline / Bước đang mở đã quá hạn")
			.register(registry);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void completed(ChainEvent event) {
		if (event.kind() == ChainEvent.Kind.TASK_COMPLETED) {
			Counter.builder("loive.steps.completed")
				.description("Steps completed / Bước đã hoàn thành")
				.tag("step", event.code())
				.tag("agency", event.agency() == null ? "none" : event.agency())
				.register(registry)
				.increment();
		}
	}
}
