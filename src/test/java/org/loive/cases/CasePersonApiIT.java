package org.loive.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.Api.Reply;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.loive.workflow.ReferralProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpRequest;
import java.text.Normalizer;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Persons of a case through the API: sections, statistics codes, relatives, task details, consents, duplicates. */
class CasePersonApiIT extends IntegrationTest {

	static final Caseworker POLICE = Caseworker.as("police.qng");
	static final Caseworker HEALTH = Caseworker.as("health.qng");
	static final Caseworker COMMUNE = Caseworker.as("commune.qng");

	@Autowired
	JdbcClient jdbc;

	@Test
	void intakeKeepsPersonalDataInTheVaultAndCodesBesideTheCase() {
		String name = unique("Hoàng Thị Xuân");
		JsonNode referral = POLICE.receives(referral(Normalizer.normalize(name, Normalizer.Form.NFD), "2005-06-01", null,
				"0905 111 222"));
		String caseId = referral.get("caseId").asText();
		JsonNode view = POLICE.caseView(caseId);
		String personId = view.get("persons").get(0).get("personId").asText();
		assertThat(view.toString()).doesNotContain("Xuân").doesNotContain("0905");

		Reply read = Api.get(path(caseId, personId) + "?sections=identity,contact,narrative", POLICE.token());
		assertThat(read.status()).as(read.raw().body()).isEqualTo(200);
		assertThat(read.body().at("/data/identity/fullName").asText()).isEqualTo(name)
			.isEqualTo(Normalizer.normalize(name, Normalizer.Form.NFC));
		assertThat(read.body().at("/data/contact/phone").asText()).isEqualTo("0905 111 222");
		assertThat(read.body().at("/data/narrative/statement").asText()).startsWith("Bị lừa sang");
		assertThat(read.body().get("data").has("health")).isFalse();
		assertThat(jdbc.sql("select sex || ' ' || age_band || ' ' || nationality || ' ' || ethnic_minority from case_person where id = ?::uuid")
			.param(personId).query(String.class).single()).isEqualTo("F 18-24 VN true");
		assertThat(jdbc.sql("select array_to_string(exploitation_forms, ',') || ' ' || destination_country from referral_case where id = ?::uuid")
			.param(caseId).query(String.class).single()).isEqualTo("FORCED_CRIMINALITY KH");
		assertThat(Api.get(path(caseId, personId) + "?sections=identity,photos", POLICE.token()).body()
			.get("errors").findValuesAsText("field")).containsExactly("sections");
	}

	@Test
	void readingNeedsTheCasesProvinceWorkOnTheCaseAndTheSectionsOfOnesAgency() {
		String caseId = POLICE.receives(referral(unique("Lý Văn Sơn"), "1999-01-01", null, null)).get("caseId").asText();
		String personId = POLICE.caseView(caseId).get("persons").get(0).get("personId").asText();
		String path = path(caseId, personId) + "?sections=identity";

		for (String outsider : new String[] { "police.gli", "supervisor.qng", "auditor", "admin", "health.qng" }) {
			assertThat(Api.get(path, Api.token(outsider)).status()).as(outsider).isEqualTo(403);
			assertThat(audited(personId, "ACCESS_DENIED", outsider)).as(outsider).isEqualTo(1);
		}
		assertThat(Api.get(path(caseId, UUID.randomUUID().toString()) + "?sections=identity", POLICE.token()).status())
			.isEqualTo(404);
		assertThat(Api.get(path, POLICE.token()).status()).isEqualTo(200);
		assertThat(audited(personId, "PERSON_READ", "police.qng")).isEqualTo(1);
		Reply health = Api.get(path(caseId, personId) + "?sections=identity,health", POLICE.token());
		assertThat(health.status()).isEqualTo(403);
		assertThat(health.body().get("detail").asText()).contains("health").doesNotContain("identity");

		reachInitialVerification(caseId);
		assertThat(Api.get(path(caseId, personId) + "?sections=identity,health", HEALTH.token()).status()).isEqualTo(200);
	}

	@Test
	void aTransferredCaseTakesItsAccessAlong() {
		String caseId = POLICE.receives(referral(unique("Kiều Thị Nga"), "2000-05-05", null, null)).get("caseId").asText();
		String personId = POLICE.caseView(caseId).get("persons").get(0).get("personId").asText();
		String path = path(caseId, personId) + "?sections=identity";
		assertThat(Api.get(path, Api.token("police.gli")).status()).isEqualTo(403);

		assertThat(Api.post("/api/v1/cases/" + caseId + "/transfer", Api.token("supervisor.qng"), "{\"area\":\"GLI\"}")
			.status()).isEqualTo(204);
		assertThat(Api.get(path, Api.token("police.gli")).status()).isEqualTo(200);
		assertThat(Api.get(path, POLICE.token()).status()).isEqualTo(403);
	}

