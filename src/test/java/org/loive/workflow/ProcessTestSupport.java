package org.loive.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.loive.platform.Vietnam;
import org.loive.platform.WorkingCalendar;
import org.loive.support.TestEngines;
import org.springframework.core.io.ClassPathResource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/**
 * The engine of the process tests: every process and table of {@code bpmn/} with the application's own
 * delegates, on PostgreSQL. Overdue steps are collected in memory instead of the application's table.
 */
final class ProcessTestSupport {

	static final String[] RESOURCES = { "bpmn/victim-referral.bpmn", "bpmn/victim-rescue.bpmn",
			"bpmn/victim-protection.bpmn", "bpmn/service-referral.bpmn", "bpmn/victim-reintegration.bpmn",
			"bpmn/victim-repatriation.bpmn", "bpmn/intake-routing.dmn", "bpmn/support-eligibility.dmn",
			"bpmn/risk-level.dmn", "bpmn/step-deadlines.dmn" };

	/** Escalations raised during a test. */
	static final List<Escalations.Escalation> ESCALATIONS = new CopyOnWriteArrayList<>();

	/** What the chain published for the reports during the tests, in order. */
	static final List<ChainEvent> CHAIN_EVENTS = new CopyOnWriteArrayList<>();

	/** One engine for every process test class of the JVM: building one per class would only add pools. */
	private static ProcessEngine engine;

	private ProcessTestSupport() {
	}

	static synchronized ProcessEngine engine() {
		if (engine == null) {
			WorkingCalendar calendar = WorkingCalendar.load(new ClassPathResource("calendar/holidays-vn.yml"));
			Map<Object, Object> beans = new HashMap<>();
			beans.put("intakeRoutingDelegate", new IntakeRoutingDelegate());
			beans.put("riskLevelDelegate", new RiskLevelDelegate());
			beans.put("supportEligibilityDelegate", new SupportEligibilityDelegate());
			beans.put("consentWithdrawalDelegate", new ConsentWithdrawalDelegate());
			beans.put("caseTransferDelegate", new CaseTransferDelegate());
			beans.put("overdueEscalationDelegate", new OverdueEscalationDelegate(ProcessTestSupport::raise));
			beans.put("stepDeadlines", new StepDeadlines(calendar));
			beans.put("supportServices", new SupportServices());
			engine = TestEngines.postgres("referral-chain-test", beans, new ChainEventsPlugin(event -> CHAIN_EVENTS.add((ChainEvent) event)),
					new ProvinceScope(null));
		}
		return engine;
	}

	/** As the application's table does: one record per task, a later escalation of the same task is ignored. */
	private static synchronized void raise(Escalations.Escalation escalation) {
		if (ESCALATIONS.stream().noneMatch(raised -> raised.taskId().equals(escalation.taskId()))) {
			ESCALATIONS.add(escalation);
		}
	}

	/**
	 * The JUnit 5 extension of a process test class, on the shared engine, recording the flow nodes the class
	 * reaches (camunda-process-test-coverage, whose parse listener TestEngines installs).
	 */
	static ProcessEngineExtension extension() {
		return new ProcessEngineCoverageExtension().useProcessEngine(engine());
	}

	/** Starts a case as intake does, with {@code minors} accompanying minors, the report received now. */
	static ProcessInstance start(Channel channel, Place place, boolean immediateDanger, int minors) {
		return start(channel, place, null, immediateDanger, minors);
	}

	/** Starts a case of a person who came back from abroad ({@code returnMode} null: not recorded). */
	static ProcessInstance start(Channel channel, Place place, ReturnMode returnMode, boolean immediateDanger,
			int minors) {
		return start(channel, place, returnMode, immediateDanger, minors, ClockUtil.getCurrentTime().toInstant());
	}

