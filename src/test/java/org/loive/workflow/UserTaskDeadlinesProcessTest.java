package org.loive.workflow;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;
import org.loive.access.Agency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

/**
 * Every user task of the deployed processes is offered to an agency and has a deadline from table
 * step-deadlines, with a non-interrupting overdue timer; every waiting timer takes its date from the same table.
 */
class UserTaskDeadlinesProcessTest extends ProcessTestCase {

	private static final List<String> PROCESSES = List.of(ReferralProcess.KEY, RescueProcess.KEY, ProtectionProcess.KEY,
			ServiceReferralProcess.KEY, ReintegrationProcess.KEY, RepatriationProcess.KEY);

	@Test
	void everyUserTaskIsOfferedToAnAgencyOrToTheAgencyTheCaseNames() {
		for (UserTask task : userTasks()) {
			String groups = task.getCamundaCandidateGroups();
			assertThat(groups).as("candidate groups of %s", task.getId()).isNotBlank();
			for (String group : groups.split(",")) {
				assertThat(group.startsWith("${") || Agency.ofGroup(group.strip()).isPresent())
					.as("candidate group %s of %s", group, task.getId())
					.isTrue();
			}
		}
	}

	@Test
	void everyUserTaskHasItsOwnDueDate() {
		for (UserTask task : userTasks()) {
			assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).isEqualTo(dueDate(task.getId()));
		}
	}

	@Test
	void everyDueDateHasExactlyOneRuleInStepDeadlines() {
		for (UserTask task : userTasks()) {
			if (task.getId().equals(ServiceReferralProcess.DELIVER)) {
				for (SupportService service : SupportService.values()) {
					assertOneRule(task.getId(), service.code(), false);
					assertOneRule(task.getId(), service.code(), true);
				}
			}
			else {
				assertOneRule(task.getId(), null, false);
			}
		}
	}

	@Test
	void everyStepHasANonInterruptingOverdueTimerAtTheSameDate() {
		for (UserTask task : userTasks()) {
			Collection<BoundaryEvent> boundaries = task.getModelInstance().getModelElementsByType(BoundaryEvent.class);
			List<BoundaryEvent> timers = boundaries.stream()
				.filter(boundary -> boundary.getAttachedTo().getId().equals(task.getId()))
				.toList();
			assertThat(timers).as("boundary events of %s", task.getId()).hasSize(1);
			BoundaryEvent timer = timers.get(0);
			assertThat(timer.cancelActivity()).as("%s interrupts", timer.getId()).isFalse();
			TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
			assertThat(definition.getTimeDate().getTextContent()).as("date of %s", timer.getId())
				.isEqualTo(dueDate(task.getId()));
		}
	}

	@Test
	void everyWaitingTimerTakesItsDateFromStepDeadlines() {
		List<IntermediateCatchEvent> waits = models().stream()
			.flatMap(model -> model.getModelElementsByType(IntermediateCatchEvent.class).stream())
			.filter(event -> event.getEventDefinitions().iterator().next() instanceof TimerEventDefinition)
			.toList();
		assertThat(waits).extracting(IntermediateCatchEvent::getId)
			.containsExactlyInAnyOrder(ProtectionProcess.REVIEW_DUE, ReintegrationProcess.NEXT_VISIT_DUE);
		for (IntermediateCatchEvent wait : waits) {
			TimerEventDefinition definition = (TimerEventDefinition) wait.getEventDefinitions().iterator().next();
			assertThat(definition.getTimeDate().getTextContent()).as("date of %s", wait.getId())
				.isEqualTo(dueDate(wait.getId()));
			assertOneRule(wait.getId(), null, false);
		}
	}

	@Test
	void everyUserTaskNamesItsStageInTheModel() {
		for (UserTask task : userTasks()) {
			List<String> stages = task.getExtensionElements() == null ? List.of()
					: task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
						.flatMap(properties -> properties.getCamundaProperties().stream())
						.filter(property -> property.getCamundaName().equals(Stage.PROPERTY))
						.map(CamundaProperty::getCamundaValue)
						.toList();
			assertThat(stages).as("stage of %s", task.getId()).singleElement()
				.satisfies(stage -> assertThat(Stage.valueOf(stage)).isNotEqualTo(Stage.CLOSED));
		}
	}

	@Test
	void everyUserTaskHasAForm() {
		assertThat(userTasks()).extracting(UserTask::getId).containsExactlyInAnyOrderElementsOf(TaskForms.taskKeys());
	}

	private static void assertOneRule(String step, String service, boolean extended) {
		DmnDecisionTableResult rules = decisionService().evaluateDecisionTableByKey(Decisions.STEP_DEADLINES,
				Variables.createVariables().putValue("step", step).putValue("service", service).putValue("extended", extended));
		assertThat(rules).as("rules of step-deadlines for %s %s", step, service == null ? "" : service).hasSize(1);
		assertThat(Duration.parse(rules.getSingleResult().getEntry("duration"))).as("duration of %s", step).isPositive();
		assertThat((String) rules.getSingleResult().getEntry("calendar")).isIn("CALENDAR", "WORKING", "SAME_DAY");
	}

	private static String dueDate(String step) {
		return "${stepDeadlines.dueDate(execution, '" + step + "')}";
	}

	/** The user tasks of the six deployed processes, those inside sub-processes included. */
	private static List<UserTask> userTasks() {
		List<UserTask> tasks = models().stream().flatMap(model -> model.getModelElementsByType(UserTask.class).stream()).toList();
		assertThat(tasks).hasSize(29);
		return tasks;
	}

	private static List<BpmnModelInstance> models() {
		List<BpmnModelInstance> models = new ArrayList<>();
		for (String key : PROCESSES) {
			ProcessDefinition definition = repositoryService().createProcessDefinitionQuery()
				.processDefinitionKey(key)
				.latestVersion()
				.singleResult();
			models.add(repositoryService().getBpmnModelInstance(definition.getId()));
		}
		return models;
	}
}
