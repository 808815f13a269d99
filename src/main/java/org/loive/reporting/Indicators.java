package org.loive.reporting;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The indicators of DESIGN.md §7 for a province (or the whole country, province null) and a period, read from the
 * reports' model only (report_fact, report_case). docs/indicators.md states each numerator, denominator and
 * counting date; the rules every indicator keeps:
 * <ul>
 * <li>an event counts in the period that holds its own {@code occurred_on} (its day in Vietnam), and in the
 * province stored on the fact (where the case was at that moment, so a case transferred mid-period counts in the
 * old province before the transfer and in the new one after);</li>
 * <li>a person (or a report, a criminal case, a service referral) is counted once per indicator, whatever number
 * of facts it has;</li>
 * <li>facts of a duplicate case ({@code report_case.duplicate_of} set) are left out;</li>
 * <li>criminal-case indicators count criminal cases (their own facts carry the province), so a criminal case
 * linked to several referral cases counts once;</li>
 * <li>"by the period's end" means a fact counted on or before its last day; facts after it are not seen, so a
 * figure of a closed period does not change.</li>
 * </ul>
 * Readings where §7 leaves the definition open: K3, K4, K5 count the criminal cases a stage had to deal with in
 * the period (those that reached the previous milestone by its end and had not passed this one before its start),
 * of which those that passed it by the period's end; the procuracy deals with a case once it is solved (the
 * offenders identified), the court once it is prosecuted. K6 counts victims identified in the period whose every
 * consented service (each one referred) was accepted (variant "delivered": delivered in full) by its end; victims
 * with no service referred (no assessed and consented need) and victims of a case whose consent was withdrawn are
 * counted apart (K6-NO-NEED, K6-WITHDRAWN) and left out of K6. A step without a recorded deadline is not late.
 * Counts (P1, P2, RI1-APPLIED, RP1, T1-ESCALATED) have no denominator (0) and so no share.
 */
@Service
class Indicators {

	/** Report kinds the plans' first targets count: tố giác, tin báo, kiến nghị khởi tố. */
	private static final String REPORT_KINDS = "('DENUNCIATION', 'CRIME_REPORT', 'PROSECUTION_PETITION')";

	/** The plans the targets come from (the seeds), each with a message key naming it. */
	enum Plan {
		/** Seed 000: the Quảng Ngãi plan 2021–2025 (Decision 521/QĐ-UBND of 8 April 2021), as seeds 001 and 004. */
		QNG_521_2021,
		/** Seed 002: the Quảng Nam victim-support plan 2025 (2608/KH-UBND of 3 April 2025). */
		QNM_2608_2025;

		String key() {
			return "indicator.plan." + name();
		}
	}

	/**
	 * How the units of a population are counted: distinct units (persons, reports, cases; grouped), or each row,
	 * already one per unit (a fact, a service's row), with no grouping.
	 */
	enum Unit { DISTINCT, ROW }

