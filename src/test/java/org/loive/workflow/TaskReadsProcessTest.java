package org.loive.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.loive.access.Officer;
import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.loive.workflow.ProcessTestSupport.assessRisk;
import static org.loive.workflow.ProcessTestSupport.done;
import static org.loive.workflow.ProcessTestSupport.identifyVictim;
import static org.loive.workflow.ProcessTestSupport.open;
import static org.loive.workflow.ProcessTestSupport.planSupport;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * What the inbox, the task page and the providers' page read from the engine: the inbox's filters and paging,
 * releasing a claimed task, a case's stage and decisions, a referral's state. Cases of a province of their own, so the other process
 * tests' cases on the shared engine never count.
 */
class TaskReadsProcessTest extends ProcessTestCase {

	static final String PROVINCE = "TSA";
	static final Officer POLICE = new Officer("police.tsa", Set.of(Officer.CASEWORKER), Set.of("police"), PROVINCE);
	static final Officer HEALTH = new Officer("health.tsa", Set.of(Officer.CASEWORKER), Set.of("health"), PROVINCE);

	@Test
	void inboxFiltersByClaimStepAndDeadlineAndPagesInTheDatabase() {
		ProcessInstance first = report("TSA-2026-000001");
		report("TSA-2026-000002");
		taskService().claim(open(first, ReferralProcess.CLASSIFY).getId(), POLICE.username());
		CaseTasks now = caseTasks(Clock.systemUTC());

		TaskPage all = now.inbox(POLICE, InboxQuery.of(null, null, null), 0, 50);
		assertThat(all.total()).isEqualTo(2);
		assertThat(all.items()).extracting(TaskView::reference).containsExactlyInAnyOrder("TSA-2026-000001", "TSA-2026-000002");
		assertThat(all.items()).allSatisfy(task -> {
			assertThat(task.caseId()).isNotNull();
			assertThat(task.candidateGroups()).containsExactly("police");
		});
		assertThat(now.inbox(POLICE, InboxQuery.of("mine", null, null), 0, 50).items()).extracting(TaskView::reference)
			.containsExactly("TSA-2026-000001");
		assertThat(now.inbox(POLICE, InboxQuery.of("unclaimed", null, null), 0, 50).items())
			.extracting(TaskView::reference)
			.containsExactly("TSA-2026-000002");
		assertThat(now.inbox(POLICE, InboxQuery.of(null, ReferralProcess.CLASSIFY, "-due"), 0, 50).total()).isEqualTo(2);
		assertThat(now.inbox(POLICE, InboxQuery.of(null, ReferralProcess.IDENTIFY, null), 0, 50).total()).isZero();
		assertThat(now.inbox(POLICE, InboxQuery.of("overdue", null, null), 0, 50).total()).isZero();
		assertThat(caseTasks(Clock.fixed(Instant.now().plus(Duration.ofDays(365)), ZoneOffset.UTC))
			.inbox(POLICE, InboxQuery.of("overdue", null, null), 0, 50).total()).isEqualTo(2);
		TaskPage second = now.inbox(POLICE, InboxQuery.of(null, null, null), 1, 1);
		assertThat(second.items()).hasSize(1);
		assertThat(second.total()).isEqualTo(2);
		assertThat(now.inbox(HEALTH, InboxQuery.of(null, null, null), 0, 50).total()).isZero();
	}