	/** Starts a case as intake does, through {@link ReferralWorkflow#start}, the report received at {@code receivedAt}. */
	static ProcessInstance start(Channel channel, Place place, ReturnMode returnMode, boolean immediateDanger, int minors,
			Instant receivedAt) {
		List<UUID> minorIds = new ArrayList<>();
		for (int i = 0; i < minors; i++) {
			minorIds.add(UUID.randomUUID());
		}
		UUID caseId = UUID.randomUUID();
		ReferralWorkflow workflow = new ReferralWorkflow(runtimeService());
		String id = workflow.start(new ReferralWorkflow.Referral(caseId, channel, place, returnMode, "QNG", "QNG",
				receivedAt, immediateDanger, UUID.randomUUID(), minorIds));
		// intake sets the reference on this one process: no other process of the case may have started yet
		assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString()).count())
			.isOne();
		workflow.reference(id, "QNG-2026-000001");
		return runtimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
	}

	/** A hotline report from inland, classified by the police. */
	static ProcessInstance hotlineReport(int minors) {
		return start(Channel.HOTLINE_111, Place.INLAND, false, minors);
	}

	/** The open task of the case with this key, in whichever process of the case it is. */
	static Task open(ProcessInstance referral, String taskKey) {
		List<Task> tasks = taskService().createTaskQuery()
			.processInstanceBusinessKey(referral.getBusinessKey())
			.taskDefinitionKey(taskKey)
			.list();
		if (tasks.isEmpty()) {
			throw new AssertionError("no open task " + taskKey);
		}
		return tasks.get(0);
	}

	static List<Task> openAll(ProcessInstance referral, String taskKey) {
		return taskService().createTaskQuery()
			.processInstanceBusinessKey(referral.getBusinessKey())
			.taskDefinitionKey(taskKey)
			.list();
	}

	/** Every open task of the case, in all its processes. */
	static List<Task> openTasks(ProcessInstance referral) {
		return taskService().createTaskQuery().processInstanceBusinessKey(referral.getBusinessKey()).list();
	}

	/** Completes the open task with the given key, with the variables its form would produce. */
	static void done(ProcessInstance referral, String taskKey, Object... variables) {
		taskService().complete(open(referral, taskKey).getId(), map(variables));
	}

	/** Completes this task with the variables its form would produce. */
	static void done(Task task, Object... variables) {
		taskService().complete(task.getId(), map(variables));
	}

	private static Map<String, Object> map(Object... variables) {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < variables.length; i += 2) {
			values.put((String) variables[i], variables[i + 1]);
		}
		return values;
	}

	// ----- the processes of a case -----

	/** The one running instance of {@code processKey} in the case (a called process of it, usually). */
	static ProcessInstance instanceOf(ProcessInstance referral, String processKey) {
		List<ProcessInstance> found = instancesOf(referral, processKey);
		assertThat(found).as("running instances of %s in the case", processKey).hasSize(1);
		return found.get(0);
	}

	/** Every running instance of {@code processKey} in the case. */
	static List<ProcessInstance> instancesOf(ProcessInstance referral, String processKey) {
		return runtimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey(referral.getBusinessKey())
			.processDefinitionKey(processKey)
			.list();
	}

	/** A variable of a running process instance. */
	static Object variableOf(ProcessInstance instance, String name) {
		return runtimeService().getVariable(instance.getId(), name);
	}

	/** Every running process instance of the case, the main one included. */
	static List<ProcessInstance> caseInstances(ProcessInstance referral) {
		return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(referral.getBusinessKey()).list();
	}

	/**
	 * Asserts that {@code instance} waits at the user task {@code taskKey} and that every open task of that key
	 * in the instance is offered to {@code candidateGroup}.
	 */
	static void waitsFor(ProcessInstance instance, String taskKey, String candidateGroup) {
		assertThat(instance).isWaitingAt(taskKey);
		List<Task> tasks = taskService().createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(taskKey)
			.list();
		assertThat(tasks).as("open tasks %s", taskKey).isNotEmpty();
		tasks.forEach(task -> assertThat(task).hasCandidateGroup(candidateGroup));
	}

	// ----- the standard steps, as the task forms would complete them -----

	/**
	 * Takes a hotline report, classified by the police, through reception and initial verification (documents
	 * exist) to the identification of a victim; asserts the wait state after each step.
	 */
	static void identifyVictim(ProcessInstance referral, boolean foreignNational) {
		waitsFor(referral, ReferralProcess.CLASSIFY, "police");
		done(referral, ReferralProcess.CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", false,
				"crossBorderRescue", false, "foreignNational", foreignNational, "duplicateOfCaseId", null);
		receiveAndVerify(referral);
		identify(referral, "police");
	}

	/** Task_ReceivePerson, then Task_InitialVerification with documents: the case waits for identification. */
	static void receiveAndVerify(ProcessInstance referral) {
		waitsFor(referral, ReferralProcess.RECEIVE_PERSON, "commune");
		done(referral, ReferralProcess.RECEIVE_PERSON, "healthDepartmentNotified", true, "temporaryShelterProvided", true);
		waitsFor(referral, ReferralProcess.INITIAL_VERIFICATION, "health");
		done(referral, ReferralProcess.INITIAL_VERIFICATION, "documentsExist", true, "policeConsulted", true);
	}

	/**
	 * Task_Identify, offered to {@code identifyingAgency}: a victim, with evidence and the confirmation issued. The
	 * plan of support while being identified, still open, is first recorded with no service.
	 */
	static void identify(ProcessInstance referral, String identifyingAgency) {
		planInterimSupport(referral);
		waitsFor(referral, ReferralProcess.IDENTIFY, identifyingAgency);
		done(referral, ReferralProcess.IDENTIFY, "victim", true, "evidenceKinds", List.of("OFFICIAL_DOCUMENT"),
				"confirmationIssued", true);
	}

	/** Task_PlanInterimSupport, offered to health from reception, with the services the person consents to now. */
	static void planInterimSupport(ProcessInstance referral, String... consented) {
		waitsFor(referral, ReferralProcess.PLAN_INTERIM_SUPPORT, "health");
		done(referral, ReferralProcess.PLAN_INTERIM_SUPPORT, ReferralVariables.CONSENTED_SERVICES, List.of(consented),
				ReferralVariables.INTERIM_SERVICES, List.of(consented));
	}

	/** Task_AssessRisk with the named answers yes and every other answer no. */
	static void assessRisk(ProcessInstance referral, String... yes) {
		waitsFor(referral, ReferralProcess.ASSESS_RISK, "police");
		done(referral, ReferralProcess.ASSESS_RISK, riskAnswers(yes));
	}

	/** The risk assessment's answers: the named ones yes, every other one no. */
	private static Object[] riskAnswers(String... yes) {
		List<String> yesAnswers = Arrays.asList(yes);
		assertThat(RiskLevelDelegate.ANSWERS).containsAll(yesAnswers);
		List<Object> variables = new ArrayList<>();
		for (String answer : RiskLevelDelegate.ANSWERS) {
			variables.add(answer);
			variables.add(yesAnswers.contains(answer));
		}
		return variables.toArray();
	}

	/** Every open Task_AssessMinorRisk, each minor with the named answers yes and every other answer no. */
	static void assessMinorRisks(ProcessInstance referral, String... yes) {
		waitsFor(referral, ReferralProcess.ASSESS_MINOR_RISK, "police");
		openAll(referral, ReferralProcess.ASSESS_MINOR_RISK).forEach(task -> done(task, riskAnswers(yes)));
	}

	/** Task_PlanSupport with the services the person consents to, each to its default provider. */
	static void planSupport(ProcessInstance referral, String... consented) {
		planSupport(referral, Map.of(), consented);
	}

	/** Task_PlanSupport with the services the person consents to and the providers chosen for some of them. */
	static void planSupport(ProcessInstance referral, Map<String, String> chosen, String... consented) {
		Map<String, String> providers = new HashMap<>();
		for (String service : consented) {
			providers.put(service, chosen.getOrDefault(service, SupportService.ofCode(service).orElseThrow()
				.defaultProvider().group()));
		}
		waitsFor(referral, ReferralProcess.PLAN_SUPPORT, "health");
		done(referral, ReferralProcess.PLAN_SUPPORT, ReferralVariables.CONSENTED_SERVICES, List.of(consented),
				ReferralVariables.SERVICE_PROVIDERS, providers);
	}

	/**
	 * Every running service referral of the case accepted, then delivered, each by its provider agency; asserts
	 * the wait state and candidate group of each step.
	 */
	static void acceptAndDeliverAll(ProcessInstance referral) {
		for (ProcessInstance service : instancesOf(referral, ServiceReferralProcess.KEY)) {
			String provider = (String) runtimeService().getVariable(service.getId(), ReferralVariables.PROVIDER_AGENCY);
			waitsFor(service, ServiceReferralProcess.RESPOND, provider);
			done(task(service, ServiceReferralProcess.RESPOND), "referralAccepted", true, "declineReason", null);
			waitsFor(service, ServiceReferralProcess.DELIVER, provider);
			done(task(service, ServiceReferralProcess.DELIVER), "serviceOutcome", "DELIVERED", "extensionRequested", false);
			assertThat(service).isEnded().hasPassed(ServiceReferralProcess.END_RECORDED);
		}
	}

	/** The one open task with this key in this process instance. */
	static Task task(ProcessInstance instance, String taskKey) {
		List<Task> tasks = taskService().createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(taskKey)
			.list();
		assertThat(tasks).as("open tasks %s", taskKey).hasSize(1);
		return tasks.get(0);
	}

	/** The reintegration process from application to a single follow-up visit, asserting each wait state. */
	static void reintegrate(ProcessInstance referral) {
		assertThat(referral).isWaitingAt(ReferralProcess.REINTEGRATION);
		ProcessInstance reintegration = instanceOf(referral, ReintegrationProcess.KEY);
		waitsFor(reintegration, ReintegrationProcess.RECEIVE_APPLICATION, "commune");
		done(referral, ReintegrationProcess.RECEIVE_APPLICATION, "applicationReceived", true,
				ReferralVariables.APPLICATION_RECEIVED_ON, ClockUtil.getCurrentTime().toInstant().atZone(Vietnam.ZONE).toLocalDate().toString());
		waitsFor(reintegration, ReintegrationProcess.DECIDE, "health");
		done(referral, ReintegrationProcess.DECIDE, "reintegrationApproved", true);
		waitsFor(reintegration, ReintegrationProcess.FOLLOW_UP_VISIT, "commune");
		done(referral, ReintegrationProcess.FOLLOW_UP_VISIT, "reTraffickingRisk", "LOW", "moreVisitsNeeded", false);
		assertThat(reintegration).isEnded().hasPassed(ReintegrationProcess.END_REINTEGRATED);
	}

	/** Task_Close with the outcome; the case ends at EndEvent_Closed. */
	static void close(ProcessInstance referral, String outcome) {
		waitsFor(referral, ReferralProcess.CLOSE, "health");
		done(referral, ReferralProcess.CLOSE, ReferralVariables.CASE_OUTCOME, outcome);
		assertThat(referral).isEnded().hasPassed(ReferralProcess.END_CLOSED);
		assertThat(caseInstances(referral)).isEmpty();
	}

	// ----- events from outside the tasks -----

	/** The last value of a variable of an ended process instance, from history. */
	static Object ended(ProcessInstance instance, String variable) {
		return historyService().createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName(variable)
			.singleResult()
			.getValue();
	}

	/** Correlates a message to the case by its business key, as ReferralWorkflow does. */
	static void correlate(ProcessInstance referral, String message, Object... variables) {
		runtimeService().createMessageCorrelation(message)
			.processInstanceBusinessKey(referral.getBusinessKey())
			.setVariables(map(variables))
			.correlateWithResult();
	}

	// ----- timers -----

	/** The engine's clock, in whole milliseconds: dates read back from the database compare as instants. */
	static Instant instant(Date date) {
		return Instant.ofEpochMilli(date.getTime());
	}

	/** Sets the engine's clock; reset it with ClockUtil.reset() after the test. */
	static void clockAt(Instant now) {
		ClockUtil.setCurrentTime(Date.from(now));
	}

	/** Fires the one timer of {@code instance} waiting at {@code activityId}, due or not; returns its job. */
	static Job fireTimer(ProcessInstance instance, String activityId) {
		List<Job> timers = managementService().createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.timers()
			.list();
		assertThat(timers).as("timers at %s", activityId).hasSize(1);
		managementService().executeJob(timers.get(0).getId());
		return timers.get(0);
	}

	/** Executes every timer of the case that is due at the engine's current time; returns how many ran. */
	static int runDueTimers(ProcessInstance referral) {
		List<Job> due = new ArrayList<>();
		for (ProcessInstance instance : caseInstances(referral)) {
			due.addAll(managementService().createJobQuery().processInstanceId(instance.getId()).timers().executable().list());
		}
		due.forEach(job -> managementService().executeJob(job.getId()));
		return due.size();
	}
}