	/**
	 * An indicator: its population as SQL returning {@code unit} (what is counted once), {@code case_id} (the case
	 * behind it, null for a criminal case: its linked referral cases are), {@code counted} (in the numerator) and
	 * {@code measure} (a duration whose median the label shows, else null). {@code {province:f}} and {@code {live:f}}
	 * stand for the province and the not-a-duplicate conditions on alias f, {@code {province=s.column}} for the
	 * province in a column of another name.
	 */
	enum Definition {
		K1("K1", new IndicatorValue.Target(BigDecimal.valueOf(100), false), Plan.QNG_521_2021, false, Unit.DISTINCT, """
				select f.case_id as unit, f.case_id, exists (select 1 from report_fact x where x.case_id = f.case_id
				    and x.kind = 'CLASSIFIED' and x.occurred_on <= :to) as counted, null::float8 as measure
				from report_fact f
				where f.kind = 'REPORT_RECEIVED' and f.occurred_on between :from and :to and {province:f} and {live:f}
				  and f.detail in""" + REPORT_KINDS),
		K2("K2", new IndicatorValue.Target(BigDecimal.valueOf(90), true), Plan.QNG_521_2021, false, Unit.DISTINCT,
				received("f.occurred_on between :from and :to") + "\nunion all\n" + received("""
						f.occurred_on < :from and not exists (select 1 from report_fact y where y.case_id = f.case_id
						    and y.kind = 'REPORT_RESOLVED' and y.occurred_on < :from)""")),
		K3("K3", new IndicatorValue.Target(BigDecimal.valueOf(90), true), Plan.QNG_521_2021, true, Unit.DISTINCT,
				criminal("CRIMINAL_INITIATED", "CRIMINAL_SOLVED")),
		K4("K4", new IndicatorValue.Target(BigDecimal.valueOf(95), false), Plan.QNG_521_2021, true, Unit.DISTINCT,
				criminal("CRIMINAL_SOLVED", "CRIMINAL_PROSECUTED")),
		K5("K5", new IndicatorValue.Target(BigDecimal.valueOf(90), false), Plan.QNG_521_2021, true, Unit.DISTINCT,
				criminal("CRIMINAL_PROSECUTED", "CRIMINAL_TRIED")),
		K6("K6", new IndicatorValue.Target(BigDecimal.valueOf(100), false), Plan.QNM_2608_2025, Family.VICTIMS,
				"not withdrawn and needs", "accepted"),
		K6_DELIVERED("K6-DELIVERED", new IndicatorValue.Target(BigDecimal.valueOf(100), false), Plan.QNM_2608_2025,
				Family.VICTIMS, "not withdrawn and needs", "delivered"),
		K6_NO_NEED("K6-NO-NEED", null, null, Family.VICTIMS, "true", "not withdrawn and not needs"),
		K6_WITHDRAWN("K6-WITHDRAWN", null, null, Family.VICTIMS, "true", "withdrawn"),
		R3("R3", null, null, false, Unit.DISTINCT, """
				select f.case_id as unit, f.case_id, %s as counted,
				       date_part('epoch', f.occurred_at - c.received_at) / 3600 as measure
				from report_fact f
				join report_case c on c.case_id = f.case_id and c.duplicate_of is null
				where f.kind = 'CLASSIFIED' and f.occurred_on between :from and :to and {province:f}""".formatted(onTime("f"))),
		P1("P1", null, null, false, Unit.DISTINCT, events("PERSON_RECEIVED", "true", "true")),
		P2("P2", null, null, false, Unit.DISTINCT, events("RESCUED", "f.code = 'RESCUED'", "true")),
		P2_CROSS_BORDER("P2-CROSS-BORDER", null, null, false, Unit.DISTINCT,
				events("RESCUED", "f.code = 'RESCUED'", "f.detail = 'CROSS_BORDER'")),
		P3_INITIAL("P3-INITIAL", null, null, false, Unit.DISTINCT,
				events("VERIFIED", "f.code in ('INITIAL', 'BORDER')", onTime("f"))),
		P3_FURTHER("P3-FURTHER", null, null, false, Unit.DISTINCT, events("VERIFIED", "f.code = 'FURTHER'", onTime("f"))),
		P4("P4", null, null, false, Unit.DISTINCT, events("IDENTIFIED", "true", "f.code = 'VICTIM'")),
		P4_DOCUMENTS("P4-DOCUMENTS", null, null, false, Unit.DISTINCT, events("IDENTIFIED", "f.code = 'VICTIM'", """
				exists (select 1 from report_fact x where x.case_id = f.case_id and x.kind = 'DOCUMENT_ISSUED'
				    and x.person_id is not distinct from f.person_id and x.occurred_on <= :to)""")),
		P5("P5", null, null, false, Unit.DISTINCT, events("GUARDIAN_NOTIFIED", "true", onTime("f"))),
		P6("P6", null, null, false, Unit.DISTINCT, events("FOLLOW_UP_VISIT", "true", "f.code = 'HIGH'")),
		PR1("PR1", null, null, false, Unit.DISTINCT, events("RISK_ASSESSED", "f.code = 'HIGH'", """
				exists (select 1 from report_fact x where x.case_id = f.case_id and x.kind = 'PROTECTION'
				    and x.person_id is not distinct from f.person_id and x.occurred_on = f.occurred_on)""")),
		PR1_APPLIED("PR1-APPLIED", null, null, false, Unit.DISTINCT, events("PROTECTION", "true", "f.code = 'APPLIED'")),
		S2("S2", null, null, false, Unit.ROW, services(Milestone.REFERRED, "accepted_on")),
		S2_DELIVERED("S2-DELIVERED", null, null, false, Unit.ROW, services(Milestone.ACCEPTED, "delivered_on")),
		S2_UNMET("S2-UNMET", null, null, false, Unit.ROW, services(Milestone.REFERRED, "unmet_on")),
		S3("S3", null, null, false, Unit.DISTINCT, acceptances()),
		S3_EXTENDED("S3-EXTENDED", null, null, false, Unit.ROW, facts("SERVICE_EXTENDED", "true", "f.detail = 'GRANTED'")),
		RI1("RI1", null, null, false, Unit.DISTINCT, events("REINTEGRATION_DECIDED", "true", onTime("f"))),
		RI1_APPROVED("RI1-APPROVED", null, null, false, Unit.DISTINCT,
				events("REINTEGRATION_DECIDED", "true", "f.code = 'APPROVED'")),
		RI1_APPLIED("RI1-APPLIED", null, null, false, Unit.DISTINCT, events("REINTEGRATION_APPLIED", "true", "true")),
		RP1("RP1", null, null, false, Unit.DISTINCT, events("REPATRIATED", "true", "true")),
		T1("T1", null, null, false, Unit.ROW, facts("TASK_COMPLETED", "true", onTime("f"))),
		T1_ESCALATED("T1-ESCALATED", null, null, false, Unit.ROW, facts("ESCALATED", "true", "true"));

