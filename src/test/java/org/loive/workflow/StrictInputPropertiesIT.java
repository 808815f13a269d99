package org.loive.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.loive.platform.Vietnam;
import org.loive.platform.web.Form;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpRequest;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bodies, as a careless client or an attacker would send them (random JSON shapes, wrong types, huge and
 * odd Unicode strings, duplicate keys, missing fields, valid-looking variants), thrown at intake, the persons API
 * and each task form of a case worked from intake to closure. However wrong a body, the answer is never 5xx, and a
 * refused body stores nothing: no case, no person, no section of the vault, no task completed, no variable.
 */
class StrictInputPropertiesIT extends IntegrationTest {

	private static final Caseworker POLICE = Caseworker.as("police.qng");
	private static final Caseworker HEALTH = Caseworker.as("health.qng");
	private static final Caseworker COMMUNE = Caseworker.as("commune.qng");
	private static final Caseworker LEGAL_AID = Caseworker.as("legalaid.qng");
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	private static final int INTAKE_TRIES = 450;
	private static final int PERSON_TRIES = 525;
	private static final int TASK_TRIES = 40;
	/** Text a field should never choke on: controls, bidi, zero-width, marks alone, emoji, CJK, RTL, markup. */
	private static final List<String> EDGE_TEXTS = List.of("", " ", "   ", "\u0000", "Hoa\u0000", "Ho\u202Ea", "\u2066x\u2069",
			"Ho\u200Ba", "\uFEFFHoa", "\u200E\u200F\u061C", "\u0301\u0303", "Nguyễn\u2060Hoa", "a\r\nb", "\t", "\u0085",
			"\u2028", "😀👨‍👩‍👧", "中文名字", "محمد", "<script>alert(1)</script>", "' or 1=1 --", "${jndi:ldap://x}",
			"%s%n", "\\u0000", "null", "true", "1e400", "-0", "QNG", "VN", "F", "TRAFFICKING_SUSPECTED", "2026-13-45",
			"1899-12-31", "9999-12-31T23:59:59Z", "+1000000000-01-01T00:00:00Z", "-999999999-01-01", "1800-01-01T00:00:00Z",
			"00000000-0000-0000-0000-000000000000", "\uE000", "\uFFFF", "x".repeat(300), "ạ".repeat(25_000));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.MessageSource messages;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	private int requests;

	@Test
	void intakeNeverFailsAndStoresNothingItRefuses() {
		sample(bodies(this::validReferral), INTAKE_TRIES).forEach(body -> {
			String before = stored();
			Reply reply = Api.post("/api/v1/referrals", POLICE.token(), body);
			judge(reply, body, before, 201);
		});
		System.out.printf("strict input: intake %d requests%n", requests);
	}