	@Test
	void sectionsAreWrittenOneByOneAndRelativesAdded() {
		String caseId = POLICE.receives(referral(unique("Mai Thị Duyên"), "2001-02-03", null, null)).get("caseId").asText();
		String personId = POLICE.caseView(caseId).get("persons").get(0).get("personId").asText();

		assertThat(put(caseId, personId, "{\"health\":{\"notes\":\"Chấn thương vai trái\"}}", HEALTH).status())
			.as("health has no work on the case yet").isEqualTo(403);
		assertThat(put(caseId, personId, "{\"health\":{\"notes\":\"Chấn thương vai trái\"}}", POLICE).status()).isEqualTo(204);
		assertThat(put(caseId, personId, "{}", POLICE).status()).isEqualTo(400);
		assertThat(put(caseId, personId, "{\"health\":{\"notes\":1}}", POLICE).status()).isEqualTo(400);
		reachInitialVerification(caseId);
		JsonNode data = Api.get(path(caseId, personId) + "?sections=identity,health", HEALTH.token()).body().get("data");
		assertThat(data.at("/health/notes").asText()).isEqualTo("Chấn thương vai trái");
		assertThat(data.at("/identity/fullName").asText()).startsWith("Mai Thị Duyên");

		Reply added = Api.post("/api/v1/cases/" + caseId + "/persons", POLICE.token(), """
				{"role":"RELATIVE","person":{"fullName":"Mai Văn Hải","phone":"0987 654 321","sex":"M"}}""");
		assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
		assertThat(POLICE.caseView(caseId).get("persons").findValuesAsText("role")).containsExactly("IDENTIFYING", "RELATIVE");
		assertThat(Api.post("/api/v1/cases/" + caseId + "/persons", POLICE.token(), """
				{"role":"VICTIM","person":{}}""").status()).isEqualTo(400);
	}

	@Test
	void taskDetailsGoToTheVaultForPersonsOfTheTasksCaseOnly() {
		String caseId = POLICE.receives(referral(unique("Đinh Thị Yến"), "2003-09-09", null, null)).get("caseId").asText();
		String personId = POLICE.caseView(caseId).get("persons").get(0).get("personId").asText();
		String otherCase = POLICE.receives(referral(unique("Đinh Văn Khoa"), "2002-09-09", null, null)).get("caseId").asText();
		String stranger = POLICE.caseView(otherCase).get("persons").get(0).get("personId").asText();
		JsonNode task = POLICE.task(caseId, ReferralProcess.CLASSIFY);
		String decision = "{\"classification\":\"TRAFFICKING_SUSPECTED\",\"rescueNeeded\":false,\"foreignNational\":false}";

		Reply refused = Api.post("/api/v1/tasks/" + task.get("id").asText() + "/complete", POLICE.token(), """
				{"decision":%s,"personalData":[{"personId":"%s","data":{"legal":{"notes":"Khai báo của người lạ"}}}]}"""
			.formatted(decision, stranger));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly("personalData[0].personId");

		Reply done = Api.post("/api/v1/tasks/" + task.get("id").asText() + "/complete", POLICE.token(), """
				{"decision":%s,"personalData":[{"personId":"%s","data":{"legal":{"notes":"Đã trình báo công an xã"}}}]}"""
			.formatted(decision, personId));
		assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
		assertThat(Api.get(path(caseId, personId) + "?sections=legal", POLICE.token()).body().at("/data/legal/notes").asText())
			.isEqualTo("Đã trình báo công an xã");
		assertThat(Api.get(path(otherCase, stranger) + "?sections=legal", POLICE.token()).body().get("data").has("legal"))
			.isFalse();
	}