		final String id;
		final IndicatorValue.Target target;
		final Plan plan;
		final boolean criminal;
		final Unit unit;
		final String population;
		/** The family read with it in one pass, and its population and numerator over the family's columns. */
		final Family family;
		final String included;
		final String counted;

		Definition(String id, IndicatorValue.Target target, Plan plan, boolean criminal, Unit unit, String population) {
			this.id = id;
			this.target = target;
			this.plan = plan;
			this.criminal = criminal;
			this.unit = unit;
			this.population = population;
			this.family = null;
			this.included = null;
			this.counted = null;
		}

		Definition(String id, IndicatorValue.Target target, Plan plan, Family family, String included, String counted) {
			this.id = id;
			this.target = target;
			this.plan = plan;
			this.criminal = false;
			this.unit = Unit.DISTINCT;
			this.population = "select unit, case_id, (%s) as counted, null::float8 as measure from (%s) b where %s"
				.formatted(counted, family.rows, included);
			this.family = family;
			this.included = included;
			this.counted = counted;
		}

		/** A count rather than a share: every unit of the population is in the numerator, there is no denominator. */
		boolean count() {
			return switch (this) {
				case P1, P2, RI1_APPLIED, RP1, T1_ESCALATED -> true;
				default -> false;
			};
		}

		/** Measures a duration whose median the label shows. */
		boolean measured() {
			return this == R3 || this == S3;
		}

		static Optional<Definition> of(String id) {
			return Arrays.stream(values()).filter(definition -> definition.id.equals(id)).findFirst();
		}
	}

	/**
	 * Indicators that count the same units with the same lookups, so a report reads them in one pass: their rows
	 * (unit, case_id, and the columns their populations and numerators are written with).
	 */
	enum Family {
		/**
		 * Persons identified as victims in the period: consent withdrawn by its end, a consented service referred by
		 * then (needs), and whether every service referred by then was accepted (delivered in full) by then: one look
		 * at the victim's services in report_service.
		 */
		VICTIMS("""
				select coalesce(f.person_id, f.case_id) as unit, f.case_id, %s as withdrawn, v.referred > 0 as needs,
				       coalesce(v.accepted, false) as accepted, coalesce(v.delivered, false) as delivered
				from report_fact f
				cross join lateral (select count(*) as referred,
				           bool_and(coalesce(s.accepted_on <= :to, false)) as accepted,
				           bool_and(coalesce(s.delivered_on <= :to, false)) as delivered
				    from report_service s
				    where s.case_id = f.case_id and s.person_key = {person:f} and s.referred_on <= :to) v
				where f.kind = 'IDENTIFIED' and f.occurred_on between :from and :to and {province:f} and {live:f}
				  and f.code = 'VICTIM'""".formatted(withdrawn()));