	@Test
	void personsApiNeverFailsAndStoresNothingItRefuses() {
		String caseId = POLICE.receives(referral()).get("caseId").asText();
		String personId = POLICE.caseView(caseId).get("persons").get(0).get("personId").asText();
		sample(bodies(random -> {
			ObjectNode body = NODES.objectNode();
			body.put("role", random.nextBoolean() ? "RELATIVE" : "ACCOMPANYING_MINOR");
			body.set("person", person(random));
			return body;
		}), PERSON_TRIES).forEach(body -> {
			String before = stored();
			judge(Api.post("/api/v1/cases/" + caseId + "/persons", POLICE.token(), body), body, before, 201);
		});
		sample(bodies(this::personalData), PERSON_TRIES).forEach(body -> {
			String before = stored();
			HttpRequest put = Api.builder("/api/v1/cases/" + caseId + "/persons/" + personId, POLICE.token())
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(body))
				.build();
			judge(Api.send(put), body, before, 204);
		});
		System.out.printf("strict input: persons %d requests%n", requests);
	}

	/**
	 * Each form of the hotline case's chain gets generated decisions, each with one defect at least; then the step
	 * is done with its right decision and the chain goes on to the next form.
	 */
	@Test
	void everyTaskFormOfTheChainNeverFailsAndRefusesWithoutActing() {
		long started = System.nanoTime();
		String caseId = POLICE.receives(referral()).get("caseId").asText();
		String today = LocalDate.now(Vietnam.ZONE).toString();
		List<Object[]> chain = List.of(
				new Object[] { POLICE, ReferralProcess.CLASSIFY, ReferralChainIT.SUSPECTED },
				new Object[] { COMMUNE, ReferralProcess.RECEIVE_PERSON, "{\"healthDepartmentNotified\":true,\"temporaryShelterProvided\":true}" },
				new Object[] { HEALTH, ReferralProcess.PLAN_INTERIM_SUPPORT, "{\"consentedServices\":[]}" },
				new Object[] { HEALTH, ReferralProcess.INITIAL_VERIFICATION, "{\"documentsExist\":true,\"policeConsulted\":true}" },
				new Object[] { POLICE, ReferralProcess.IDENTIFY, ReferralChainIT.VICTIM },
				new Object[] { POLICE, ReferralProcess.ASSESS_RISK, ReferralChainIT.NO_RISK },
				new Object[] { HEALTH, ReferralProcess.PLAN_SUPPORT, "{\"consentedServices\":[\"d\"]}" },
				new Object[] { LEGAL_AID, ServiceReferralProcess.RESPOND, "{\"referralAccepted\":true}" },
				new Object[] { LEGAL_AID, ServiceReferralProcess.DELIVER, "{\"outcome\":\"DELIVERED\"}" },
				new Object[] { COMMUNE, ReintegrationProcess.RECEIVE_APPLICATION,
						"{\"applicationReceived\":true,\"applicationReceivedOn\":\"" + today + "\"}" },
				new Object[] { HEALTH, ReintegrationProcess.DECIDE, "{\"reintegrationApproved\":true}" },
				new Object[] { COMMUNE, ReintegrationProcess.FOLLOW_UP_VISIT, "{\"reTraffickingRisk\":\"LOW\",\"moreVisitsNeeded\":false}" },
				new Object[] { HEALTH, ReferralProcess.CLOSE, "{\"outcome\":\"REINTEGRATED\"}" });
		for (Object[] step : chain) {
			Caseworker officer = (Caseworker) step[0];
			String taskKey = (String) step[1];
			JsonNode task = officer.task(caseId, taskKey);
			String taskId = task.get("id").asText();
			String processInstance = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
			ObjectNode valid = (ObjectNode) read((String) step[2]);
			sample(defective(Form.of(TaskForms.form(taskKey)), valid, caseId), TASK_TRIES).forEach(body -> {
				String before = stored();
				Map<String, Object> variables = runtime.getVariables(processInstance);
				Reply reply = Api.post("/api/v1/tasks/" + taskId + "/complete", officer.token(), body);
				judge(reply, body, before, -1);
				assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("%s still open after %s", taskKey, shown(body))
					.isOne();
				assertThat(runtime.getVariables(processInstance)).as("%s variables after %s", taskKey, shown(body))
					.isEqualTo(variables);
			});
			officer.completes(task, (String) step[2]);
		}
		assertThat(POLICE.caseView(caseId).get("stage").asText()).isEqualTo("CLOSED");
		System.out.printf("strict input: task forms %d requests in %d ms%n", chain.size() * TASK_TRIES,
				(System.nanoTime() - started) / 1_000_000);
	}

	/** The attacks of issue 13 one by one, each refused naming its field, in Vietnamese and in English. */
	@Test
	void theIssuesAttacksAreRefusedFieldByField() {
		String valid = referral().substring(0, referral().length() - 1);
		assertRefused("{\"area\":\"GLI\"," + valid.substring(1) + "}", "area", "problem.field.duplicate");
		assertRefused(valid + ",\"person\":{\"fullName\":\"Hoa\",\"sex\":\"F\",\"fullName\":\"Lan\"}}", "person.fullName",
				"problem.field.duplicate");
		assertRefused(valid + ",\"person\":{\"fullName\":\"   \"}}", "person.fullName", "validation.name-blank");
		assertRefused(valid + ",\"person\":{\"fullName\":\"Hoa\\u0000\"}}", "person.fullName", "validation.text-control");
		assertRefused(valid + ",\"person\":{\"fullName\":\"Ho\u202Ea\"}}", "person.fullName", "validation.text-invisible");
		assertRefused(valid + ",\"person\":{\"birthDate\":\"1800-01-01\"}}", "person.birthDate", "validation.date-too-early");
		assertRefused(valid + ",\"person\":{\"idNumber\":\"<b>1</b>\"}}", "person.idNumber", "validation.id-number-markup");
		assertRefused(valid + ",\"person\":{\"idType\":\"CITIZEN_ID\",\"idNumber\":\"12345\"}}", "person.idNumber",
				"validation.id-number-citizen");
		String caseId = POLICE.receives(valid + ",\"person\":{\"fullName\":\""
				+ Normalizer.normalize("Nguyễn Thị Hoà", Normalizer.Form.NFD) + "\",\"idType\":\"PASSPORT\",\"nationality\":\"VN\","
				+ "\"idNumber\":\"C1234567\"},\"narrative\":\"Dòng một\\nDòng hai\"}").get("caseId").asText();
		JsonNode task = POLICE.task(caseId, ReferralProcess.CLASSIFY);
		Reply twice = POLICE.complete(task, "{\"classification\":\"OTHER_MATTER\",\"classification\":\"DUPLICATE\"}");
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.body().get("errors").get(0).get("field").asText()).isEqualTo("decision.classification");
		String personId = POLICE.caseView(caseId).get("persons").get(0).get("personId").asText();
		JsonNode identity = Api.get("/api/v1/cases/" + caseId + "/persons/" + personId + "?sections=identity", POLICE.token())
			.body().at("/data/identity");
		assertThat(identity.get("fullName").asText()).as("stored composed").isEqualTo("Nguyễn Thị Hoà");
		assertThat(identity.get("idType").asText()).isEqualTo("PASSPORT");
	}

	private void assertRefused(String body, String field, String messageKey) {
		String before = stored();
		Reply vi = Api.post("/api/v1/referrals", POLICE.token(), body);
		assertThat(vi.status()).as(body + " -> " + vi.raw().body()).isEqualTo(400);
		assertThat(vi.body().get("errors").get(0).get("field").asText()).as(vi.raw().body()).isEqualTo(field);
		assertThat(vi.body().get("errors").get(0).get("message").asText()).as(vi.raw().body())
			.isEqualTo(messages.getMessage(messageKey, null, java.util.Locale.forLanguageTag("vi")));
		HttpRequest english = Api.builder("/api/v1/referrals", POLICE.token()).header("Content-Type", "application/json")
			.header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(body)).build();
		assertThat(Api.send(english).body().get("errors").get(0).get("message").asText())
			.isEqualTo(messages.getMessage(messageKey, null, java.util.Locale.ENGLISH))
			.isNotEqualTo(messages.getMessage(messageKey, null, java.util.Locale.forLanguageTag("vi")));
		assertThat(stored()).isEqualTo(before);
	}

	/** Never 5xx; a refusal (or, for the task forms, any answer: each body has a defect) leaves the tables as they were. */
	private void judge(Reply reply, String body, String before, int created) {
		requests++;
		assertThat(reply.status()).as("%s -> %s", shown(body), reply.raw().body()).isLessThan(500);
		if (reply.status() != created) {
			assertThat(reply.status()).as("%s -> %s", shown(body), reply.raw().body()).isBetween(400, 499);
			assertThat(stored()).as("stored nothing for %s", shown(body)).isEqualTo(before);
			if (reply.status() == 400) {
				assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
			}
		}
	}

	/** Every row a request could have written: cases, persons, vault persons and sections, consents, flags. */
	private String stored() {
		return jdbc.sql("""
				select (select count(*) from referral_case) || '/' || (select count(*) from case_person) || '/'
				 || (select count(*) from vault_person) || '/' || (select count(*) from vault_section) || '/'
				 || (select count(*) from case_flag)""").query(String.class).single();
	}

	// generators

	/** Bodies built from a valid one by one mutation at random, or left valid-looking. */
	private static Arbitrary<String> bodies(Function<Random, ObjectNode> valid) {
		return Combinators.combine(Arbitraries.integers().between(0, 13), Arbitraries.randoms(), edgeText())
			.as((mutation, random, text) -> mutate(valid.apply(random), mutation, random, text));
	}

	/** Decisions with one defect each: a missing required answer, a wrong type, an unknown or duplicated key, odd text. */
	private static Arbitrary<String> defective(Form form, ObjectNode valid, String caseId) {
		List<String> required = form.fields().stream().filter(Form.Field::required).map(Form.Field::name).toList();
		return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.randoms(), edgeText())
			.as((defect, random, text) -> {
				ObjectNode decision = valid.deepCopy();
				String field = form.fields().get(random.nextInt(form.fields().size())).name();
				String wrapped;
				switch (defect) {
					case 0 -> decision.set(field, wrongTyped(form.field(field).orElseThrow(), random, text));
					case 1 -> decision.put("x" + random.nextInt(1000) + text.hashCode(), text);
					case 2 -> {
						if (!required.isEmpty()) {
							decision.remove(required.get(random.nextInt(required.size())));
						}
						else {
							decision.set("unknown", NODES.textNode(text));
						}
					}
					default -> { }
				}
				wrapped = "{\"decision\":" + decision + personalData(random, caseId) + "}";
				return switch (defect) {
					case 3 -> "{\"decision\":" + duplicated(decision.toString(), decision, random) + "}";
					case 4 -> "{\"decision\":" + randomJson(random, 3, text) + "}";
					case 5 -> "{\"decision\":" + decision + ",\"decision\":" + decision + "}";
					case 6 -> wrapped.substring(0, 1 + random.nextInt(wrapped.length() - 1));
					default -> wrapped;
				};
			});
	}

	/** A value certainly not of the field's kind. */
	private static JsonNode wrongTyped(Form.Field field, Random random, String text) {
		return switch (field.kind()) {
			case YES_NO, CONFIRM, NUMBER -> random.nextBoolean() ? NODES.textNode(text) : NODES.arrayNode().add(1);
			case CHOICE -> field.constants().isEmpty() ? NODES.objectNode() : NODES.textNode(text + "\u202E");
			case CHOICES -> random.nextBoolean() ? NODES.textNode("\u0000") : NODES.arrayNode().add(NODES.objectNode());
			case DATE -> NODES.textNode(random.nextBoolean() ? "1899-12-31" : LocalDate.now(Vietnam.ZONE).plusDays(2).toString());
			default -> NODES.objectNode().put("a", text);
		};
	}

	/** Now and then personal details beside a decision: they must not be written when the decision is refused. */
	private static String personalData(Random random, String caseId) {
		return random.nextInt(3) != 0 ? "" : ",\"personalData\":[{\"personId\":\"" + caseId
				+ "\",\"data\":{\"narrative\":{\"statement\":\"Lời kể mới\"}}}]";
	}

	private static String mutate(ObjectNode valid, int mutation, Random random, String text) {
		List<String> fields = new ArrayList<>();
		valid.fieldNames().forEachRemaining(fields::add);
		String field = fields.get(random.nextInt(fields.size()));
		switch (mutation) {
			case 0 -> valid.remove(field);
			case 1 -> valid.set(field, randomJson(random, 2, text));
			case 2 -> valid.put(field, text);
			case 3 -> valid.put("unexpected" + random.nextInt(9), text);
			case 4 -> {
				return duplicated(valid.toString(), valid, random);
			}
			case 5 -> {
				return randomJson(random, 4, text).toString();
			}
			case 6 -> {
				String body = valid.toString();
				return body.substring(0, random.nextInt(body.length()));
			}
			case 7 -> {
				// a lone surrogate or a NUL as JSON escapes, which no Java string literal sends as they are
				String body = valid.toString();
				int quote = body.indexOf(":\"");
				return quote < 0 ? body : body.substring(0, quote + 2) + (random.nextBoolean() ? "\\ud800" : "\\u0000")
						+ body.substring(quote + 2);
			}
			case 8 -> nested(valid, random, text);
			case 9 -> {
				return "[".repeat(1 + random.nextInt(3000)) + "]".repeat(random.nextInt(2));
			}
			default -> {
				// valid-looking: decomposed Vietnamese, or as generated
				return random.nextBoolean() ? Normalizer.normalize(valid.toString(), Normalizer.Form.NFD) : valid.toString();
			}
		}
		return valid.toString();
	}

	/** The odd text put into a field of a nested person. */
	private static void nested(ObjectNode valid, Random random, String text) {
		JsonNode person = valid.get("person");
		if (person instanceof ObjectNode object) {
			List<String> fields = List.of("fullName", "birthDate", "idNumber", "idType", "address", "phone", "nationality");
			object.put(fields.get(random.nextInt(fields.size())), text);
		}
		else if (valid.get("identity") instanceof ObjectNode identity) {
			identity.put(random.nextBoolean() ? "fullName" : "idNumber", text);
		}
		else {
			valid.put("narrative", text);
		}
	}

	/** The body with one of its keys given a second time, first, with another value. */
	private static String duplicated(String body, ObjectNode object, Random random) {
		List<String> fields = new ArrayList<>();
		object.fieldNames().forEachRemaining(fields::add);
		if (fields.isEmpty()) {
			return "{\"a\":1,\"a\":2}";
		}
		String field = fields.get(random.nextInt(fields.size()));
		return "{\"" + field + "\":" + object.get(field) + "," + body.substring(1);
	}

	private static JsonNode randomJson(Random random, int depth, String text) {
		int kind = random.nextInt(depth <= 0 ? 5 : 7);
		return switch (kind) {
			case 0 -> NODES.nullNode();
			case 1 -> NODES.booleanNode(random.nextBoolean());
			case 2 -> random.nextBoolean() ? NODES.numberNode(random.nextLong()) : NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(400))));
			case 3 -> NODES.numberNode(random.nextDouble() * 1e300);
			case 4 -> NODES.textNode(text);
			case 5 -> {
				ArrayNode array = NODES.arrayNode();
				for (int i = random.nextInt(4); i > 0; i--) {
					array.add(randomJson(random, depth - 1, text));
				}
				yield array;
			}
			default -> {
				ObjectNode object = NODES.objectNode();
				for (int i = random.nextInt(4); i > 0; i--) {
					object.set(EDGE_TEXTS.get(random.nextInt(EDGE_TEXTS.size() - 1)) + i, randomJson(random, depth - 1, text));
				}
				yield object;
			}
		};
	}

	/** Odd text: from the list of edge cases, or any Unicode string jqwik makes (surrogates and noncharacters too). */
	private static Arbitrary<String> edgeText() {
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of(EDGE_TEXTS)),
				net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)));
	}

	private ObjectNode validReferral(Random random) {
		ObjectNode body = (ObjectNode) read(referral());
		body.set("person", person(random));
		body.put("narrative", random.nextBoolean() ? "Bị lừa sang biên giới.\nĐã trốn về." : "Tin báo qua tổng đài");
		if (random.nextBoolean()) {
			body.set("accompanyingMinors", NODES.arrayNode().add(NODES.objectNode().put("sex", "F").put("ageBand", "6-11")));
		}
		return body;
	}

	private static ObjectNode person(Random random) {
		ObjectNode person = NODES.objectNode().put("fullName", random.nextBoolean() ? "Nguyễn Thị Hoa" : "Y Bơ Niê")
			.put("birthDate", "2004-03-15").put("sex", "F").put("nationality", "VN");
		switch (random.nextInt(4)) {
			case 0 -> person.put("idType", "CITIZEN_ID").put("idNumber", "051204000123");
			case 1 -> person.put("idType", "PASSPORT").put("idNumber", "C1234567");
			case 2 -> person.put("idType", "OTHER").put("idNumber", "GKS 45/2004");
			default -> { }
		}
		return person;
	}

	private ObjectNode personalData(Random random) {
		ObjectNode identity = person(random);
		identity.remove("nationality");
		identity.put("nationality", "VN");
		ObjectNode body = NODES.objectNode();
		body.set("identity", identity);
		if (random.nextBoolean()) {
			body.set("narrative", NODES.objectNode().put("statement", "Dòng một\nDòng hai"));
		}
		if (random.nextBoolean()) {
			body.set("contact", NODES.objectNode().put("phone", "0912 345 678").put("address", "Thôn Một, xã Tịnh Sơn"));
		}
		return body;
	}

	private static String referral() {
		return "{\"channel\":\"HOTLINE_111\",\"area\":\"QNG\",\"receivedAt\":\"" + JUST_RECEIVED + "\",\"immediateDanger\":false}";
	}

	private static List<String> sample(Arbitrary<String> bodies, int count) {
		return bodies.sampleStream().limit(count).toList();
	}

	private static JsonNode read(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static String shown(String body) {
		return body.length() > 300 ? body.substring(0, 300) + "… (" + body.length() + " chars)" : body;
	}
}