	@Test
	void taskPageContextAndReferralStateFollowTheCase() {
		ProcessInstance referral = report("TSA-2026-000003");
		identifyVictim(referral, false);
		assessRisk(referral);
		planSupport(referral, "a");
		ServiceReferrals referrals = new ServiceReferrals(taskService(), historyService());

		CaseContext.Context context = new CaseContext(taskService(), historyService(), new Stages())
			.of(referral.getBusinessKey());
		assertThat(context.stage()).isEqualTo(Stage.SUPPORT);
		assertThat(context.decisions()).extracting(CaseContext.Decision::name, CaseContext.Decision::value)
			.contains(tuple(ReferralVariables.CLASSIFICATION, "TRAFFICKING_SUSPECTED"),
					tuple(ReferralVariables.VICTIM, true),
					tuple(ReferralVariables.CONSENTED_SERVICES, List.of("a")));

		List<ServiceReferrals.Referral> waiting = referrals.of(HEALTH);
		assertThat(waiting).singleElement().satisfies(r -> {
			assertThat(r.reference()).isEqualTo("TSA-2026-000003");
			assertThat(r.service()).isEqualTo("a");
			assertThat(r.status()).isEqualTo(ServiceReferrals.Status.WAITING);
			assertThat(r.taskId()).isEqualTo(open(referral, ServiceReferralProcess.RESPOND).getId());
		});
		assertThat(referrals.of(POLICE)).isEmpty();

		done(referral, ServiceReferralProcess.RESPOND, "referralAccepted", false, "declineReason", "NO_CAPACITY");
		assertThat(referrals.of(HEALTH)).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(ServiceReferrals.Status.DECLINED);
			assertThat(r.declineReason()).isEqualTo("NO_CAPACITY");
		});
		done(referral, ServiceReferralProcess.REVIEW_DECLINED, "reassigned", false);
		assertThat(referrals.of(HEALTH)).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(ServiceReferrals.Status.DECLINED);
			assertThat(r.ended()).isNotNull();
			assertThat(r.taskId()).isNull();
		});
	}

	@Test
	void onlyTheAssigneeReleasesATaskAndTheReleaseIsOnRecord() {
		ProcessInstance referral = report("TSA-2026-000004");
		String taskId = open(referral, ReferralProcess.CLASSIFY).getId();
		AuditLog audit = mock(AuditLog.class);
		CaseTasks caseTasks = writing(taskService(), audit);
		Officer colleague = new Officer("police2.tsa", Set.of(Officer.CASEWORKER), Set.of("police"), PROVINCE);

		assertThat(caseTasks.claim(taskId, POLICE).assignee()).isEqualTo(POLICE.username());
		assertThatThrownBy(() -> caseTasks.release(taskId, colleague)).isInstanceOfSatisfying(ApiException.class,
				refused -> assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT));
		assertThatThrownBy(() -> caseTasks.release(taskId, HEALTH)).isInstanceOfSatisfying(ApiException.class,
				refused -> assertThat(refused.status()).isEqualTo(HttpStatus.FORBIDDEN));
		assertThat(caseTasks.release(taskId, POLICE).assignee()).isNull();
		assertThat(taskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();

		ArgumentCaptor<AuditEvent> events = ArgumentCaptor.forClass(AuditEvent.class);
		verify(audit, times(2)).record(events.capture());
		assertThat(events.getAllValues()).extracting(AuditEvent::action)
			.containsExactly(AuditAction.TASK_CLAIM, AuditAction.TASK_RELEASE);
		assertThat(events.getValue().caseId()).hasToString(referral.getBusinessKey());
	}

	@Test
	void anActionMetByAConcurrentChangeOfItsProcessIsTriedAgainAndAtLastRefusedWithNothingDone() {
		String once = open(report("TSA-2026-000006"), ReferralProcess.CLASSIFY).getId();
		TaskService changedOnce = spy(taskService());
		doThrow(new OptimisticLockingException("the overdue timer fired")).doCallRealMethod().when(changedOnce)
			.claim(once, POLICE.username());

		assertThat(writing(changedOnce, mock(AuditLog.class)).claim(once, POLICE).assignee()).isEqualTo(POLICE.username());
		verify(changedOnce, times(2)).claim(once, POLICE.username());
		assertThat(taskService().createTaskQuery().taskId(once).singleResult().getAssignee()).isEqualTo(POLICE.username());

		String always = open(report("TSA-2026-000007"), ReferralProcess.CLASSIFY).getId();
		TaskService changedAlways = spy(taskService());
		doThrow(new OptimisticLockingException("the process changed")).when(changedAlways).claim(always, POLICE.username());
		assertThatThrownBy(() -> writing(changedAlways, mock(AuditLog.class)).claim(always, POLICE))
			.isInstanceOfSatisfying(ApiException.class, refused -> {
				assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(refused.messageKey()).isEqualTo("task.changed-concurrently");
			});
		verify(changedAlways, times(CaseTasks.ATTEMPTS)).claim(always, POLICE.username());
		assertThat(taskService().createTaskQuery().taskId(always).singleResult().getAssignee()).isNull();
	}

	@Test
	void aStepOfTheChainIsNotTakenForAServiceReferredWhileThePersonIsBeingIdentified() {
		ProcessInstance referral = report("TSA-2026-000005");
		done(referral, ReferralProcess.CLASSIFY, "classification", "TRAFFICKING_SUSPECTED", "rescueNeeded", false,
				"crossBorderRescue", false, "foreignNational", false, "duplicateOfCaseId", null);
		done(referral, ReferralProcess.RECEIVE_PERSON, "healthDepartmentNotified", true, "temporaryShelterProvided", true);
		ProcessTestSupport.planInterimSupport(referral, "b");

		List<TaskView> health = caseTasks(Clock.systemUTC())
			.inbox(HEALTH, InboxQuery.of(null, null, null, UUID.fromString(referral.getBusinessKey())), 0, 50).items();

		assertThat(health).extracting(TaskView::taskKey, TaskView::service).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple(ReferralProcess.INITIAL_VERIFICATION, null),
				org.assertj.core.groups.Tuple.tuple(ServiceReferralProcess.RESPOND, "b"));
	}

	/** Claims and releases: the engine's tables, the task's lock and transactions on them, the audit given. */
	private static CaseTasks writing(TaskService tasks, AuditLog audit) {
		DataSource engineTables = ((ProcessEngineConfigurationImpl) ProcessTestSupport.engine()
			.getProcessEngineConfiguration()).getDataSource();
		JdbcClient jdbc = JdbcClient.create(engineTables);
		return new CaseTasks(tasks, historyService(), null, new CaseContext(taskService(), historyService(), new Stages()),
				new ActionableTask(jdbc), jdbc, null, null, audit, Clock.systemUTC(),
				new DataSourceTransactionManager(engineTables));
	}

	/** Only the engine's tables are needed to read: no vault, audit or lock. */
	private static CaseTasks caseTasks(Clock clock) {
		JdbcClient jdbc = JdbcClient.create(((ProcessEngineConfigurationImpl) ProcessTestSupport.engine()
			.getProcessEngineConfiguration()).getDataSource());
		return new CaseTasks(taskService(), historyService(), null,
				new CaseContext(taskService(), historyService(), new Stages()), new ActionableTask(jdbc), null, null, null,
				null, clock, null);
	}

	/** A hotline report from inland of this test's province, waiting for the police's classification. */
	private static ProcessInstance report(String reference) {
		String caseId = UUID.randomUUID().toString();
		return runtimeService().startProcessInstanceByKey(ReferralProcess.KEY, caseId, Variables.createVariables()
			.putValue(ReferralVariables.CASE_ID, caseId)
			.putValue(ReferralVariables.REFERENCE, reference)
			.putValue(ReferralVariables.CHANNEL, Channel.HOTLINE_111.name())
			.putValue(ReferralVariables.PLACE, Place.INLAND.name())
			.putValue(ReferralVariables.AREA, PROVINCE)
			.putValue(ReferralVariables.PROVINCE, PROVINCE)
			.putValue(ReferralVariables.IMMEDIATE_DANGER, false)
			.putValue(ReferralVariables.VICTIM_ID, UUID.randomUUID().toString())
			.putValue(ReferralVariables.MINOR_IDS, List.of())
			.putValue(ReferralVariables.RESCUE_NEEDED, false)
			.putValue(ReferralVariables.CROSS_BORDER_RESCUE, false)
			.putValue(ReferralVariables.FOREIGN_NATIONAL, false)
			.putValue(ReferralVariables.REPATRIATED, false));
	}
}