	@Test
	void consentsAreGrantedListedAndWithdrawnOnceAndOpenWhatTheyShare() {
		String caseId = POLICE.receives(referral(unique("Tạ Thị Hương"), "1998-12-12", null, null)).get("caseId").asText();
		String personId = POLICE.caseView(caseId).get("persons").get(0).get("personId").asText();
		String consents = path(caseId, personId) + "/consents";
		String narrative = path(caseId, personId) + "?sections=narrative";
		reachInitialVerification(caseId);
		assertThat(Api.get(narrative, HEALTH.token()).status()).as("health sees statements with consent only").isEqualTo(403);

		Reply granted = Api.post(consents, HEALTH.token(), """
				{"purpose":"HEALTH_CARE","recipientAgency":"HEALTH","sections":["identity","narrative"]}""");
		assertThat(granted.status()).as(granted.raw().body()).isEqualTo(201);
		assertThat(granted.body().get("grantedBy").asText()).isEqualTo("health.qng");
		assertThat(Api.get(narrative, HEALTH.token()).status()).isEqualTo(200);
		String consentId = granted.body().get("consentId").asText();
		assertThat(jdbc.sql("select purpose from audit_event where person_id = ? and action = 'PERSON_READ' order by seq desc limit 1")
			.param(personId).query(String.class).single()).contains("narrative:consent:" + consentId);
		assertThat(Api.post(consents, HEALTH.token(), """
				{"purpose":"LEGAL_AID","recipientAgency":"LAWYERS","sections":["secrets"]}""").body()
			.get("errors").findValuesAsText("field")).contains("recipientAgency");
		String withdrawal = consents + "/" + consentId + "/withdrawal";
		assertThat(Api.post(withdrawal, HEALTH.token(), null).body().get("withdrawnBy").asText()).isEqualTo("health.qng");
		assertThat(Api.post(withdrawal, HEALTH.token(), null).status()).isEqualTo(409);
		assertThat(Api.get(narrative, HEALTH.token()).status()).isEqualTo(403);
		JsonNode listed = Api.get(consents, POLICE.token()).body();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("active").asBoolean()).isFalse();
	}

	@Test
	void theSamePersonEnteredAgainIsFlaggedWithoutDecryptingAnyone() {
		String name = unique("Nguyễn Thị Hoa");
		String first = POLICE.receives(referral(name, "2004-03-15", null, null)).get("caseId").asText();

		String sameNfd = "  " + Normalizer.normalize(name.toUpperCase(), Normalizer.Form.NFD).replace(" ", "   ") + " ";
		JsonNode again = POLICE.receives(referral(sameNfd, "2004-03-15", null, null));
		assertThat(again.get("flags")).hasSize(1);
		assertThat(again.at("/flags/0/kind").asText()).isEqualTo("LIKELY_DUPLICATE");
		assertThat(again.at("/flags/0/matchedCaseId").asText()).isEqualTo(first);
		assertThat(again.at("/flags/0/matchedOn/0").asText()).isEqualTo("NAME_AND_BIRTH_DATE");
		assertThat(POLICE.caseView(again.get("caseId").asText()).get("flags")).hasSize(1);

		assertThat(POLICE.receives(referral(name, "2004-03-16", null, null)).get("flags")).isEmpty();
	}

	@Test
	void aPersonBackAfterAClosedCaseIsARetraffickingRisk() {
		String idNumber = String.valueOf(100_000_000_000L + (long) (Math.random() * 800_000_000_000L));
		String closed = POLICE.receives(referral(unique("Vi Thị Mỷ"), "2000-01-01", idNumber, null)).get("caseId").asText();
		POLICE.does(closed, ReferralProcess.CLASSIFY, "{\"classification\":\"OTHER_MATTER\",\"referredTo\":\"OTHER\"}");
		assertThat(POLICE.caseView(closed).get("stage").asText()).isEqualTo("CLOSED");

		JsonNode back = POLICE.receives(referral(unique("Vi Thị My"), "2000-02-02",
				idNumber.substring(0, 4) + " " + idNumber.substring(4), null));
		assertThat(back.at("/flags/0/kind").asText()).isEqualTo("RE_TRAFFICKING_RISK");
		assertThat(back.at("/flags/0/matchedCaseId").asText()).isEqualTo(closed);
		assertThat(back.at("/flags/0/matchedOn/0").asText()).isEqualTo("ID_NUMBER");
	}

	private static String unique(String name) {
		return name + " " + Long.toString(System.nanoTime(), 36).replaceAll("\\d", "");
	}

	private static String referral(String name, String birthDate, String idNumber, String phone) {
		return """
				{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false,
				 "exploitationForm":"FORCED_CRIMINALITY","destinationCountry":"KH",
				 "person":{"fullName":"%s","birthDate":"%s","sex":"F","nationality":"VN","ethnicMinority":true%s%s},
				 "narrative":"Bị lừa sang Campuchia làm việc trong khu lừa đảo trực tuyến"}"""
			.formatted(JUST_RECEIVED, name, birthDate, idNumber == null ? "" : ",\"idNumber\":\"" + idNumber + "\"",
					phone == null ? "" : ",\"phone\":\"" + phone + "\"");
	}

	private static String path(String caseId, String personId) {
		return "/api/v1/cases/" + caseId + "/persons/" + personId;
	}

	/** Classification by the police, receipt by the commune: the health department's verification opens. */
	private static void reachInitialVerification(String caseId) {
		POLICE.does(caseId, ReferralProcess.CLASSIFY,
				"{\"classification\":\"TRAFFICKING_SUSPECTED\",\"rescueNeeded\":false,\"foreignNational\":false}");
		COMMUNE.does(caseId, ReferralProcess.RECEIVE_PERSON,
				"{\"healthDepartmentNotified\":true,\"temporaryShelterProvided\":true}");
	}

	private int audited(String personId, String action, String user) {
		return jdbc.sql("select count(*) from audit_event where person_id = ? and action = ? and username = ?")
			.params(personId, action, user)
			.query(Integer.class)
			.single();
	}

	private static Reply put(String caseId, String personId, String body, Caseworker writer) {
		return Api.send(Api.builder(path(caseId, personId), writer.token())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}
}
