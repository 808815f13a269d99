package org.loive.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;

/**
 * Publishes a {@link ChainEvent} for every finished step that the reports count, inside the engine command that
 * finished it, so that the reports' facts commit or roll back with the step. Every user task (on completion) and
 * every other activity (on its end) of every deployed process is observed; {@link ChainSteps} decides what each
 * step means.
 */
@Component
class ChainEventsPlugin extends AbstractProcessEnginePlugin {

	private final ApplicationEventPublisher events;

	ChainEventsPlugin(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new Observer());
	}

	private void completed(DelegateTask task) {
		ChainSteps.of(new ChainSteps.Step(processKey(task.getExecution()), task.getTaskDefinitionKey(), task.getId(), true,
				now(), agency(task), task.getDueDate() == null ? null : task.getDueDate().toInstant(), task::getVariable))
			.forEach(events::publishEvent);
	}

	private void ended(DelegateExecution execution) {
		ChainSteps.of(new ChainSteps.Step(processKey(execution), execution.getCurrentActivityId(),
				execution.getActivityInstanceId(), false, now(), null, null, execution::getVariable))
			.forEach(events::publishEvent);
	}

	private static String processKey(DelegateExecution execution) {
		return ((ExecutionEntity) execution).getProcessDefinition().getKey();
	}

	/** The agency a task is for: its first candidate group. */
	private static String agency(DelegateTask task) {
		return task.getCandidates().stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.findFirst()
			.orElse(null);
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	private final class Observer extends AbstractBpmnParseListener {

		private final TaskListener onComplete = ChainEventsPlugin.this::completed;
		private final ExecutionListener onEnd = ChainEventsPlugin.this::ended;

		@Override
		public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
			((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
				.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
		}

		@Override
		public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, onEnd);
		}

		@Override
		public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, onEnd);
		}

		@Override
		public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
			// on start: a terminate end event ends its scope before it could end itself
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, onEnd);
		}
	}
}
