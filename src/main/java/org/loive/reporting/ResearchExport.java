package org.loive.reporting;

import org.loive.access.Officer;
import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.platform.ApiException;
import org.loive.platform.Vietnam;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The anonymised research export: one row per person identified as a victim (duplicates left out), with the
 * field names of the CTDC global dataset (IOM's Human Trafficking Case Data Standard, as published for research),
 * k-anonymous over the quasi-identifiers of {@link ResearchHierarchy} by {@link KAnonymity}. Codes only, and only
 * those a victim case data standard has: no reference, id, commune, agency or date finer than the year. The rows
 * are sorted by their values, so nothing of the order in which cases came in is left. Every export is on the
 * audit trail with its scope and how many rows it kept and dropped.
 */
@Service
class ResearchExport {

	/** Whose victims: the supervisor's province, or every province. */
	enum Scope {
		PROVINCE, COUNTRY;

		/** {@code province} or {@code country}, any case; none means the province; 400 otherwise. */
		static Scope parse(String value) {
			if (value == null || value.isBlank()) {
				return PROVINCE;
			}
			return Arrays.stream(values()).filter(scope -> scope.name().equalsIgnoreCase(value.strip())).findFirst()
				.orElseThrow(() -> ApiException.badRequest("report.research.scope"));
		}
	}

	/** The export and what the anonymisation did: rows kept, rows dropped, the level of each hierarchy. */
	record Result(ReportViews.Export export, int rows, int suppressed, int k, Map<String, Integer> levels) {
	}

	/** Columns after the quasi-identifiers (and majorityStatus, which follows ageBroad): the forms of exploitation. */
	static final List<String> EXPLOITATION_COLUMNS = List.of("isForcedLabour", "isSexualExploit", "isOtherExploit",
			"isSexAndLabour", "isForcedMarriage", "isOrganRemoval", "typeOfExploitConcatenated", "typeOfLabourAquafarming",
			"typeOfLabourIllicitActivities", "typeOfLabourConcatenated", "isAbduction");

	/** The header: the quasi-identifiers, majorityStatus after ageBroad, then the rest. */
	static final List<String> COLUMNS = header();

	private static final Set<String> FORCED_LABOUR = Set.of("FORCED_LABOUR", "FORCED_LABOUR_FISHING", "ONLINE_SCAM_CENTRE",
			"FORCED_CRIMINALITY");
	/** Fishing is the standard's aquafarming sector; a scam centre or forced crime its illicit activities. */
	private static final Set<String> AQUAFARMING = Set.of("FORCED_LABOUR_FISHING");
	private static final Set<String> ILLICIT = Set.of("ONLINE_SCAM_CENTRE", "FORCED_CRIMINALITY");
	private static final Set<String> OTHER_EXPLOITATION = Set.of("SURROGACY", "CHILD_SALE", "OTHER");
	private static final String UNKNOWN = "UNKNOWN";

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final int k;

	ResearchExport(JdbcClient jdbc, AuditLog audit, @Value("${loive.reporting.research-k:11}") int k) {
		if (k < 2) {
			// at 1 every row is its own class: nothing would be anonymous
			throw new IllegalArgumentException("loive.reporting.research-k must be at least 2");
		}
		this.jdbc = jdbc;
		this.audit = audit;
		this.k = k;
	}

	int k() {
		return k;
	}

	/** The export of the officer's province or of the country, for a supervisor; on record. */
	@Transactional
	Result export(Officer officer, Scope scope) {
		String province = scope == Scope.PROVINCE ? ReportViews.province(officer) : null;
		if (!officer.hasRole(Officer.SUPERVISOR)) {
			throw ApiException.forbidden("report.supervisors-only");
		}
		Result result = anonymised(province);
		audit.record(AuditEvent.of(AuditAction.RESEARCH_EXPORT, officer.actor())
			.purpose("research:" + (province == null ? "country" : province) + ":rows=" + result.rows() + ":suppressed="
					+ result.suppressed() + ":k=" + k + ":levels=" + result.levels().values().stream()
						.map(String::valueOf).collect(Collectors.joining(","))));
		return result;
	}

	/** The victims of a province (null: the country), anonymised, as CSV. */
	Result anonymised(String province) {
		List<Victim> victims = victims(province);
		List<ResearchHierarchy> hierarchies = List.of(ResearchHierarchy.values());
		KAnonymity.Outcome outcome = KAnonymity.anonymise(victims.stream().map(Victim::quasiIdentifiers).toList(),
				hierarchies, k);
		List<List<String>> records = new ArrayList<>();
		for (KAnonymity.Kept kept : outcome.kept()) {
			records.add(record(kept.values(), victims.get(kept.row())));
		}
		records.sort(ResearchExport::compare);
		records.add(0, COLUMNS);
		Map<String, Integer> levels = new LinkedHashMap<>();
		for (int q = 0; q < hierarchies.size(); q++) {
			levels.put(hierarchies.get(q).column, outcome.levels()[q]);
		}
		String name = "nghien-cuu-htcds-" + (province == null ? "VN" : province) + ".csv";
		return new Result(new ReportViews.Export(CsvReport.write(records), "text/csv;charset=UTF-8", name),
				outcome.kept().size(), outcome.suppressed(), k, levels);
	}

	/** A person identified as a victim: the codes the export reads, as held. */
	record Victim(int year, String sex, String ageBand, String nationality, String scope, String destination,
			List<String> forms, List<String> contexts) {

		/** In the order of {@link ResearchHierarchy}; empty for not recorded. */
		List<String> quasiIdentifiers() {
			String gender = "F".equals(sex) ? "Female" : "M".equals(sex) ? "Male" : "";
			String exploitation = destination != null ? destination : "DOMESTIC".equals(scope) ? ResearchHierarchy.VIET_NAM : "";
			return List.of(Integer.toString(year), gender,
					ResearchHierarchy.AGE_BANDS.getOrDefault(ageBand == null ? "" : ageBand, ""), country(nationality),
					country(exploitation));
		}

		private static String country(String code) {
			return code != null && code.matches("[A-Z]{2}") ? code : "";
		}
	}

	/** One person once, whatever the number of decisions; the fact's province is where they were identified. */
	private List<Victim> victims(String province) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("province", province);
		return jdbc.sql(Indicators.sql("""
				select distinct on (coalesce(f.person_id, f.case_id)) c.received_at, p.sex, p.age_band, p.nationality,
				       c.trafficking_scope, c.destination_country, c.exploitation_forms, c.recruitment_contexts
				from report_fact f
				join report_case c on c.case_id = f.case_id and c.duplicate_of is null
				left join report_person p on p.person_id = f.person_id
				where f.kind = 'IDENTIFIED' and f.code = 'VICTIM' and {province:f}
				order by coalesce(f.person_id, f.case_id), f.occurred_at""", province))
			.params(parameters)
			.query((row, n) -> new Victim(row.getTimestamp("received_at").toInstant().atZone(Vietnam.ZONE).getYear(),
					row.getString("sex"), row.getString("age_band"), row.getString("nationality"),
					row.getString("trafficking_scope"), row.getString("destination_country"),
					codes(row.getArray("exploitation_forms")), codes(row.getArray("recruitment_contexts"))))
			.list();
	}

	/** The quasi-identifiers as generalised, majorityStatus after ageBroad, then the forms of exploitation. */
	private static List<String> record(List<String> quasiIdentifiers, Victim victim) {
		List<String> record = new ArrayList<>(quasiIdentifiers);
		int age = ResearchHierarchy.AGE_BROAD.ordinal();
		record.add(age + 1, ResearchHierarchy.majorityStatus(quasiIdentifiers.get(age)));
		record.addAll(exploitation(victim.forms(), victim.contexts()));
		return record;
	}

	/** The flags as the CTDC writes them (1 or 0), all empty when no form is known. */
	static List<String> exploitation(List<String> forms, List<String> contexts) {
		List<String> known = forms.stream().filter(form -> !form.equals(UNKNOWN)).toList();
		boolean labour = known.stream().anyMatch(FORCED_LABOUR::contains);
		boolean sexual = known.contains("SEXUAL_EXPLOITATION");
		boolean other = known.stream().anyMatch(OTHER_EXPLOITATION::contains);
		boolean marriage = known.contains("FORCED_MARRIAGE");
		boolean organs = known.contains("ORGAN_REMOVAL");
		boolean aquafarming = known.stream().anyMatch(AQUAFARMING::contains);
		boolean illicit = known.stream().anyMatch(ILLICIT::contains);
		List<String> types = new ArrayList<>();
		addIf(types, labour, "Forced labour");
		addIf(types, sexual, "Sexual exploitation");
		addIf(types, marriage, "Forced marriage");
		addIf(types, organs, "Organ removal");
		addIf(types, other, "Other exploitation");
		List<String> sectors = new ArrayList<>();
		addIf(sectors, aquafarming, "Aquafarming");
		addIf(sectors, illicit, "Illicit activities");
		List<String> knownContexts = contexts.stream().filter(context -> !context.equals(UNKNOWN)).toList();
		String abduction = knownContexts.isEmpty() ? "" : flag(knownContexts.contains("ABDUCTION"));
		if (known.isEmpty()) {
			return List.of("", "", "", "", "", "", "", "", "", "", abduction);
		}
		return List.of(flag(labour), flag(sexual), flag(other), flag(sexual && labour), flag(marriage), flag(organs),
				String.join(";", types), labour ? flag(aquafarming) : "", labour ? flag(illicit) : "",
				String.join(";", sectors), abduction);
	}

	private static void addIf(List<String> values, boolean condition, String value) {
		if (condition) {
			values.add(value);
		}
	}

	private static String flag(boolean value) {
		return value ? "1" : "0";
	}

	private static List<String> codes(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	private static int compare(List<String> a, List<String> b) {
		for (int i = 0; i < a.size(); i++) {
			int order = a.get(i).compareTo(b.get(i));
			if (order != 0) {
				return order;
			}
		}
		return 0;
	}

	private static List<String> header() {
		List<String> columns = Arrays.stream(ResearchHierarchy.values()).map(h -> h.column)
			.collect(Collectors.toCollection(ArrayList::new));
		columns.add(ResearchHierarchy.AGE_BROAD.ordinal() + 1, "majorityStatus");
		columns.addAll(EXPLOITATION_COLUMNS);
		return List.copyOf(columns);
	}
}
