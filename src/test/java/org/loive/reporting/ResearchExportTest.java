package org.loive.reporting;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loive.access.Officer;
import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.loive.support.MigrationDatabase;
import org.mockito.ArgumentCaptor;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * The research export on a generated data set in a real PostgreSQL migrated as in production: 600 victims over
 * three provinces, skewed as the real ones are (mostly Vietnamese women and girls taken to China), with rare
 * persons planted that would stand out on their own (a British man of 60 exploited in Germany, a Nigerian
 * exploited in the United States, a few in a year of their own). Besides them: persons found not to be victims,
 * an accompanying minor never identified, a duplicate case and a person identified twice, none of whom may add a
 * row. The acceptance test: every combination of quasi-identifiers in the export occurs at least k = 11 times.
 */
class ResearchExportTest {

	static final int K = 11;
	static final List<String> QUASI_IDENTIFIERS = List.of("yearOfRegistration", "gender", "ageBroad", "majorityStatus",
			"citizenship", "CountryOfExploitation");
	static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-");
	static final Pattern REFERENCE_LIKE = Pattern.compile("[A-Z]{3}-[0-9]");

	@TempDir
	static Path directory;
	static MigrationDatabase database;
	static FactTable facts;
	static CaseDimensions dimensions;
	static final AtomicInteger keys = new AtomicInteger();
	/** Victims each province should export or suppress, and the references and areas the data set uses. */
	static final Map<String, Integer> victimsByProvince = new HashMap<>();
	static final List<String> references = new ArrayList<>();

	@BeforeAll
	static void dataSet() {
		database = MigrationDatabase.start(directory);
		database.migrate();
		facts = new FactTable(database.jdbc());
		dimensions = new CaseDimensions(database.jdbc());
		Random random = new Random(20261203);
		String[] provinces = { "QNG", "QNG", "QNG", "GLI", "GLI", "LCI" };
		for (int i = 0; i < 600; i++) {
			String province = provinces[random.nextInt(provinces.length)];
			int year = pick(random, new int[] { 2025, 2026 }, new int[] { 45, 55 });
			String sex = random.nextInt(100) < 78 ? "F" : random.nextInt(20) == 0 ? "X" : "M";
			String age = pick(random, new String[] { "12-15", "16-17", "18-24", "25-34", "35-44", "45-59", "6-11" },
					new int[] { 12, 14, 34, 24, 9, 4, 3 });
			String nationality = random.nextInt(100) < 93 ? "VN" : random.nextBoolean() ? "KH" : "LA";
			boolean domestic = random.nextInt(100) < 20;
			String destination = domestic ? null
					: pick(random, new String[] { "CN", "KH", "MY", "LA", "TH" }, new int[] { 60, 18, 9, 8, 5 });
			List<String> forms = pick(random, List.of(List.of("SEXUAL_EXPLOITATION"), List.of("FORCED_MARRIAGE"),
					List.of("FORCED_LABOUR"), List.of("ONLINE_SCAM_CENTRE"), List.of("FORCED_LABOUR", "SEXUAL_EXPLOITATION"),
					List.of("UNKNOWN")), new int[] { 30, 25, 20, 15, 7, 3 });
			victim(province, year, sex, age, nationality, domestic, destination, forms);
		}
		// the rare ones, each alone in some quasi-identifier
		victim("QNG", 2026, "M", "60+", "GB", false, "DE", List.of("FORCED_LABOUR"));
		victim("GLI", 2025, "F", "25-34", "NG", false, "US", List.of("SEXUAL_EXPLOITATION"));
		victim("LCI", 2022, "M", "0-5", "VN", false, "CN", List.of("CHILD_SALE"));
		victim("QNG", 2023, "F", "18-24", "VN", false, "KR", List.of("FORCED_MARRIAGE"));
		victim("QNG", 2026, "M", "45-59", "MM", false, "TH", List.of("FORCED_LABOUR_FISHING"));

		// none of these adds a row
		UUID notVictim = victimCase("QNG", 2026, false, "CN", List.of("FORCED_LABOUR"));
		UUID other = person(notVictim, "VICTIM", "M", "25-34", "VN");
		identified(notVictim, other, "QNG", "NOT_VICTIM");
		UUID minorCase = victimCase("GLI", 2026, false, "CN", List.of("SEXUAL_EXPLOITATION"));
		UUID mother = person(minorCase, "VICTIM", "F", "25-34", "VN");
		identified(minorCase, mother, "GLI", "VICTIM");
		person(minorCase, "ACCOMPANYING_MINOR", "F", "0-5", "VN");
		victimsByProvince.merge("GLI", 1, Integer::sum);
		UUID duplicate = victimCase("QNG", 2026, false, "CN", List.of("SEXUAL_EXPLOITATION"));
		identified(duplicate, person(duplicate, "VICTIM", "F", "18-24", "VN"), "QNG", "VICTIM");
		dimensions.duplicateOf(duplicate, minorCase);
		UUID twice = victimCase("QNG", 2025, false, "CN", List.of("FORCED_MARRIAGE"));
		UUID again = person(twice, "VICTIM", "F", "16-17", "VN");
		identified(twice, again, "QNG", "VICTIM");
		identified(twice, again, "QNG", "VICTIM");
		victimsByProvince.merge("QNG", 1, Integer::sum);
	}