		final String rows;

		Family(String rows) {
			this.rows = rows;
		}
	}

	/** Which cases behind an indicator: its numerator, its denominator, or those of the denominator not in the numerator. */
	enum Figure { NUMERATOR, DENOMINATOR, SHORTFALL }

	private final JdbcClient jdbc;
	private final MessageSource messages;
	private final ReportReadings readings;

	Indicators(JdbcClient jdbc, MessageSource messages, ReportReadings readings) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.readings = readings;
	}

	/** Every indicator, in the order of §7; a family's in one reading. */
	List<IndicatorValue> all(String province, ReportPeriod period, Locale locale) {
		Map<Object, List<Definition>> readingsOf = new LinkedHashMap<>();
		for (Definition definition : Definition.values()) {
			readingsOf.computeIfAbsent(definition.family == null ? definition : definition.family,
					key -> new ArrayList<>()).add(definition);
		}
		return readings.each(List.copyOf(readingsOf.values()), together -> together.size() == 1
				? List.of(value(together.get(0), province, period, locale))
				: family(together, province, period, locale))
			.stream().flatMap(List::stream).toList();
	}

	IndicatorValue value(Definition definition, String province, ReportPeriod period, Locale locale) {
		return jdbc.sql(reading(definition, province))
			.params(parameters(province, period))
			.query((row, n) -> indicator(definition, row.getLong("numerator"), row.getLong("denominator"),
					row.getObject("median", Double.class), locale))
			.single();
	}

	/** The indicators of one family, its rows grouped once by unit, each member's figures counted from the groups. */
	private List<IndicatorValue> family(List<Definition> members, String province, ReportPeriod period, Locale locale) {
		StringBuilder units = new StringBuilder("select unit");
		StringBuilder counts = new StringBuilder("select null");
		for (int i = 0; i < members.size(); i++) {
			Definition member = members.get(i);
			units.append(", bool_or(%2$s) as in%1$d, bool_or((%2$s) and (%3$s)) as counted%1$d"
				.formatted(i, member.included, member.counted));
			counts.append(", count(*) filter (where counted%1$d) as numerator%1$d, count(*) filter (where in%1$d) as denominator%1$d"
				.formatted(i));
		}
		String query = counts + " from (" + units + " from (" + members.get(0).family.rows + ") b group by unit) u";
		return jdbc.sql(sql(query, province))
			.params(parameters(province, period))
			.query((row, n) -> {
				List<IndicatorValue> values = new ArrayList<>();
				for (int i = 0; i < members.size(); i++) {
					values.add(indicator(members.get(i), row.getLong("numerator" + i), row.getLong("denominator" + i), null,
							locale));
				}
				return values;
			})
			.single();
	}

	private IndicatorValue indicator(Definition definition, long numerator, long denominator, Double median,
			Locale locale) {
		return new IndicatorValue(definition.id, label(definition, median, locale), numerator,
				definition.count() ? 0 : denominator, definition.target,
				definition.plan == null ? null : messages.getMessage(definition.plan.key(), null, locale));
	}

	/**
	 * One pass over the population unless a median is wanted, which needs the population twice (so materialised
	 * once: its units grouped once, its measures sorted once); a unit counts once: grouped (hashed) by unit rather than count(distinct), which sorts every row.
	 */
	private static String reading(Definition definition, String province) {
		String population = sql(definition.population, province);
		if (!definition.measured()) {
			String units = definition.unit == Unit.ROW ? "select counted from (" + population + ") p"
					: "select bool_or(counted) as counted from (" + population + ") p group by unit";
			return "select count(*) filter (where counted) as numerator, count(*) as denominator,"
					+ " null::float8 as median from (" + units + ") u";
		}
		String units = definition.unit == Unit.ROW ? "select counted from p"
				: "select bool_or(counted) as counted from p group by unit";
		return "with p as materialized (" + population + ") select count(*) filter (where counted) as numerator,"
				+ " count(*) as denominator, (select percentile_cont(0.5) within group (order by measure) from p) as median"
				+ " from (" + units + ") u";
	}

	/**
	 * The referral cases behind a figure (for a criminal-case indicator, the referral cases linked to its criminal
	 * cases), duplicates left out. The caller keeps those the viewer may see.
	 */
	List<UUID> cases(Definition definition, String province, ReportPeriod period, Figure figure) {
		String wanted = switch (figure) {
			case NUMERATOR -> "u.counted";
			case DENOMINATOR -> "true";
			case SHORTFALL -> "not u.counted";
		};
		String behind = definition.criminal ? """
				select distinct l.case_id from u join report_fact l on l.kind = 'CRIMINAL_LINKED'
				    and l.criminal_case_id = u.unit::uuid
				where %s and {live:l}""".formatted(wanted)
				: "select distinct p.case_id from p join u using (unit) where %s and p.case_id is not null".formatted(wanted);
		return jdbc.sql(sql("with p as (" + definition.population + "), u as (select unit, bool_or(counted) as counted"
				+ " from p group by unit) " + behind, province))
			.params(parameters(province, period))
			.query(UUID.class)
			.list();
	}

	/** The label in the reader's language, with the median when the indicator measures a duration. */
	private String label(Definition definition, Double median, Locale locale) {
		String key = "indicator." + definition.id;
		if (!definition.measured()) {
			return messages.getMessage(key, null, locale);
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(1);
		return messages.getMessage(key, new Object[] { median == null ? "—" : format.format(median) }, locale);
	}

	private static java.util.Map<String, Object> parameters(String province, ReportPeriod period) {
		java.util.Map<String, Object> parameters = new java.util.HashMap<>();
		parameters.put("from", period.from());
		parameters.put("to", period.to());
		parameters.put("province", province);
		return parameters;
	}

	/**
	 * The SQL with its conditions filled in: the province on the fact or in the column named (none for the country),
	 * not a duplicate, and
	 * the fact's key in report_service (its person, the nil UUID for the case as a whole).
	 */
	static String sql(String template, String province) {
		return template.replaceAll("\\{province:(\\w+)}", province == null ? "true" : "$1.province = :province")
			.replaceAll("\\{province=([\\w.]+)}", province == null ? "true" : "$1 = :province")
			.replaceAll("\\{person:(\\w+)}", "coalesce($1.person_id, '00000000-0000-0000-0000-000000000000'::uuid)")
			.replaceAll("\\{live:(\\w+)}", "not exists (select 1 from report_case d where d.case_id = $1.case_id"
					+ " and d.duplicate_of is not null)");
	}

	private static String criminal(String entry, String exit) {
		return """
				select f.criminal_case_id as unit, null::uuid as case_id, exists (select 1 from report_fact x
				    where x.criminal_case_id = f.criminal_case_id and x.kind = '%2$s' and x.occurred_on <= :to) as counted,
				    null::float8 as measure
				from report_fact f
				where f.kind = '%1$s' and f.occurred_on <= :to and {province:f}
				  and not exists (select 1 from report_fact x where x.criminal_case_id = f.criminal_case_id
				    and x.kind = '%2$s' and x.occurred_on < :from)""".formatted(entry, exit);
	}

	/**
	 * K2's reports of the three kinds received by the period's end, with their resolution by then if any: a left
	 * join the planner may hash rather than a subquery per report (a report resolved twice is still one unit).
	 */
	private static String received(String condition) {
		return """
				select f.case_id as unit, f.case_id, x.case_id is not null as counted, null::float8 as measure
				from report_fact f
				left join report_fact x on x.case_id = f.case_id and x.kind = 'REPORT_RESOLVED' and x.occurred_on <= :to
				where f.kind = 'REPORT_RECEIVED' and {province:f} and {live:f} and f.detail in %s
				  and %s""".formatted(REPORT_KINDS, condition);
	}

	/** Facts of a kind in the period, one unit per person (the case when the fact names none). */
	private static String events(String kind, String condition, String counted) {
		return population("coalesce(f.person_id, f.case_id)", kind, condition, counted);
	}

	/** Facts of a kind in the period, each a unit (a task, a decision). */
	private static String facts(String kind, String condition, String counted) {
		return population("f.id", kind, condition, counted);
	}

	private static String population(String unit, String kind, String condition, String counted) {
		return """
				select %4$s as unit, f.case_id, %3$s as counted, null::float8 as measure
				from report_fact f
				where f.kind = '%1$s' and f.occurred_on between :from and :to and {province:f} and {live:f} and %2$s"""
			.formatted(kind, condition, counted.equals("true") ? "true" : "(" + counted + ")", unit);
	}

	/**
	 * A service's referral or acceptance: its facts' kind and its row's count, first day, first province and last
	 * day.
	 */
	enum Milestone {
		REFERRED("SERVICE_REFERRED", "referrals", "referred_on", "referred_province", "referred_last_on"),
		ACCEPTED("SERVICE_ACCEPTED", "acceptances", "accepted_on", "accepted_province", "accepted_last_on");

		final String kind;
		final String count;
		final String day;
		final String province;
		final String lastDay;

		Milestone(String kind, String count, String day, String province, String lastDay) {
			this.kind = kind;
			this.count = count;
			this.day = day;
			this.province = province;
			this.lastDay = lastDay;
		}
	}

	/**
	 * Services referred (accepted) in the period, one row per service, counted when its first day of {@code outcome}
	 * (accepted, delivered in full, unmet) is by the period's end. A service with one such fact is in the period
	 * when its row's first day is, in the province of that fact; one with several is in it when one of its facts is.
	 */
	private static String services(Milestone milestone, String outcome) {
		return """
				select s.id as unit, s.case_id, coalesce(s.%2$s <= :to, false) as counted, null::float8 as measure
				from report_service s
				where s.%3$s = 1 and s.%4$s between :from and :to and {province=s.%5$s} and {live:s}
				union all
				select s.id, s.case_id, coalesce(s.%2$s <= :to, false), null::float8
				from report_service s
				where s.%3$s > 1 and s.%6$s >= :from and s.%4$s <= :to and {live:s} and exists (select 1 from report_fact f
				    where f.case_id = s.case_id and f.kind = '%1$s' and {person:f} = s.person_key and f.code = s.code
				      and f.occurred_on between :from and :to and {province:f})"""
			.formatted(milestone.kind, outcome, milestone.count, milestone.day, milestone.province, milestone.lastDay);
	}

	/**
	 * S3: acceptances in the period, a unit per service, by the deadline of the provider's response (the acceptance
	 * fact carries it), measured from the service's first referral; a service accepted once from its row, one
	 * accepted more than once from each of its acceptances in the period.
	 */
	private static String acceptances() {
		return """
				select s.id as unit, s.case_id, coalesce(s.accepted_at <= s.accepted_due, true) as counted,
				       date_part('epoch', s.accepted_at - s.referred_at) / 86400 as measure
				from report_service s
				where s.acceptances = 1 and s.accepted_on between :from and :to and {province=s.accepted_province}
				  and {live:s}
				union all
				select s.id, s.case_id, %s, date_part('epoch', f.occurred_at - s.referred_at) / 86400
				from report_service s
				join report_fact f on f.case_id = s.case_id and f.kind = 'SERVICE_ACCEPTED' and {person:f} = s.person_key
				    and f.code = s.code and f.occurred_on between :from and :to and {province:f}
				where s.acceptances > 1 and s.accepted_last_on >= :from and s.accepted_on <= :to and {live:s}"""
			.formatted(onTime("f"));
	}

	private static String withdrawn() {
		return """
				exists (select 1 from report_fact w where w.case_id = f.case_id and w.kind = 'CONSENT_WITHDRAWN'
				    and w.occurred_on <= :to)""";
	}

	private static String onTime(String alias) {
		return "coalesce(%1$s.occurred_at <= %1$s.due_at, true)".formatted(alias);
	}
}
