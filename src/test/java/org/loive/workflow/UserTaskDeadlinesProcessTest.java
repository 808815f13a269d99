package org.loive.workflow;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.loive.access.Agency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

/**
 * Every user task of the deployed processes is offered to an agency and has a deadline from table
 * step-deadlines, with a non-interrupting overdue timer, except the steps deliberately left without one.
 */
class UserTaskDeadlinesProcessTest extends ProcessTestCase {

	private static final List<String> PROCESSES = List.of(ReferralProcess.KEY, RescueProcess.KEY, ProtectionProcess.KEY,
			ServiceReferralProcess.KEY, ReintegrationProcess.KEY, RepatriationProcess.KEY);

	/** Steps that wait on others (a foreign authority, a review date, a decision abroad): no deadline by design. */
	private static final Set<String> WITHOUT_DEADLINE = Set.of(RescueProcess.COORDINATE_FOREIGN_RESCUE,
			ProtectionProcess.REVIEW_PROTECTION, ServiceReferralProcess.REVIEW_DECLINED, RepatriationProcess.CONFIRM,
			RepatriationProcess.HAND_OVER_AT_BORDER);



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
	void everyUserTaskHasItsOwnDueDateExceptTheStepsDeliberatelyWithoutDeadline() {
		List<String> ids = userTasks().stream().map(UserTask::getId).toList();
		assertThat(ids).containsAll(WITHOUT_DEADLINE);
		for (UserTask task : userTasks()) {
			if (WITHOUT_DEADLINE.contains(task.getId())) {
				assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).isNull();
			}
			else {
				assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).isEqualTo(dueDate(task));
			}
		}
	}

	@Test
	void everyDueDateHasExactlyOneRuleInStepDeadlines() {
		for (UserTask task : tasksWithDeadline()) {
			DmnDecisionTableResult rules = decisionService().evaluateDecisionTableByKey(Decisions.STEP_DEADLINES,
					Variables.createVariables().putValue("step", task.getId()));
			assertThat(rules).as("rules of step-deadlines for %s", task.getId()).hasSize(1);
			String duration = rules.getSingleResult().getEntry("duration");
			assertThat(Duration.parse(duration)).as("duration of %s", task.getId()).isPositive();
			assertThat((String) rules.getSingleResult().getEntry("calendar")).isIn("CALENDAR", "WORKING");
		}
	}

	@Test
	void everyStepWithADeadlineHasANonInterruptingOverdueTimerAtTheSameDate() {
		for (UserTask task : tasksWithDeadline()) {
			Collection<BoundaryEvent> boundaries = task.getModelInstance().getModelElementsByType(BoundaryEvent.class);
			List<BoundaryEvent> timers = boundaries.stream()
				.filter(boundary -> boundary.getAttachedTo().getId().equals(task.getId()))
				.toList();
			assertThat(timers).as("boundary events of %s", task.getId()).hasSize(1);
			BoundaryEvent timer = timers.get(0);
			assertThat(timer.cancelActivity()).as("%s interrupts", timer.getId()).isFalse();
			TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
			assertThat(definition.getTimeDate().getTextContent()).as("date of %s", timer.getId()).isEqualTo(dueDate(task));
		}
	}

	@Test
	void everyUserTaskHasAForm() {
		assertThat(userTasks()).extracting(UserTask::getId).containsExactlyInAnyOrderElementsOf(TaskForms.taskKeys());
	}

	private static String dueDate(UserTask task) {
		return "${stepDeadlines.dueDate(execution, '" + task.getId() + "')}";
	}

	private static List<UserTask> tasksWithDeadline() {
		return userTasks().stream().filter(task -> !WITHOUT_DEADLINE.contains(task.getId())).toList();
	}

	/** The user tasks of the six deployed processes, those inside sub-processes included. */
	private static List<UserTask> userTasks() {
		List<UserTask> tasks = new ArrayList<>();
		for (String key : PROCESSES) {
			ProcessDefinition definition = repositoryService().createProcessDefinitionQuery()
				.processDefinitionKey(key)
				.latestVersion()
				.singleResult();
			BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition.getId());
			tasks.addAll(model.getModelElementsByType(UserTask.class));
		}
		assertThat(tasks).hasSize(25);
		return tasks;
	}
}