	@AfterAll
	static void stop() {
		database.close();
	}

	@Test
	void everyCombinationOfQuasiIdentifiersOccursAtLeastKTimesCountryWideAndInEachProvince() throws IOException {
		for (String province : new String[] { null, "QNG", "GLI", "LCI" }) {
			ResearchExport.Result result = exporter(K).anonymised(province);
			List<CSVRecord> rows = rows(result);
			Map<List<String>, Integer> classes = new HashMap<>();
			for (CSVRecord row : rows) {
				classes.merge(QUASI_IDENTIFIERS.stream().map(row::get).toList(), 1, Integer::sum);
			}
			assertThat(classes).as("classes of %s", province).isNotEmpty();
			assertThat(classes.values()).as("class sizes of %s", province).allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(K));
			int expected = province == null ? victimsByProvince.values().stream().mapToInt(Integer::intValue).sum()
					: victimsByProvince.get(province);
			assertThat(result.rows()).isEqualTo(rows.size());
			assertThat(result.rows() + result.suppressed()).as("kept and dropped of %s", province).isEqualTo(expected);
			assertThat(result.suppressed()).isLessThanOrEqualTo((int) (expected * KAnonymity.MAX_SUPPRESSED_SHARE));
		}
	}

	@Test
	void rarePersonsAreGeneralisedOrSuppressedNeverWrittenAsTheyAre() throws IOException {
		ResearchExport.Result result = exporter(K).anonymised(null);
		List<CSVRecord> rows = rows(result);

		assertThat(rows).noneMatch(row -> Set.of("GB", "NG", "MM").contains(row.get("citizenship")));
		assertThat(rows).noneMatch(row -> Set.of("DE", "US", "KR").contains(row.get("CountryOfExploitation")));
		assertThat(rows).noneMatch(row -> Set.of("2022", "2023").contains(row.get("yearOfRegistration")));
		assertThat(rows).noneMatch(row -> row.get("ageBroad").equals("60+") && row.get("gender").equals("Male"));
		// what the rare ones had is generalised for all or dropped with them: the levels say which
		assertThat(result.levels()).containsOnlyKeys("yearOfRegistration", "gender", "ageBroad", "citizenship",
				"CountryOfExploitation");
		assertThat(result.levels().values()).anySatisfy(level -> assertThat(level).isPositive());
	}

	@Test
	void theHeaderNamesTheStandardsFieldsAndNoCellHoldsAnIdAReferenceOrAPlace() throws IOException {
		ResearchExport.Result result = exporter(K).anonymised(null);
		byte[] csv = result.export().content();

		assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		assertThat(parser(result).getHeaderNames()).containsExactly("yearOfRegistration", "gender", "ageBroad",
				"majorityStatus", "citizenship", "CountryOfExploitation", "isForcedLabour", "isSexualExploit",
				"isOtherExploit", "isSexAndLabour", "isForcedMarriage", "isOrganRemoval", "typeOfExploitConcatenated",
				"typeOfLabourAquafarming", "typeOfLabourIllicitActivities", "typeOfLabourConcatenated", "isAbduction");
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(UUID_LIKE.matcher(text).find()).isFalse();
		assertThat(REFERENCE_LIKE.matcher(text).find()).isFalse();
		assertThat(references).allSatisfy(reference -> assertThat(text).doesNotContain(reference));
		assertThat(text).doesNotContain("QNG").doesNotContain("GLI").doesNotContain("LCI");
		for (CSVRecord row : rows(result)) {
			assertThat(row.get("yearOfRegistration")).matches("|\\d{4}|\\d{4}-\\d{4}");
			assertThat(row.get("gender")).isIn("", "Female", "Male");
			assertThat(row.get("majorityStatus")).isIn("", "Minor", "Adult");
			for (String flag : List.of("isForcedLabour", "isSexualExploit", "isOtherExploit", "isForcedMarriage", "isAbduction")) {
				assertThat(row.get(flag)).isIn("", "0", "1");
			}
		}
		assertThat(result.export().fileName()).isEqualTo("nghien-cuu-htcds-VN.csv");
	}

	@Test
	void aGroupTooLargeToDropIsGeneralisedAndTheOrderOfTheRowsChangesNothing() {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			rows.add(List.of("2026", "Female", "18--24", "VN", "CN"));
		}
		for (int i = 0; i < 8; i++) {
			rows.add(List.of("2026", "Female", "18--24", "KH", "CN"));
		}
		List<ResearchHierarchy> hierarchies = List.of(ResearchHierarchy.values());

		// 8 of 48 is more than 5%: rather than drop them, citizenship goes as far as it must (KH is alone in its region)
		KAnonymity.Outcome outcome = KAnonymity.anonymise(rows, hierarchies, K);
		assertThat(outcome.levels()).containsExactly(0, 0, 0, 3, 0);
		assertThat(outcome.suppressed()).isZero();
		assertThat(outcome.kept()).hasSize(48).allSatisfy(kept -> assertThat(kept.values().get(3)).isEmpty());

		// one alone among many is dropped rather than generalise every row
		rows.add(List.of("2026", "Male", "60+", "GB", "DE"));
		List<List<String>> shuffled = new ArrayList<>(rows.subList(40, rows.size()));
		shuffled.addAll(rows.subList(0, 40));
		java.util.Collections.shuffle(shuffled, new Random(7));
		for (List<List<String>> input : List.of(rows, shuffled)) {
			KAnonymity.Outcome again = KAnonymity.anonymise(input, hierarchies, K);
			assertThat(again.levels()).containsExactly(0, 0, 0, 3, 0);
			assertThat(again.suppressed()).isEqualTo(1);
			assertThat(again.kept()).noneMatch(kept -> kept.values().contains("Male"));
		}
	}

	@Test
	void fewerThanKVictimsExportNoRow() {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < K - 1; i++) {
			rows.add(List.of("2026", "Female", "18--24", "VN", "CN"));
		}
		KAnonymity.Outcome outcome = KAnonymity.anonymise(rows, List.of(ResearchHierarchy.values()), K);
		assertThat(outcome.kept()).isEmpty();
		assertThat(outcome.suppressed()).isEqualTo(K - 1);
	}

	@Test
	void theSameDataGiveTheSameBytes() {
		assertThat(exporter(K).anonymised("QNG").export().content()).isEqualTo(exporter(K).anonymised("QNG").export().content());
	}

	@Test
	void aLargerKGeneralisesOrSuppressesMore() throws IOException {
		ResearchExport.Result at11 = exporter(K).anonymised(null);
		ResearchExport.Result at50 = exporter(50).anonymised(null);
		Map<List<String>, Integer> classes = new HashMap<>();
		for (CSVRecord row : rows(at50)) {
			classes.merge(QUASI_IDENTIFIERS.stream().map(row::get).toList(), 1, Integer::sum);
		}
		assertThat(classes.values()).allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(50));
		assertThat(classes.size()).isLessThan(distinct(at11));
	}

	@Test
	void aKBelowTwoIsRefused() {
		assertThatThrownBy(() -> exporter(1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("loive.reporting.research-k");
		assertThatThrownBy(() -> KAnonymity.anonymise(List.of(), List.of(ResearchHierarchy.values()), 0))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void eachExportIsOnRecordWithItsScopeAndCountsAndOnlyASupervisorGetsOne() {
		AuditLog audit = mock(AuditLog.class);
		ResearchExport exporter = new ResearchExport(database.jdbc(), audit, K);
		Officer supervisor = new Officer("supervisor.qng", Set.of(Officer.SUPERVISOR), Set.of(), "QNG");

		ResearchExport.Result province = exporter.export(supervisor, ResearchExport.Scope.PROVINCE);
		ResearchExport.Result country = exporter.export(supervisor, ResearchExport.Scope.COUNTRY);

		ArgumentCaptor<AuditEvent> events = ArgumentCaptor.forClass(AuditEvent.class);
		verify(audit, org.mockito.Mockito.times(2)).record(events.capture());
		assertThat(events.getAllValues()).extracting(AuditEvent::action).containsOnly(AuditAction.RESEARCH_EXPORT);
		assertThat(events.getAllValues().get(0).purpose()).startsWith("research:QNG:rows=" + province.rows()
				+ ":suppressed=" + province.suppressed() + ":k=11:levels=");
		assertThat(events.getAllValues().get(1).purpose()).startsWith("research:country:rows=" + country.rows());
		assertThat(events.getAllValues()).allSatisfy(event -> {
			assertThat(event.caseId()).isNull();
			assertThat(event.personId()).isNull();
		});
		Officer caseworker = new Officer("police.qng", Set.of(Officer.CASEWORKER), Set.of("police"), "QNG");
		assertThatThrownBy(() -> exporter.export(caseworker, ResearchExport.Scope.COUNTRY)).isInstanceOf(ApiException.class);
		assertThatThrownBy(() -> exporter.export(caseworker, ResearchExport.Scope.PROVINCE)).isInstanceOf(ApiException.class);
		assertThat(ResearchExport.Scope.parse("country")).isEqualTo(ResearchExport.Scope.COUNTRY);
		assertThat(ResearchExport.Scope.parse(null)).isEqualTo(ResearchExport.Scope.PROVINCE);
		assertThatThrownBy(() -> ResearchExport.Scope.parse("world")).isInstanceOf(ApiException.class);
	}

	@Test
	void theFormsOfExploitationAreTheStandardsFlags() {
		assertThat(ResearchExport.exploitation(List.of("SEXUAL_EXPLOITATION", "FORCED_LABOUR_FISHING"), List.of("ABDUCTION")))
			.containsExactly("1", "1", "0", "1", "0", "0", "Forced labour;Sexual exploitation", "1", "0", "Aquafarming", "1");
		assertThat(ResearchExport.exploitation(List.of("ONLINE_SCAM_CENTRE"), List.of("ONLINE_CONTACT")))
			.containsExactly("1", "0", "0", "0", "0", "0", "Forced labour", "0", "1", "Illicit activities", "0");
		assertThat(ResearchExport.exploitation(List.of("FORCED_MARRIAGE", "SURROGACY"), List.of()))
			.containsExactly("0", "0", "1", "0", "1", "0", "Forced marriage;Other exploitation", "", "", "", "");
		assertThat(ResearchExport.exploitation(List.of("UNKNOWN"), List.of("UNKNOWN"))).allMatch(String::isEmpty);
	}

	@Test
	void theHierarchiesGeneraliseStepByStepToNothing() {
		assertThat(List.of(0, 1, 2).stream().map(level -> ResearchHierarchy.YEAR_OF_REGISTRATION.generalise("2026", level)))
			.containsExactly("2026", "2026-2030", "");
		assertThat(ResearchHierarchy.YEAR_OF_REGISTRATION.generalise("2025", 1)).isEqualTo("2021-2025");
		assertThat(List.of(0, 1, 2, 3).stream().map(level -> ResearchHierarchy.AGE_BROAD.generalise("16--17", level)))
			.containsExactly("16--17", "12--17", "0--17", "");
		assertThat(ResearchHierarchy.AGE_BROAD.generalise("45--59", 1)).isEqualTo("35+");
		assertThat(ResearchHierarchy.majorityStatus("18+")).isEqualTo("Adult");
		assertThat(ResearchHierarchy.majorityStatus("0--17")).isEqualTo("Minor");
		assertThat(List.of(0, 1, 2, 3).stream().map(level -> ResearchHierarchy.CITIZENSHIP.generalise("KH", level)))
			.containsExactly("KH", "South-eastern Asia", "Other", "");
		assertThat(List.of(0, 1, 2, 3).stream().map(level -> ResearchHierarchy.COUNTRY_OF_EXPLOITATION.generalise("VN", level)))
			.containsExactly("VN", "VN", "VN", "");
		assertThat(ResearchHierarchy.CITIZENSHIP.generalise("ZZ", 1)).isEqualTo("Other");
		assertThat(ResearchHierarchy.GENDER.generalise("Female", 1)).isEmpty();
		assertThat(ResearchHierarchy.GENDER.generalise("", 0)).isEmpty();
	}

	private static int distinct(ResearchExport.Result result) throws IOException {
		return (int) rows(result).stream().map(row -> QUASI_IDENTIFIERS.stream().map(row::get).toList()).distinct().count();
	}

	private static ResearchExport exporter(int k) {
		return new ResearchExport(database.jdbc(), mock(AuditLog.class), k);
	}

	private static List<CSVRecord> rows(ResearchExport.Result result) throws IOException {
		try (CSVParser parser = parser(result)) {
			return parser.getRecords();
		}
	}

	private static CSVParser parser(ResearchExport.Result result) throws IOException {
		String text = new String(result.export().content(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(text.substring(1)));
	}

	private static void victim(String province, int year, String sex, String age, String nationality, boolean domestic,
			String destination, List<String> forms) {
		UUID caseId = victimCase(province, year, domestic, destination, forms);
		identified(caseId, person(caseId, "VICTIM", sex, age, nationality), province, "VICTIM");
		victimsByProvince.merge(province, 1, Integer::sum);
	}

	private static UUID victimCase(String province, int year, boolean domestic, String destination, List<String> forms) {
		UUID caseId = UUID.randomUUID();
		int n = keys.incrementAndGet();
		String reference = province + "-" + year + "-" + String.format("%06d", n);
		references.add(reference);
		Instant received = Instant.parse(year + "-03-01T02:00:00Z").plusSeconds(3600L * n);
		dimensions.recordCase(new CaseDimensions.CaseCodes(caseId, reference, "BORDER_GUARD", "PERSON_RETURNED", "BORDER",
				"FOREIGN_AUTHORITY_HANDOVER", domestic ? "DOMESTIC" : "CROSS_BORDER", forms,
				n % 3 == 0 ? List.of("ABDUCTION") : List.of("LABOUR_MIGRATION"), destination, province + "-0" + (n % 7),
				received));
		facts.append(Fact.of(FactKind.REPORT_RECEIVED, caseId, province, received, "R:" + n).area(province + "-0" + (n % 7)));
		return caseId;
	}

	private static UUID person(UUID caseId, String role, String sex, String age, String nationality) {
		UUID personId = UUID.randomUUID();
		dimensions.recordPerson(new CaseDimensions.PersonCodes(personId, caseId, role, sex, age, nationality, false));
		return personId;
	}

	private static void identified(UUID caseId, UUID personId, String province, String code) {
		int n = keys.incrementAndGet();
		facts.append(Fact.of(FactKind.IDENTIFIED, caseId, province, Instant.parse("2026-06-01T02:00:00Z").plusSeconds(n),
				"I:" + n).person(personId).code(code).agency("police"));
	}

	private static <T> T pick(Random random, List<T> values, int[] weights) {
		int total = java.util.Arrays.stream(weights).sum();
		int draw = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			draw -= weights[i];
			if (draw < 0) {
				return values.get(i);
			}
		}
		throw new IllegalStateException();
	}

	private static String pick(Random random, String[] values, int[] weights) {
		return pick(random, List.of(values), weights);
	}

	private static int pick(Random random, int[] values, int[] weights) {
		return pick(random, java.util.Arrays.stream(values).boxed().toList(), weights);
	}
}
