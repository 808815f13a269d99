package org.loive.reporting;

import org.loive.access.AdministrativeUnits;
import org.loive.access.Agency;
import org.loive.workflow.SupportService;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Tables of a period's facts broken down by one dimension (a row per value) into one or more measures (a column
 * each), read from report_fact, report_case and report_person; duplicates left out, each fact in the province
 * stored on it, a unit (person, report, service referral, task) counted once per cell. A case in several forms of
 * exploitation or recruitment contexts, and a child both under 16 and under 18, count in each of their rows, so
 * those tables have no total row; the others end with one. Dimensions read from a fact's code or detail
 * (service, provider, decline reason, step, risk level, evidence kind) mean something only with the measures whose
 * facts carry them ({@link Reports} pairs them).
 */
@Service
class Breakdowns {

	private static final String UNKNOWN = "";
	private static final String TOTAL = "TOTAL";

	/** What a column counts: facts of a kind in the period (with a condition), and what is counted once. */
	enum Measure {
		REPORTS_RECEIVED("REPORT_RECEIVED", "true", "f.case_id"),
		PERSONS_RECEIVED("PERSON_RECEIVED", "true", Measure.PERSON),
		PERSONS_RESCUED("RESCUED", "f.code = 'RESCUED'", Measure.PERSON),
		VICTIMS_IDENTIFIED("IDENTIFIED", "f.code = 'VICTIM'", Measure.PERSON),
		RISK_ASSESSED("RISK_ASSESSED", "true", Measure.PERSON),
		SERVICES_REFERRED("SERVICE_REFERRED", "true", Measure.SERVICE),
		SERVICES_ACCEPTED("SERVICE_ACCEPTED", "true", Measure.SERVICE),
		SERVICES_DECLINED("SERVICE_DECLINED", "true", "f.id"),
		SERVICES_DELIVERED("SERVICE_DELIVERED", "f.detail = 'DELIVERED'", Measure.SERVICE),
		SERVICES_UNMET("SERVICE_UNMET", "true", Measure.SERVICE),
		PERSONS_REPATRIATED("REPATRIATED", "true", Measure.PERSON),
		TASKS_COMPLETED("TASK_COMPLETED", "true", "f.id"),
		TASKS_LATE("TASK_COMPLETED", "f.occurred_at > f.due_at", "f.id"),
		ESCALATIONS("ESCALATED", "true", "f.id");

		// units as uuid and bigint rather than text: counted distinct alike, sorted faster
		private static final String PERSON = "coalesce(f.person_id, f.case_id)";
		private static final String SERVICE = "coalesce(f.person_id, f.case_id)::text || ':' || f.code";

		final String kind;
		final String condition;
		final String unit;

		Measure(String kind, String condition, String unit) {
			this.kind = kind;
			this.condition = condition;
			this.unit = unit;
		}
	}

	/** What a row is: the SQL of the value (an array for a dimension where a unit has several), how it is labelled. */
	enum Dimension {
		SEX("array[p.sex]", "enum.Sex."),
		AGE_BAND("array[p.age_band]", "enum.AgeBand."),
		/** Under 16 and under 18 (which includes the former), adults apart. */
		AGE_GROUP("""
				case when p.age_band is null then array[null]::text[]
				     when p.age_band in ('0-5', '6-11', '12-15') then array['UNDER_16', 'UNDER_18']
				     when p.age_band = '16-17' then array['UNDER_18'] else array['ADULT'] end""", "breakdown.age-group."),
		ETHNIC_MINORITY("array[p.ethnic_minority::text]", "breakdown.ethnic-minority."),
		NATIONALITY("array[p.nationality]", null),
		SUPPORT_CATEGORY("array[p.support_category]", "breakdown.support-category."),
		EXPLOITATION_FORM("c.exploitation_forms", "enum.ExploitationForm."),
		RECRUITMENT_CONTEXT("c.recruitment_contexts", "enum.RecruitmentContext."),
		TRAFFICKING_SCOPE("array[c.trafficking_scope]", "enum.TraffickingScope."),
		DESTINATION_COUNTRY("array[c.destination_country]", null),
		CHANNEL("array[c.channel]", "enum.Channel."),
		REPORT_KIND("array[c.report_kind]", "enum.ReportKind."),
		RETURN_MODE("array[c.return_mode]", "enum.ReturnMode."),
		INTAKE_PROVINCE("array[c.intake_province]", null),
		PROVINCE("array[c.province]", null),
		/** The commune (area) where the case was when the fact happened. */
		AREA("array[f.area]", null),
		AGENCY("array[f.agency]", "audit.agency."),
		SERVICE("array[f.code]", null),
		/** The provider of a service referred or accepted. */
		PROVIDER("array[f.detail]", "audit.agency."),
		DECLINE_REASON("array[f.detail]", "enum.DeclineReason."),
		STEP("array[f.code]", "task."),
		RISK_LEVEL("array[f.code]", "enum.RiskLevel."),
		EVIDENCE_KIND("string_to_array(f.detail, '+')", "enum.EvidenceKind.");

		final String values;
		final String labels;

