package org.loive.workflow;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.loive.platform.Vietnam;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.CaseTimers;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.loive.support.WebSession;
import org.loive.vault.Section;
import org.loive.vault.Vault;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canary test: a whole case with a unique canary string in every personal field, then every table of
 * the database (Camunda's and its byte arrays included) and the application's log output are searched for
 * each canary, plain, NFD, diacritic-folded, base64 and hex. Not one may be found.
 */
@ExtendWith(OutputCaptureExtension.class)
class CanaryIT extends IntegrationTest {

	private static final String RUN = Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT).replaceAll("\\d", "Q");
	private static final Caseworker POLICE = Caseworker.as("police.qng");
	/**
	 * Loggers an operator might turn to DEBUG: ours, Spring's web layer and Tomcat's connector, which would log
	 * request bodies and refused values were it not for the guard of {@code logback-spring.xml}.
	 */
	private static final List<String> DEBUG_LOGGERS = List.of("org.loive", "org.springframework.web",
			"org.springframework.security", "org.apache.coyote", "org.camunda.bpm.engine.cmd");

	private final Map<String, String> canaries = new LinkedHashMap<>();

	@Autowired
	DataSource dataSource;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	Vault vault;

	@Autowired
	ObjectMapper json;

	@Test
	void noPersonalFieldLeavesTheVaultInAnyForm(CapturedOutput output) throws Exception {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
		events.start();
		root.addAppender(events);
		DEBUG_LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
		try {
			String caseId = POLICE.receives(referral()).get("caseId").asText();
			List<String> persons = POLICE.caseView(caseId).get("persons").findValuesAsText("personId");
			Reply relative = Api.post("/api/v1/cases/" + caseId + "/persons", POLICE.token(), """
					{"role":"RELATIVE","person":{"fullName":"%s","idNumber":"%s","phone":"%s","address":"%s"}}"""
				.formatted(canary("relative.fullName", "Mẹ Canary Đoàn Thị Ngọc"), idCanary("relative.idNumber", "RID"),
						phoneCanary("relative.phone", "0966"), canary("relative.address", "Thôn Làng Canary xã Ba Tơ")));
			assertThat(relative.status()).as(relative.raw().body()).isEqualTo(201);
			assertThat(put(caseId, persons.get(0), """
					{"identity":{"fullName":"%s","otherNames":"%s","birthDate":"1911-11-%s","sex":"F","nationality":"VN"}}"""
				.formatted(canaries.get("person.fullName"), canary("person.otherNames", "Bé Canary Út"),
						canaries.get("person.birthDate").substring(8))).status()).isEqualTo(204);
			workUntilDone(caseId, persons.get(0));
			assertThat(POLICE.caseView(caseId).get("stage").asText()).isEqualTo("CLOSED");
			for (String person : persons) {
				assertThat(read(caseId, person, "identity,contact,narrative,legal", POLICE).status()).isEqualTo(200);
				assertThat(read(caseId, person, "identity,contact,health", Caseworker.as("health.qng")).status()).isEqualTo(200);
			}
			assertThat(read(caseId, persons.get(0), "legal", POLICE).body().toString()).contains(canaries.get("legal.notes"));
			assertThat(read(caseId, persons.get(0), "health", Caseworker.as("health.qng")).body().toString())
				.contains(canaries.get("health.notes"));
			rejectedInputStaysOut(caseId, persons.get(0));
		}
		finally {
			DEBUG_LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
			root.detachAppender(events);
		}

		String tables = dumpDatabase();
		assertThat(events.list).as("log events of the run, requests logged at DEBUG among them").hasSizeGreaterThan(100);
		String logs = (output.getAll() + events.list.stream().map(CanaryIT::rendered).collect(Collectors.joining("\n")))
			.toLowerCase(Locale.ROOT);
		for (Map.Entry<String, String> canary : canaries.entrySet()) {
			for (String form : forms(canary.getValue())) {
				assertThat(tables).as("%s found in the database as %s", canary.getKey(), form).doesNotContain(form);
				assertThat(logs).as("%s found in the logs as %s", canary.getKey(), form).doesNotContain(form);
			}
		}
		assertThat(canaries).as("every personal field of intake, relatives, sections, task details and refused input").hasSize(22);
	}

	/**
	 * The web path: canaries typed into the pages' forms (intake with a minor, a task, the sections of a person, a
	 * relative) stay in the vault; an entitled officer's deliberate reveal shows them, and no page of a user who is
	 * not entitled (another province, another agency, the supervisor without break-glass, the auditor) nor any
	 * table or log line holds them, in any encoding.
	 */
	@Test
	void webFormsKeepEveryPersonalFieldInTheVault(CapturedOutput output) throws Exception {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
		events.start();
		root.addAppender(events);
		DEBUG_LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
		List<String> pagesOfOthers = new ArrayList<>();
		try {
			WebSession police = WebSession.logIn(BASE, "police.qng");
			Map<String, String> intake = new LinkedHashMap<>();
			intake.put("channel", "HOTLINE_111");
			intake.put("area", "QNG");
			intake.put("receivedAt", LocalDateTime.now(Vietnam.ZONE).minusMinutes(1).truncatedTo(ChronoUnit.MINUTES).toString());
			intake.put("immediateDanger", "false");
			intake.put("person.fullName", canary("web.person.fullName", "Lê Thị Canary Web Hạnh"));
			intake.put("person.birthDate", "1912-12-" + String.format("%02d", 10 + Math.floorMod(RUN.hashCode(), 18)));
			canaries.put("web.person.birthDate", intake.get("person.birthDate"));
			intake.put("person.sex", "F");
			intake.put("person.nationality", "VN");
			intake.put("person.idNumber", idCanary("web.person.idNumber", "WPID"));
			intake.put("person.phone", phoneCanary("web.person.phone", "0933"));
			intake.put("person.address", canary("web.person.address", "Xóm Canary Web xã Sơn Hà"));
			intake.put("narrative", canary("web.narrative", "Tin báo Canary Web: bị lừa sang Myawaddy"));
			intake.put("accompanyingMinors[0].fullName", canary("web.minor.fullName", "Bé Canary Web Tí"));
			intake.put("accompanyingMinors[0].idNumber", idCanary("web.minor.idNumber", "WMID"));
			intake.put("accompanyingMinors[0].address", canary("web.minor.address", "Điểm trường Canary Web"));
			intake.put("accompanyingMinors[0].sex", "M");
			intake.put("accompanyingMinors[0].ageBand", "6-11");
			var saved = police.post("/referrals", intake);
			assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
			String caseId = saved.headers().firstValue("Location").orElseThrow().replaceAll(".*/cases/([0-9a-f-]{36}).*", "$1");
			JsonNode view = POLICE.caseView(caseId);
			String personId = view.get("persons").get(0).get("personId").asText();
			String classify = view.get("openTasks").get(0).get("taskId").asText();
			assertThat(police.post("/tasks/" + classify, Map.of("classification", "TRAFFICKING_SUSPECTED",
					"rescueNeeded", "false", "foreignNational", "false")).statusCode()).isEqualTo(302);
			var sections = police.post("/cases/" + caseId + "/persons/" + personId + "/sections", Map.of(
					"identity.otherNames", canary("web.identity.otherNames", "Tên Canary Web Khác"),
					"narrative.statement", canary("web.narrative.statement", "Lời khai Canary Web: bị giữ tại Pailin"),
					"legal.notes", canary("web.legal.notes", "Ghi chú pháp lý Canary Web"),
					"health.notes", canary("web.health.notes", "Ghi chú sức khỏe Canary Web")));
			assertThat(sections.statusCode()).as(sections.body()).isEqualTo(302);
			var relative = police.post("/cases/" + caseId + "/persons", Map.of("role", "RELATIVE",
					"person.fullName", canary("web.relative.fullName", "Cha Canary Web Đức"),
					"person.phone", phoneCanary("web.relative.phone", "0944"),
					"person.address", canary("web.relative.address", "Ấp Canary Web Bình Sơn")));
			assertThat(relative.statusCode()).as(relative.body()).isEqualTo(302);

			var revealed = police.post("/cases/" + caseId + "/persons/" + personId + "/reveal",
					Map.of("sections", "identity", "task", ""));
			assertThat(revealed.body()).as("the entitled officer's deliberate reveal").contains(canaries.get("web.person.fullName"));
			assertThat(revealed.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

			WebSession gli = WebSession.logIn(BASE, "police.gli");
			for (String path : List.of("/inbox", "/cases", "/cases/" + caseId, "/cases/" + caseId + "/persons-panel")) {
				pagesOfOthers.add(gli.get(path).body());
			}
			WebSession health = WebSession.logIn(BASE, "health.qng");
			pagesOfOthers.add(health.get("/cases/" + caseId + "/persons-panel").body());
			pagesOfOthers.add(health.post("/cases/" + caseId + "/persons/" + personId + "/reveal",
					Map.of("sections", "identity,narrative", "task", "")).body());
			WebSession supervisor = WebSession.logIn(BASE, "supervisor.qng");
			for (String path : List.of("/dashboard", "/cases", "/cases/" + caseId, "/cases/" + caseId + "/persons-panel")) {
				pagesOfOthers.add(supervisor.get(path).body());
			}
			WebSession auditor = WebSession.logIn(BASE, "auditor");
			for (String path : List.of("/audit?caseId=" + caseId, "/audit/persons/" + personId + "/accesses?officers=true",
					"/audit/reviews")) {
				pagesOfOthers.add(auditor.get(path).body());
			}
		}
		finally {
			DEBUG_LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
			root.detachAppender(events);
		}

		String tables = dumpDatabase();
		String logs = (output.getAll() + events.list.stream().map(CanaryIT::rendered).collect(Collectors.joining("\n")))
			.toLowerCase(Locale.ROOT);
		String pages = String.join("\n", pagesOfOthers).toLowerCase(Locale.ROOT);
		assertThat(pagesOfOthers).hasSize(13).allSatisfy(page -> assertThat(page).contains("Lối Về"));
		for (Map.Entry<String, String> canary : canaries.entrySet()) {
			for (String form : forms(canary.getValue())) {
				assertThat(tables).as("%s found in the database as %s", canary.getKey(), form).doesNotContain(form);
				assertThat(logs).as("%s found in the logs as %s", canary.getKey(), form).doesNotContain(form);
				assertThat(pages).as("%s found on a page of a user not entitled, as %s", canary.getKey(), form)
					.doesNotContain(form);
			}
		}
		assertThat(canaries).as("every personal field of the web forms").hasSize(16);
	}

	/**
	 * The facts the reports count are codes beside the case: the engine holds the one it routes by (the return
	 * mode) and nothing else of them, the vault none, no other table any; a unique residence area and hotline
	 * number stand for them in the search.
	 */
	@Test
	void intakeFactsStayCodesBesideTheCase() throws Exception {
		String residence = "QNG-" + RUN.substring(0, Math.min(10, RUN.length()));
		String hotline = "1800" + String.format("%08d", Math.floorMod(RUN.hashCode(), 100_000_000));
		String caseId = POLICE.receives("""
				{"channel":"OTHER_HOTLINE","hotlineNumber":"%s","reportKind":"PROSECUTION_PETITION","area":"QNG",
				 "receivedAt":"%s","immediateDanger":false,"returnMode":"RESCUED_BY_BORDER_GUARD",
				 "residenceArea":"%s","exploitationForms":["ONLINE_SCAM_CENTRE","FORCED_LABOUR_FISHING"],
				 "recruitmentContexts":["FOREIGN_MARRIAGE","STUDY_ABROAD"],"traffickingScope":"CROSS_BORDER",
				 "person":{"fullName":"%s"}}""".formatted(hotline, JUST_RECEIVED, residence, canary("facts.fullName", "Đinh Thị Canary Sự Kiện")))
			.get("caseId").asText();
		JsonNode view = POLICE.caseView(caseId);
		assertThat(view.get("facts").get("residenceArea").asText()).isEqualTo(residence);
		assertThat(view.get("openTasks").get(0).get("taskKey").asText()).isEqualTo(ReferralProcess.BORDER_RECEPTION);

		Map<String, Object> variables = runtime.getVariables(view.get("processInstanceId").asText());
		assertThat(variables).containsEntry(ReferralVariables.RETURN_MODE, "RESCUED_BY_BORDER_GUARD")
			.doesNotContainKeys("reportKind", "hotlineNumber", "residenceArea", "exploitationForms",
					"recruitmentContexts", "traffickingScope", "destinationCountry");
		UUID person = UUID.fromString(view.get("persons").get(0).get("personId").asText());
		String sections = json.writeValueAsString(vault.read(person, EnumSet.allOf(Section.class)));
		String elsewhere = dumpDatabase(Set.of("\"loive\".\"referral_case\""));
		for (String code : List.of(residence, hotline)) {
			assertThat(elsewhere).as("%s outside referral_case", code).doesNotContain(code.toLowerCase(Locale.ROOT));
		}
		// the list codes are a vocabulary other steps use too (identification confirms the forms of exploitation)
		for (String code : List.of(residence, hotline, "PROSECUTION_PETITION", "ONLINE_SCAM_CENTRE", "FORCED_LABOUR_FISHING",
				"FOREIGN_MARRIAGE", "STUDY_ABROAD")) {
			assertThat(sections).as("%s in the person's sections", code).doesNotContain(code);
		}
		assertThat(sections).contains(canaries.get("facts.fullName"));
	}

	/** Refused input never reaches a log or an error message: a wrong type and a failed pattern. */
	private void rejectedInputStaysOut(String caseId, String personId) {
		Reply wrongType = put(caseId, personId, """
				{"identity":{"fullName":"%s","birthDate":"%s"}}""".formatted(canary("rejected.fullName", "Tên Bị Từ Chối"),
				canary("rejected.birthDate", "Ngày Canary")));
		assertThat(wrongType.status()).isEqualTo(400);
		Reply badPattern = Api.post("/api/v1/referrals", POLICE.token(), """
				{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false,
				 "person":{"phone":"%s"}}""".formatted(JUST_RECEIVED, canary("rejected.phone", "Số Canary")));
		assertThat(badPattern.status()).isEqualTo(400);
		for (Reply reply : List.of(wrongType, badPattern)) {
			assertThat(reply.raw().body()).doesNotContain("Canary", RUN);
		}
	}

	/**
	 * Completes every open task of the case with a decision, personal details going to the vault; when the
	 * case only waits for time (a review, a visit), its timers fire now.
	 */
	private void workUntilDone(String caseId, String personId) {
		for (int round = 0; round < 80; round++) {
			JsonNode view = POLICE.caseView(caseId);
			JsonNode open = view.get("openTasks");
			if (open.isEmpty() && view.get("stage").asText().equals("CLOSED")) {
				return;
			}
			if (open.isEmpty()) {
				CaseTimers.fireAll(runtime, management, caseId);
				continue;
			}
			JsonNode task = open.get(0);
			String key = task.get("taskKey").asText();
			Caseworker worker = StreamSupport.stream(task.get("agencies").spliterator(), false)
				.map(agency -> Caseworker.as(Caseworker.demoUserOf(agency.asText())))
				.filter(Objects::nonNull)
				.findFirst()
				.orElseThrow(() -> new AssertionError("no demo user for " + task));
			Reply reply = Api.post("/api/v1/tasks/" + task.get("taskId").asText() + "/complete", worker.token(), """
					{"decision":%s,"personalData":%s}""".formatted(decision(key), personalData(key, personId)));
			assertThat(reply.status()).as("%s: %s", key, reply.raw().body()).isEqualTo(200);
		}
		throw new AssertionError("the case did not finish in 80 steps");
	}

	private String decision(String taskKey) {
		return switch (taskKey) {
			case ReferralProcess.CLASSIFY -> "{\"classification\":\"TRAFFICKING_SUSPECTED\",\"rescueNeeded\":false,\"foreignNational\":false}";
			case ReferralProcess.RECEIVE_PERSON -> "{\"healthDepartmentNotified\":true,\"temporaryShelterProvided\":true}";
			case ReferralProcess.INITIAL_VERIFICATION -> "{\"documentsExist\":true,\"policeConsulted\":true}";
			case ReferralProcess.PLAN_INTERIM_SUPPORT -> "{\"consentedServices\":[\"g\"]}";
			case ReferralProcess.IDENTIFY -> "{\"victim\":true,\"evidenceKinds\":[\"PERSON_STATEMENT\"],\"confirmationIssued\":true,\"exploitationForms\":[\"SEXUAL_EXPLOITATION\"]}";
			case ReferralProcess.NOTIFY_GUARDIAN -> "{\"notified\":\"PARENTS\"}";
			case ReferralProcess.ASSESS_RISK, ReferralProcess.ASSESS_MINOR_RISK -> """
					{"threatsReceived":true,"traffickersAtLarge":false,"traffickersKnowWhereabouts":false,
					 "relativesThreatened":false,"minor":false,"previouslyTrafficked":false}""";
			case ReferralProcess.PLAN_SUPPORT -> "{\"consentedServices\":[\"a\",\"d\"]}";
			case ReferralProcess.CLOSE -> "{\"outcome\":\"REINTEGRATED\"}";
			case ProtectionProcess.APPLY_PROTECTION -> "{\"protectionRefused\":false,\"measures\":[\"IDENTITY_CONFIDENTIALITY\"]}";
			case ProtectionProcess.REVIEW_PROTECTION -> "{\"stillAtRisk\":false}";
			case ServiceReferralProcess.RESPOND -> "{\"referralAccepted\":true}";
			case ServiceReferralProcess.DELIVER -> "{\"outcome\":\"DELIVERED\"}";
			case ReintegrationProcess.RECEIVE_APPLICATION -> "{\"applicationReceived\":true}";
			case ReintegrationProcess.DECIDE -> "{\"reintegrationApproved\":true}";
			case ReintegrationProcess.FOLLOW_UP_VISIT -> "{\"reTraffickingRisk\":\"LOW\",\"moreVisitsNeeded\":false}";
			default -> throw new AssertionError("no decision for " + taskKey);
		};
	}

	/** The details a step records: the statement at identification, health and legal notes at delivery. */
	private String personalData(String taskKey, String personId) {
		String data = switch (taskKey) {
			case ReferralProcess.IDENTIFY -> "{\"narrative\":{\"statement\":\"%s\"}}"
				.formatted(canary("identify.statement", "Lời khai Canary: bị đưa qua biên giới ở Mộc Bài"));
			case ReferralProcess.ASSESS_RISK -> "{\"contact\":{\"phone\":\"%s\",\"address\":\"%s\"}}"
				.formatted(phoneCanary("risk.phone", "0977"), canary("risk.address", "Nơi ở an toàn Canary phường Nghĩa Lộ"));
			case ServiceReferralProcess.DELIVER -> canaries.containsKey("health.notes")
					? "{\"legal\":{\"notes\":\"%s\"}}".formatted(canary("legal.notes", "Trợ giúp pháp lý Canary vụ án số"))
					: "{\"health\":{\"notes\":\"%s\"}}".formatted(canary("health.notes", "Khám sức khỏe Canary: gãy xương đòn"));
			default -> null;
		};
		return data == null ? "[]" : "[{\"personId\":\"%s\",\"data\":%s}]".formatted(personId, data);
	}

	private String referral() {
		return """
				{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false,
				 "person":{"fullName":"%s","birthDate":"%s","sex":"F","nationality":"VN","idNumber":"%s","phone":"%s",
				           "address":"%s","ethnicMinority":true},
				 "narrative":"%s",
				 "accompanyingMinors":[{"fullName":"%s","birthDate":"2019-05-%s","idNumber":"%s","address":"%s","sex":"M"}]}"""
			.formatted(JUST_RECEIVED, canary("person.fullName", "Nguyễn Thị Canary Hoà"), birthDateCanary("person.birthDate"),
					idCanary("person.idNumber", "PID"), phoneCanary("person.phone", "0988"),
					canary("person.address", "Số 7 đường Canary Quảng Ngãi"),
					canary("narrative", "Tin báo Canary: người bị giữ ở Sihanoukville"),
					canary("minor.fullName", "Trần Văn Canary Bé"), String.valueOf(10 + Math.abs(RUN.hashCode() % 18)),
					idCanary("minor.idNumber", "MID"), canary("minor.address", "Nhà văn hóa Canary thôn Ba"));
	}

	private String canary(String field, String prefix) {
		String value = Normalizer.normalize(prefix + " " + RUN + field.replaceAll("[^a-zA-Z]", "").toUpperCase(Locale.ROOT), Normalizer.Form.NFC);
		canaries.put(field, value);
		return value;
	}

	/** ID numbers of kind OTHER are at most 30 characters: the canary cut to that, still unique by its prefix. */
	private String idCanary(String field, String prefix) {
		String value = canary(field, prefix);
		String cut = value.substring(0, Math.min(30, value.length()));
		canaries.put(field, cut);
		return cut;
	}

	/** Phones are digits: a unique run of them. */
	private String phoneCanary(String field, String prefix) {
		String digits = String.format("%06d", Math.floorMod((RUN + field).hashCode(), 1_000_000));
		canaries.put(field, prefix + digits);
		return prefix + " " + digits.substring(0, 3) + " " + digits.substring(3);
	}

	private String birthDateCanary(String field) {
		String value = "1911-11-" + String.format("%02d", 10 + Math.floorMod(RUN.hashCode(), 18));
		canaries.put(field, value);
		return value;
	}

	/** A log event as any appender could write it: message, arguments, keys and values, stack trace. */
	private static String rendered(ILoggingEvent event) {
		IThrowableProxy thrown = event.getThrowableProxy();
		return event.getLoggerName() + " " + event.getFormattedMessage() + " " + Arrays.toString(event.getArgumentArray())
				+ " " + event.getMDCPropertyMap() + " " + event.getKeyValuePairs()
				+ (thrown == null ? "" : " " + ThrowableProxyUtil.asString(thrown));
	}

	/** Every form a value could leak in. */
	private static Set<String> forms(String value) {
		Set<String> forms = new LinkedHashSet<>();
		for (String text : List.of(value, Normalizer.normalize(value, Normalizer.Form.NFD), folded(value))) {
			forms.add(text.toLowerCase(Locale.ROOT));
			byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
			forms.add(HexFormat.of().formatHex(utf8));
			forms.addAll(base64Cores(utf8));
		}
		return forms;
	}

	private static String folded(String value) {
		return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").replace('đ', 'd').replace('Đ', 'D');
	}

	/** The part of the base64 of a value that does not depend on where it starts in a longer text: three alignments. */
	private static List<String> base64Cores(byte[] value) {
		List<String> cores = new ArrayList<>();
		for (int offset = 0; offset < 3; offset++) {
			byte[] shifted = new byte[offset + value.length];
			System.arraycopy(value, 0, shifted, offset, value.length);
			String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
			int skip = offset == 0 ? 0 : offset + 1;
			cores.add(encoded.substring(skip, encoded.length() - 3).toLowerCase(Locale.ROOT));
		}
		return cores;
	}

	/**
	 * Every row of every table of both schemas, lower-cased: texts as they are, byte arrays both as raw bytes
	 * (Latin-1, so any UTF-8 sequence in them shows) and as hex.
	 */
	private String dumpDatabase() throws SQLException {
		return dumpDatabase(Set.of());
	}

	/** The same, without the tables named (quoted, with their schema). */
	private String dumpDatabase(Set<String> leftOut) throws SQLException {
		StringBuilder dump = new StringBuilder();
		int tables = 0;
		try (Connection connection = dataSource.getConnection();
				ResultSet names = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
			List<String> qualified = new ArrayList<>();
			while (names.next()) {
				String schema = names.getString("TABLE_SCHEM");
				String table = "\"" + schema + "\".\"" + names.getString("TABLE_NAME") + "\"";
				if ((schema.equals("public") || schema.equals("loive")) && !leftOut.contains(table)) {
					qualified.add(table);
				}
			}
			for (String table : qualified) {
				tables++;
				try (ResultSet rows = connection.createStatement().executeQuery("select * from " + table)) {
					ResultSetMetaData columns = rows.getMetaData();
					while (rows.next()) {
						for (int column = 1; column <= columns.getColumnCount(); column++) {
							dump.append(cell(rows, column, columns.getColumnType(column))).append('\n');
						}
					}
				}
			}
		}
		assertThat(tables).as("tables dumped").isGreaterThan(60);
		return dump.toString().toLowerCase(Locale.ROOT);
	}

	private static String cell(ResultSet rows, int column, int type) throws SQLException {
		if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY) {
			byte[] bytes = rows.getBytes(column);
			return bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1) + " " + new String(bytes, StandardCharsets.UTF_8)
					+ " " + HexFormat.of().formatHex(bytes);
		}
		String text = rows.getString(column);
		return text == null ? "" : text;
	}

	private static Reply read(String caseId, String personId, String sections, Caseworker reader) {
		return Api.get("/api/v1/cases/" + caseId + "/persons/" + personId + "?sections=" + sections, reader.token());
	}

	private static Reply put(String caseId, String personId, String body) {
		return Api.send(Api.builder("/api/v1/cases/" + caseId + "/persons/" + personId, POLICE.token())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}
}
