package org.loive.cases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loive.access.Officer;
import org.loive.devstack.EmbeddedDatabase;
import org.loive.workflow.CaseProgress;
import org.loive.workflow.ReferralProcess;
import org.loive.workflow.Stage;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The province's reads against a real PostgreSQL with the engine's own schema: the open steps in one query
 * over the runtime tables, and the case list searched, filtered, sorted and paged in SQL.
 */
class ProvinceQueriesTest {

	static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
	static final EmbeddedDatabase.Account OWNER = new EmbeddedDatabase.Account("loive_q", "loive_q", "loive-q");

	@TempDir
	static Path directory;
	static EmbeddedDatabase database;
	static JdbcClient jdbc;
	static CaseProgress progress;
	static Cases cases;

	static final UUID OVERDUE = UUID.randomUUID();
	static final UUID ON_TIME = UUID.randomUUID();
	static final UUID CLOSED = UUID.randomUUID();
	static final UUID OTHER_PROVINCE = UUID.randomUUID();

	@BeforeAll
	static void start() throws Exception {
		database = EmbeddedDatabase.start(0, directory, false, List.of(OWNER));
		SimpleDriverDataSource data = new SimpleDriverDataSource(new org.postgresql.Driver(), database.jdbcUrl(OWNER.database()),
				OWNER.user(), OWNER.password());
		try (Connection connection = data.getConnection()) {
			ScriptUtils.executeSqlScript(connection,
					new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.postgres.create.engine.sql"));
		}
		jdbc = JdbcClient.create(data);
		jdbc.sql("""
				create table referral_case (id uuid primary key, reference varchar(32) not null unique,
				  channel varchar(32) not null, place varchar(32) not null, area varchar(32) not null,
				  received_at timestamptz not null, immediate_danger boolean not null,
				  process_instance_id varchar(64) not null unique, registered_by varchar(255) not null,
				  registered_at timestamptz not null, intake_area varchar(32), report_kind varchar(32),
				  hotline_number varchar(16), return_mode varchar(32), trafficking_scope varchar(16),
				  exploitation_forms varchar(32)[] not null default '{}', recruitment_contexts varchar(32)[] not null default '{}',
				  destination_country varchar(2), residence_area varchar(32), report_resolution varchar(32),
				  report_resolved_on date, report_resolved_by varchar(255))""").update();
		jdbc.sql("insert into act_re_procdef (id_, key_, version_) values ('main:1', 'victim-referral', 1)").update();
		jdbc.sql("""
				create table escalation (id bigserial primary key, task_id varchar(64) not null unique, case_id uuid not null,
				  province varchar(8) not null, task_key varchar(64) not null, task_name varchar(255) not null,
				  candidate_groups varchar(255) not null, due_at timestamptz not null, raised_at timestamptz not null)""")
			.update();
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		Constructor<CaseProgress> constructor = CaseProgress.class.getDeclaredConstructor(
				org.camunda.bpm.engine.TaskService.class, org.camunda.bpm.engine.HistoryService.class,
				org.camunda.bpm.engine.RepositoryService.class, org.camunda.bpm.engine.RuntimeService.class,
				Class.forName("org.loive.workflow.JdbcEscalations"),
				JdbcClient.class, Class.forName("org.loive.workflow.Stages"), Clock.class);
		constructor.setAccessible(true);
		Constructor<?> stages = Class.forName("org.loive.workflow.Stages").getDeclaredConstructor();
		stages.setAccessible(true);
		Constructor<?> escalations = Class.forName("org.loive.workflow.JdbcEscalations").getDeclaredConstructor(JdbcClient.class,
				org.springframework.context.ApplicationEventPublisher.class);
		escalations.setAccessible(true);
		progress = constructor.newInstance(null, null, null, null, escalations.newInstance(jdbc, (org.springframework.context.ApplicationEventPublisher) event -> { }), jdbc, stages.newInstance(),
				clock);
		cases = new Cases(jdbc, null, progress, null, null, null, null, null, null, null, clock);
		// QNG: one case with an overdue verification and an on-time classification, one on time, one closed; GLI: one
		instance(OVERDUE, "QNG-2026-000001", "QNG-12345", NOW.minusSeconds(3 * 86_400), "QNG");
		task(OVERDUE, "t1", ReferralProcess.INITIAL_VERIFICATION, NOW.minusSeconds(3600), null, "health", "police");
		task(OVERDUE, "t2", ReferralProcess.CLASSIFY, NOW.plusSeconds(3600), "police.qng", "police");
		instance(ON_TIME, "QNG-2026-000002", "QNG", NOW.minusSeconds(2 * 86_400), "QNG");
		task(ON_TIME, "t3", ReferralProcess.CLASSIFY, NOW.plusSeconds(86_400), null, "police");
		instance(CLOSED, "QNG-2026-000003", "QNG", NOW.minusSeconds(86_400), null);
		instance(OTHER_PROVINCE, "GLI-2026-000001", "GLI", NOW.minusSeconds(3600), "GLI");
		task(OTHER_PROVINCE, "t4", ReferralProcess.CLASSIFY, NOW.minusSeconds(60), null, "police");
		jdbc.sql("""
				insert into escalation (task_id, case_id, province, task_key, task_name, candidate_groups, due_at, raised_at)
				values ('t1', :case, 'QNG', :key, 'Xác minh ban đầu', 'health,police', :due, :raised),
				       ('t4', :other, 'GLI', :classify, 'Phân loại', 'police', :due, :raised)""")
			.param("case", OVERDUE).param("other", OTHER_PROVINCE).param("key", ReferralProcess.INITIAL_VERIFICATION)
			.param("classify", ReferralProcess.CLASSIFY).param("due", Timestamp.from(NOW.minusSeconds(3600)))
			.param("raised", Timestamp.from(NOW.minusSeconds(600))).update();
		// received last month in Vietnam (31/10 23:30 there), not this month
		instance(UUID.randomUUID(), "QNG-2026-000000", "QNG", Instant.parse("2026-10-31T16:30:00Z"), null);
	}

	@AfterAll
	static void stop() {
		database.close();
	}

	/** A case row, and its running process instance with the province variable unless it has ended. */
	static void instance(UUID caseId, String reference, String area, Instant received, String province) {
		jdbc.sql("""
				insert into referral_case values (:id, :reference, 'HOTLINE_111', 'INLAND', :area, :received, false, :pi,
				  'police.qng', :received)""")
			.param("id", caseId).param("reference", reference).param("area", area)
			.param("received", Timestamp.from(received)).param("pi", "pi-" + caseId).update();
		if (province != null) {
			jdbc.sql("""
					insert into act_ru_execution (id_, rev_, proc_inst_id_, business_key_, proc_def_id_, is_active_,
					  is_concurrent_, is_scope_, is_event_scope_, suspension_state_)
					values (:pi, 1, :pi, :key, 'main:1', true, false, true, false, 1)""")
				.param("pi", "pi-" + caseId).param("key", caseId.toString()).update();
			jdbc.sql("""
					insert into act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, text_, var_scope_)
					values (:id, 1, 'string', 'province', :pi, :pi, :province, :pi)""")
				.param("id", "v-" + caseId).param("pi", "pi-" + caseId).param("province", province).update();
		}
	}

	static void task(UUID caseId, String id, String key, Instant due, String assignee, String... groups) {
		jdbc.sql("""
				insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_,
				  assignee_, due_date_, create_time_, suspension_state_)
				values (:id, 1, :pi, :pi, 'main:1', :key, :key, :assignee, :due, :created, 1)""")
			.param("id", id).param("pi", "pi-" + caseId).param("key", key).param("assignee", assignee)
			.param("due", Timestamp.from(due)).param("created", Timestamp.from(NOW.minusSeconds(7200))).update();
		for (String group : groups) {
			jdbc.sql("insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) values (:id, 1, :group, 'candidate', :task)")
				.param("id", id + "-" + group).param("group", group).param("task", id).update();
		}
	}

	static final Officer SUPERVISOR = new Officer("supervisor.qng", Set.of(Officer.SUPERVISOR), Set.of(), "QNG");

	@Test
	void openStepsOfTheProvinceInOneQueryWithTheirAgenciesAndDeadlines() {
		List<CaseProgress.ProvinceStep> steps = progress.openStepsOf("QNG");
		assertThat(steps).extracting(CaseProgress.ProvinceStep::taskKey)
			.containsExactlyInAnyOrder(ReferralProcess.INITIAL_VERIFICATION, ReferralProcess.CLASSIFY, ReferralProcess.CLASSIFY);
		CaseProgress.ProvinceStep late = steps.stream()
			.filter(step -> step.taskKey().equals(ReferralProcess.INITIAL_VERIFICATION)).findFirst().orElseThrow();
		assertThat(late.caseId()).isEqualTo(OVERDUE);
		assertThat(late.agencies()).containsExactly("health", "police");
		assertThat(late.overdue()).isTrue();
		assertThat(late.stage()).isEqualTo(Stage.VERIFICATION);
		assertThat(progress.openCasesOf("QNG")).containsOnlyKeys(OVERDUE, ON_TIME)
			.containsEntry(OVERDUE, new CaseProgress.Summary(Stage.VERIFICATION, 2, true))
			.containsEntry(ON_TIME, new CaseProgress.Summary(Stage.CLASSIFICATION, 1, false));
	}

	@Test
	void dashboardCountsTheProvinceOnlyByStageAgencyStepAndVietnamsMonths() {
		Dashboard.Figures figures = new Dashboard(cases, progress, Clock.fixed(NOW, ZoneOffset.UTC)).of(SUPERVISOR);
		assertThat(figures.openByStage()).containsOnly(java.util.Map.entry(Stage.VERIFICATION, 1),
				java.util.Map.entry(Stage.CLASSIFICATION, 1));
		assertThat(figures.overdueByAgency()).containsOnly(java.util.Map.entry("health", 1), java.util.Map.entry("police", 1));
		assertThat(figures.overdueBySteps()).containsExactly(
				new Dashboard.LateStep(ReferralProcess.INITIAL_VERIFICATION, ReferralProcess.INITIAL_VERIFICATION, 1));
		assertThat(figures.workload()).containsEntry("police", new Dashboard.Workload(3, 2))
			.containsEntry("health", new Dashboard.Workload(1, 1));
		assertThat(figures.escalationCount()).isEqualTo(1);
		assertThat(figures.latestEscalations()).extracting(CaseProgress.ProvinceEscalation::caseId).containsExactly(OVERDUE);
		assertThat(figures.receivedThisMonth()).isEqualTo(3);
		assertThat(figures.receivedLastMonth()).isEqualTo(1);
	}

	@Test
	void caseListNewestFirstOfTheProvinceOnly() {
		CasePage page = cases.list(SUPERVISOR, null, null, null, null, 0, 50);
		assertThat(page.total()).isEqualTo(4);
		assertThat(page.items()).extracting(CaseSummary::caseId).startsWith(CLOSED, ON_TIME, OVERDUE);
		assertThat(page.items().get(0).stage()).isEqualTo(Stage.CLOSED);
		assertThat(page.items().get(2).overdue()).isTrue();
	}

	@Test
	void caseListByTheMonthOfVietnamTheCaseWasReceivedIn() {
		assertThat(cases.list(SUPERVISOR, null, null, null, java.time.YearMonth.of(2026, 11), 0, 50).total()).isEqualTo(3);
		assertThat(ids(cases.list(SUPERVISOR, "QNG-2026-000000", null, null, java.time.YearMonth.of(2026, 10), 0, 50)))
			.hasSize(1);
		assertThat(cases.list(SUPERVISOR, null, null, null, java.time.YearMonth.of(2026, 9), 0, 50).total()).isZero();
	}

	@Test
	void caseListPagesInSql() {
		CasePage second = cases.list(SUPERVISOR, null, null, null, null, 1, 2);
		assertThat(second.total()).isEqualTo(4);
		assertThat(second.items()).extracting(CaseSummary::caseId).first().isEqualTo(OVERDUE);
	}

	@Test
	void referenceSearchIsExactOrPrefixInAnyCaseAndTakesNoWildcards() {
		assertThat(cases.list(SUPERVISOR, "qng-2026-000002", null, null, null, 0, 50).items()).extracting(CaseSummary::caseId)
			.containsExactly(ON_TIME);
		assertThat(cases.list(SUPERVISOR, " QNG-2026-00000", null, null, null, 0, 50).total()).isEqualTo(4);
		assertThat(cases.list(SUPERVISOR, "QNG-2026-%", null, null, null, 0, 50).total()).isZero();
		assertThat(cases.list(SUPERVISOR, "GLI", null, null, null, 0, 50).total()).isZero();
	}

	@Test
	void stageAndOverdueFiltersKeepOrLeaveOutTheEnginesCases() {
		assertThat(ids(cases.list(SUPERVISOR, null, Stage.VERIFICATION, null, null, 0, 50))).containsExactly(OVERDUE);
		assertThat(ids(cases.list(SUPERVISOR, null, Stage.CLASSIFICATION, null, null, 0, 50))).containsExactly(ON_TIME);
		assertThat(ids(cases.list(SUPERVISOR, null, Stage.CLOSED, null, null, 0, 50))).hasSize(2).startsWith(CLOSED);
		assertThat(ids(cases.list(SUPERVISOR, null, null, true, null, 0, 50))).containsExactly(OVERDUE);
		assertThat(ids(cases.list(SUPERVISOR, null, null, false, null, 0, 50))).hasSize(3).startsWith(CLOSED, ON_TIME);
		assertThat(ids(cases.list(SUPERVISOR, null, Stage.CLASSIFICATION, true, null, 0, 50))).isEmpty();
		assertThat(ids(cases.list(SUPERVISOR, null, Stage.CLOSED, true, null, 0, 50))).isEmpty();
		assertThat(cases.list(SUPERVISOR, null, Stage.PROTECTION, null, null, 0, 50).total()).isZero();
	}

	static List<UUID> ids(CasePage page) {
		return page.items().stream().map(CaseSummary::caseId).toList();
	}
}