		Dimension(String values, String labels) {
			this.values = values;
			this.labels = labels;
		}

		/** Each unit has one value, so the rows add up to a total. */
		boolean additive() {
			return this != AGE_GROUP && this != EXPLOITATION_FORM && this != RECRUITMENT_CONTEXT && this != EVIDENCE_KIND
					&& this != AREA && this != AGENCY && this != PROVIDER && this != DECLINE_REASON && this != STEP
					&& this != RISK_LEVEL && this != SERVICE;
		}

		String key() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

	private final JdbcClient jdbc;
	private final MessageSource messages;
	private final AdministrativeUnits units;

	Breakdowns(JdbcClient jdbc, MessageSource messages, AdministrativeUnits units) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.units = units;
	}

	/** The table of these measures by this dimension for a province (null: the country) and a period. */
	ReportTable table(Dimension dimension, List<Measure> measures, String province, ReportPeriod period, Locale locale) {
		Map<String, long[]> counts = counts(dimension, measures, province, period);
		List<ReportTable.Row> rows = new ArrayList<>();
		counts.entrySet().stream()
			.sorted(Comparator.<Map.Entry<String, long[]>, Boolean>comparing(e -> e.getKey().equals(UNKNOWN))
				.thenComparing(e -> -e.getValue()[0])
				.thenComparing(Map.Entry::getKey))
			.forEach(e -> rows.add(row(e.getKey(), label(dimension, e.getKey(), locale), e.getValue())));
		if (dimension.additive()) {
			long[] total = new long[measures.size()];
			counts.values().forEach(values -> {
				for (int i = 0; i < total.length; i++) {
					total[i] += values[i];
				}
			});
			rows.add(row(TOTAL, messages.getMessage("breakdown.total", null, locale), total));
		}
		List<String> columns = measures.stream()
			.map(measure -> messages.getMessage("breakdown.measure." + measure.name(), null, locale))
			.toList();
		return new ReportTable(dimension.key() + "-" + measures.get(0).name().toLowerCase(Locale.ROOT).replace('_', '-'),
				messages.getMessage("breakdown.table", new Object[] {
						messages.getMessage("breakdown.subject." + measures.get(0).name(), null, locale),
						messages.getMessage("breakdown.dimension." + dimension.name(), null, locale) }, locale),
				columns, rows, false,
				dimension.additive());
	}

	/** One query: each value of the dimension with the count of each measure; a missing value is {@code ""}. */
	private Map<String, long[]> counts(Dimension dimension, List<Measure> measures, String province, ReportPeriod period) {
		String columns = measures.stream()
			.map(m -> "count(distinct case when f.kind = '%s' and %s then %s end)".formatted(m.kind, m.condition, m.unit))
			.collect(Collectors.joining(", "));
		String kinds = measures.stream().map(m -> "'" + m.kind + "'").distinct().collect(Collectors.joining(", "));
		String sql = Indicators.sql("""
				select coalesce(d.code, '') as code, %s
				from report_fact f
				join report_case c on c.case_id = f.case_id and c.duplicate_of is null
				left join report_person p on p.person_id = f.person_id
				cross join lateral unnest(coalesce(nullif(%s::text[], '{}'), array[null]::text[])) as d(code)
				where f.kind in (%s) and f.occurred_on between :from and :to and {province:f}
				group by 1""".formatted(columns, dimension.values, kinds), province);
		Map<String, long[]> counts = new HashMap<>();
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("from", period.from());
		parameters.put("to", period.to());
		parameters.put("province", province);
		jdbc.sql(sql).params(parameters).query((RowCallbackHandler) row -> {
			long[] values = new long[measures.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = row.getLong(i + 2);
			}
			if (Arrays.stream(values).anyMatch(value -> value > 0)) {
				counts.merge(row.getString("code"), values, (a, b) -> a);
			}
		});
		return counts;
	}

	private static ReportTable.Row row(String code, String label, long[] counts) {
		return new ReportTable.Row(code, label, Arrays.stream(counts).boxed().toList());
	}

	/** A value's label in the reader's language: the vocabularies' own labels where they exist. */
	String label(Dimension dimension, String code, Locale locale) {
		if (code.equals(UNKNOWN)) {
			return messages.getMessage("breakdown.unknown", null, locale);
		}
		boolean english = "en".equals(locale.getLanguage());
		return switch (dimension) {
			case NATIONALITY, DESTINATION_COUNTRY -> new Locale("", code).getDisplayCountry(locale);
			case INTAKE_PROVINCE, PROVINCE -> units.province(code)
				.map(unit -> english ? unit.nameEn() : unit.nameVi())
				.orElse(code);
			case SERVICE -> SupportService.ofCode(code)
				.map(service -> code.replace("dd", "đ") + ". " + service.name(locale))
				.orElse(code);
			case AGENCY, PROVIDER -> messages.getMessage(dimension.labels + code, null,
					Agency.ofGroup(code).map(Agency::label).orElse(code), locale);
			case AREA -> code;
			default -> Objects.requireNonNull(messages.getMessage(dimension.labels + code, null, code, locale));
		};
	}
}
