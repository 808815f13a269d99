package org.loive.reporting;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loive.access.AdministrativeUnits;
import org.loive.support.MigrationDatabase;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports' benchmark, not a test: run on purpose, figures written to {@code target/benchmarks/reporting.md}
 * and copied by hand into {@code docs/benchmarks.md}.
 * <pre>
 * ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReportingBenchmark \
 *     -Dbenchmark.cases=1000000
 * </pre>
 * It fills the reports' read model of a PostgreSQL migrated as in production with {@code benchmark.cases} generated
 * cases received over 2022–2026 in the 34 provinces of the shipped list (written with COPY, the indexes built
 * after), each with the facts the chain records for it, then times {@link Indicators#all} and {@link Reports#report}
 * (every indicator and every standard table) for a province and the whole country over a year, and a province's
 * month, with the sizes of the three tables. To iterate on queries, {@code -Dbenchmark.data=/tmp/bench-db} keeps the
 * filled database there for the next run, {@code -Dbenchmark.runs=0} only fills it, {@code -Dbenchmark.hold=600}
 * keeps it up after the run for {@code psql} and {@code EXPLAIN (ANALYZE, BUFFERS)}.
 */
class ReportingBenchmark {

	private static final int CASES = Integer.getInteger("benchmark.cases", 1_000_000);
	private static final int RUNS = Integer.getInteger("benchmark.runs", 5);
	/** Runs of the whole country's readings, which take longest. */
	private static final int COUNTRY_RUNS = Integer.getInteger("benchmark.country-runs", RUNS);
	private static final int BATCH = 20_000;
	/** Seconds to keep the database up after the run, to look at plans by hand (its port is printed). */
	private static final int HOLD = Integer.getInteger("benchmark.hold", 0);
	/** Readings of a report at once, as loive.reporting.parallel-readings (its default: 2). */
	private static final int PARALLEL = Integer.getInteger("benchmark.parallel-readings", 2);
	/**
	 * A directory to keep the filled database in between runs (to iterate on queries): filled only when it does
	 * not already hold {@code benchmark.cases} cases, migrated every time. None: a temporary one.
	 */
	private static final String DATA = System.getProperty("benchmark.data");
	private static final int YEAR = 2025;
	private static final Locale VI = Locale.forLanguageTag("vi");
	private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
	private static final Instant START = LocalDate.of(2022, 1, 1).atStartOfDay(VIETNAM).toInstant();
	private static final long SPAN = Duration.between(START, LocalDate.of(2027, 1, 1).atStartOfDay(VIETNAM).toInstant())
		.getSeconds();
	private static final List<String> TABLES = List.of("report_case", "report_person", "report_fact", "report_service");
	/** A table's size with its partitions' (a partitioned table has none of its own). */
	private static final String SIZE = """
			select sum(%s(c.oid)) from pg_class c where c.oid = :table::regclass
			    or c.oid in (select inhrelid from pg_inherits where inhparent = :table::regclass)""";

	@TempDir
	static Path directory;

	private final StringBuilder report = new StringBuilder();
	private String fill;

	@Test
	void measure() throws Exception {
		try (MigrationDatabase database = MigrationDatabase.start(DATA == null ? directory : Path.of(DATA));
				HikariDataSource pool = new HikariDataSource()) {
			database.migrate();
			pool.setDataSource(database.dataSource());
			pool.setMaximumPoolSize(4);
			JdbcClient jdbc = JdbcClient.create(pool);
			List<AdministrativeUnits.Province> provinces = provinces();
			assertThat(provinces).hasSize(34);

			long started = System.nanoTime();
			if (jdbc.sql("select count(*) from report_case").query(Long.class).single() == CASES) {
				// as autovacuum leaves a table after a migration rewrote it: visibility map set, statistics fresh
				for (String table : TABLES) {
					jdbc.sql("vacuum analyze " + table).update();
				}
				fill = "reused: filled by an earlier run";
			}
			else {
				jdbc.sql("truncate report_fact, report_service, report_person, report_case").update();
				fill(pool, jdbc, new Generator(provinces, new Random(42)));
			}
			double fillSeconds = (System.nanoTime() - started) / 1e9;
			if (RUNS == 0) {
				hold(jdbc);
				return;
			}

			ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
			messages.setBasenames(basenames());
			messages.setDefaultEncoding("UTF-8");
			messages.setFallbackToSystemLocale(false);
			ReportReadings readings = new ReportReadings(PARALLEL);
			Indicators indicators = new Indicators(jdbc, messages, readings);
			Breakdowns breakdowns = new Breakdowns(jdbc, messages, new Units(provinces));
			Reports reports = new Reports(indicators, breakdowns, readings, Clock.systemUTC());

			String province = jdbc.sql("select intake_province from report_case group by 1 order by count(*) desc, 1 limit 1")
				.query(String.class).single();
			ReportPeriod year = ReportPeriod.year(YEAR);
			ReportPeriod month = ReportPeriod.month(YearMonth.of(YEAR, 6));
			line(("Cases: %,d received 2022–2026 in 34 provinces; one warm-up before the runs; province %s (the most cases),"
					+ " year %d; %d readings at once.").formatted(CASES, province, YEAR, PARALLEL));
			line("");
			line("| reading | runs | mean s | p50 s | max s |");
			line("|---|---:|---:|---:|---:|");
			time("all indicators, one province, a year", RUNS, () -> indicators.all(province, year, VI));
			time("all indicators, the whole country, a year", COUNTRY_RUNS, () -> indicators.all(null, year, VI));
			time("whole report (indicators + 25 tables), one province, a year", RUNS, () -> reports.report(province, year, VI));
			time("whole report (indicators + 25 tables), the whole country, a year", COUNTRY_RUNS, () -> reports.report(null, year, VI));
			time("all indicators, one province, a month", RUNS, () -> indicators.all(province, month, VI));
			time("whole report, one province, a month", RUNS, () -> reports.report(province, month, VI));
			sizes(jdbc, fillSeconds);
			slowest(indicators, breakdowns, province, year);
			slowest(indicators, breakdowns, null, year);
			write();
			hold(jdbc);
		}
	}

	private static void hold(JdbcClient jdbc) throws InterruptedException {
		if (HOLD > 0) {
			System.out.println("Database kept for " + HOLD + " s: " + jdbc.sql("select inet_server_port()")
				.query(Integer.class).single());
			Thread.sleep(HOLD * 1000L);
		}
	}

	/** COPY of every batch with the secondary indexes dropped, then the indexes rebuilt as the migrations define them. */
	private void fill(HikariDataSource pool, JdbcClient jdbc, Generator generator) throws SQLException, IOException {
		List<String> indexes = jdbc.sql("""
				select indexdef from pg_indexes i where schemaname = 'loive'
				  and (tablename in (:tables) or tablename like 'report\\_fact\\_%')
				  and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
				  and not exists (select 1 from pg_inherits h where h.inhrelid = ('loive.' || i.indexname)::regclass)""")
			.param("tables", TABLES).query(String.class).list();
		List<String[]> constraints = jdbc.sql("""
				select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint
				where contype = 'u' and conrelid::regclass::text in (:tables)""")
			.param("tables", TABLES).query((row, n) -> new String[] { row.getString(1), row.getString(2), row.getString(3) })
			.list();
		for (String index : indexes) {
			jdbc.sql("drop index loive." + index.replaceFirst("(?s)^CREATE (UNIQUE )?INDEX (\\S+) .*", "$2")).update();
		}
		for (String[] constraint : constraints) {
			jdbc.sql("alter table " + constraint[0] + " drop constraint " + constraint[1]).update();
		}
		// the facts are staged, then written in the order they happened, as the application appends them
		jdbc.sql("create unlogged table bench_fact as select * from report_fact with no data").update();
		long copied = System.nanoTime();
		try (Connection connection = pool.getConnection()) {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (int done = 0; done < CASES; done += BATCH) {
				Batch batch = new Batch();
				for (int i = done; i < Math.min(CASES, done + BATCH); i++) {
					generator.generate(batch);
				}
				copy.copyIn("copy report_case (case_id, reference, channel, report_kind, place, return_mode,"
						+ " trafficking_scope, exploitation_forms, recruitment_contexts, destination_country, intake_province,"
						+ " intake_area, province, area, received_at, duplicate_of) from stdin", new StringReader(batch.cases.toString()));
				copy.copyIn("copy report_person (person_id, case_id, role, sex, age_band, nationality, ethnic_minority,"
						+ " support_category) from stdin", new StringReader(batch.persons.toString()));
				copy.copyIn("copy bench_fact (kind, case_id, person_id, criminal_case_id, province, area, agency, code,"
						+ " detail, occurred_at, occurred_on, due_at, source_key) from stdin",
						new StringReader(batch.facts.toString()));
			}
			double copySeconds = (System.nanoTime() - copied) / 1e9;
			long indexed = System.nanoTime();
			try (Statement statement = connection.createStatement()) {
				statement.execute("set maintenance_work_mem = '512MB'");
				statement.execute("set work_mem = '512MB'");
				statement.execute("""
						insert into report_fact (kind, case_id, person_id, criminal_case_id, province, area, agency, code,
						                         detail, occurred_at, occurred_on, due_at, source_key)
						select kind, case_id, person_id, criminal_case_id, province, area, agency, code, detail, occurred_at,
						       occurred_on, due_at, source_key
						from bench_fact order by occurred_at""");
				statement.execute("drop table bench_fact");
				for (String[] constraint : constraints) {
					statement.execute("alter table " + constraint[0] + " add constraint " + constraint[1] + " " + constraint[2]);
				}
				for (String index : indexes) {
					// a partitioned table's index is listed ON ONLY the parent: that would build none of its partitions'
					statement.execute(index.replace(" ON ONLY ", " ON "));
				}
				for (String table : TABLES) {
					statement.execute("vacuum analyze " + table);
				}
				statement.execute("reset all");
			}
			fill = "COPY %.0f s; facts in time order, indexes and constraints rebuilt, VACUUM ANALYZE: %.0f s".formatted(
					copySeconds, (System.nanoTime() - indexed) / 1e9);
		}
	}

	private void time(String label, int runs, Supplier<Object> reading) {
		reading.get();
		double[] seconds = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			reading.get();
			seconds[i] = (System.nanoTime() - start) / 1e9;
		}
		double[] sorted = seconds.clone();
		Arrays.sort(sorted);
		line("| %s | %d | %.3f | %.3f | %.3f |".formatted(label, runs, Arrays.stream(seconds).average().orElseThrow(),
				sorted[runs / 2], sorted[runs - 1]));
		System.out.println(report.substring(report.lastIndexOf("\n", report.length() - 2) + 1));
	}

	private void sizes(JdbcClient jdbc, double fillSeconds) {
		line("");
		line("| table | rows | rows per case | MB (with indexes) | of which indexes MB | bytes per case |");
		line("|---|---:|---:|---:|---:|---:|");
		for (String table : TABLES) {
			long rows = jdbc.sql("select count(*) from " + table).query(Long.class).single();
			long total = jdbc.sql(SIZE.formatted("pg_total_relation_size")).param("table", table).query(Long.class).single();
			long indexes = jdbc.sql(SIZE.formatted("pg_indexes_size")).param("table", table).query(Long.class).single();
			line("| %s | %,d | %.2f | %,.0f | %,.0f | %,.0f |".formatted(table, rows, (double) rows / CASES, total / 1e6,
					indexes / 1e6, (double) total / CASES));
		}
		line("");
		line("Fill: %.0f s (generation and %s).".formatted(fillSeconds, fill));
		line("");
		line("| fact kind | rows |");
		line("|---|---:|");
		jdbc.sql("select kind, count(*) from report_fact group by kind order by 2 desc")
			.query((row, n) -> line("| %s | %,d |".formatted(row.getString(1), row.getLong(2))))
			.list();
	}

	/** The slowest queries of a year's report of the province or the country, one at a time: what dominates. */
	private void slowest(Indicators indicators, Breakdowns breakdowns, String province, ReportPeriod period) {
		List<Map.Entry<String, Double>> times = new ArrayList<>();
		for (Indicators.Definition definition : Indicators.Definition.values()) {
			long start = System.nanoTime();
			indicators.value(definition, province, period, VI);
			times.add(Map.entry("indicator " + definition.id, (System.nanoTime() - start) / 1e9));
		}
		for (Reports.Table table : Reports.STANDARD) {
			long start = System.nanoTime();
			breakdowns.table(table.dimension(), table.measures(), province, period, VI);
			times.add(Map.entry("table " + table.dimension() + " × " + table.measures(), (System.nanoTime() - start) / 1e9));
		}
		times.sort(Map.Entry.<String, Double>comparingByValue().reversed());
		line("");
		line("| slowest readings of the year, %s, one at a time | s |".formatted(province == null ? "the country" : province));
		line("|---|---:|");
		times.stream().limit(12).forEach(e -> line("| %s | %.3f |".formatted(e.getKey(), e.getValue())));
		line("");
		line("Sum of all %d readings: %.3f s.".formatted(times.size(), times.stream().mapToDouble(Map.Entry::getValue).sum()));
	}

	private Object line(String text) {
		report.append(text).append('\n');
		return text;
	}

	private void write() throws IOException {
		Path out = Path.of("target", "benchmarks", "reporting.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);
	}

	/** The 34 provinces of the list the application ships. */
	private static List<AdministrativeUnits.Province> provinces() throws IOException {
		try (InputStream in = ReportingBenchmark.class.getResourceAsStream("/administrative-units/provinces-2025.csv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.skip(1)
				.map(line -> line.split(","))
				.filter(cells -> cells[4].isEmpty())
				.map(cells -> new AdministrativeUnits.Province(cells[1], cells[0], cells[2], cells[3]))
				.toList();
		}
	}

	private static String[] basenames() throws IOException {
		try (InputStream in = ReportingBenchmark.class.getResourceAsStream("/application.yml")) {
			java.util.regex.Matcher line = java.util.regex.Pattern.compile("basename: *(\\S+)")
				.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			assertThat(line.find()).isTrue();
			return line.group(1).split(",");
		}
	}

	private record Units(List<Province> list) implements AdministrativeUnits {

		@Override
		public List<Province> provinces() {
			return list;
		}

		@Override
		public Optional<Province> province(String shortCode) {
			return list.stream().filter(province -> province.shortCode().equals(shortCode)).findFirst();
		}

		@Override
		public boolean hasCommune(String provinceShortCode, String communeCode) {
			return true;
		}
	}

	/** The rows of a batch in COPY's text format. */
	private static final class Batch {
		final StringBuilder cases = new StringBuilder(1 << 22);
		final StringBuilder persons = new StringBuilder(1 << 22);
		final StringBuilder facts = new StringBuilder(1 << 25);
	}

	/**
	 * Cases with the facts the chain records, in shares that follow the intake statistics of the plans: most reports
	 * are classified within the day; about half are denunciations, crime reports or petitions the police resolve, a
	 * third of them by initiating a criminal case; suspected trafficking brings one to three persons (some with an
	 * accompanying minor) through reception, verification, identification, risk, support and services; a few cases
	 * are duplicates, are transferred to another province, or have their consent withdrawn; one step in ten is late.
	 */
	private static final class Generator {

		private static final String[] CHANNELS = { "HOTLINE_111", "HOTLINE_111", "POLICE", "POLICE", "POLICE", "BORDER_GUARD",
				"COMMUNE", "SELF_REPORT", "CONSULATE_RETURN", "FOREIGN_AUTHORITY_HANDOVER", "SOCIAL_ASSISTANCE_FACILITY",
				"HEALTH_FACILITY", "MASS_ORGANISATION", "OTHER_HOTLINE" };
		private static final String[] FORMS = { "SEXUAL_EXPLOITATION", "SEXUAL_EXPLOITATION", "FORCED_LABOUR",
				"FORCED_LABOUR", "FORCED_MARRIAGE", "ONLINE_SCAM_CENTRE", "ONLINE_SCAM_CENTRE", "FORCED_LABOUR_FISHING",
				"CHILD_SALE", "SURROGACY", "FORCED_CRIMINALITY", "ORGAN_REMOVAL", "OTHER", "UNKNOWN" };
		private static final String[] CONTEXTS = { "ONLINE_CONTACT", "ONLINE_CONTACT", "LABOUR_MIGRATION",
				"LABOUR_EXPORT_FIRM", "ILLEGAL_EMIGRATION", "FOREIGN_MARRIAGE", "ABDUCTION", "STUDY_ABROAD", "ADOPTION",
				"SURROGACY", "OTHER", "UNKNOWN" };
		private static final String[] DESTINATIONS = { "CN", "CN", "CN", "KH", "KH", "LA", "MY", "TH", "MM", "KR" };
		private static final String[] RETURN_MODES = { "FOREIGN_AUTHORITY_HANDOVER", "VIA_CONSULATE", "SELF_RETURN",
				"RESCUED_BY_BORDER_GUARD", "DEPORTED" };
		private static final String[] AGE_BANDS = { "0-5", "6-11", "12-15", "12-15", "16-17", "16-17", "18-24", "18-24",
				"18-24", "25-34", "25-34", "25-34", "35-44", "35-44", "45-59", "60" };
		private static final String[] NATIONALITIES = { "KH", "LA", "CN", "MM" };
		private static final String[] EVIDENCE = { "PERSON_STATEMENT", "WITNESS_STATEMENT", "OFFICIAL_DOCUMENT",
				"FOREIGN_AUTHORITY_DOCUMENT", "MEDICAL_EXAMINATION", "OTHER_EVIDENCE" };
		private static final String[] SERVICES = { "a", "a", "a", "b", "b", "c", "d", "dd", "e", "g", "h", "i", "k" };
		private static final String[] PROVIDERS = { "health", "womens-union", "labour", "legal-aid", "education",
				"social-policy-bank", "youth-union", "commune" };
		private static final String[] DECLINE_REASONS = { "NO_CAPACITY", "NOT_ELIGIBLE", "OUT_OF_AREA",
				"PERSON_UNREACHABLE", "OTHER" };
		private static final String[] RESOLUTIONS = { "INITIATED", "NOT_INITIATED", "NOT_INITIATED", "SUSPENDED",
				"REFERRED", "MERGED" };
		private static final String[] GUARDIANS = { "PARENTS", "RELATIVES", "GUARDIAN", "NONE_FOUND" };

		private final List<AdministrativeUnits.Province> provinces;
		private final double[] weights;
		private final Random random;
		private final UUID[] lastCase;
		private final UUID[] lastCriminal;
		private Batch batch;
		private int number;

		Generator(List<AdministrativeUnits.Province> provinces, Random random) {
			this.provinces = provinces;
			this.random = random;
			this.lastCase = new UUID[provinces.size()];
			this.lastCriminal = new UUID[provinces.size()];
			// provinces differ in size: the largest has about five times the cases of the smallest
			this.weights = new double[provinces.size()];
			double sum = 0;
			for (int i = 0; i < weights.length; i++) {
				sum += 1.0 / (1 + 0.12 * ((i * 7) % weights.length));
				weights[i] = sum;
			}
			for (int i = 0; i < weights.length; i++) {
				weights[i] /= sum;
			}
		}

		void generate(Batch batch) {
			this.batch = batch;
			number++;
			int p = province();
			UUID caseId = uuid();
			String province = provinces.get(p).shortCode();
			String area = area(province);
			Instant received = START.plusSeconds((long) (random.nextDouble() * SPAN));
			double kindDraw = random.nextDouble();
			String kind = kindDraw < 0.30 ? "DENUNCIATION" : kindDraw < 0.48 ? "CRIME_REPORT"
					: kindDraw < 0.53 ? "PROSECUTION_PETITION" : kindDraw < 0.90 ? "PERSON_RETURNED" : "OTHER";
			String channel = kind.equals("PERSON_RETURNED") ? pick(RETURN_MODES).equals("VIA_CONSULATE")
					? "CONSULATE_RETURN" : "BORDER_GUARD" : pick(CHANNELS);
			boolean crossBorder = random.nextDouble() < 0.7;
			String returnMode = kind.equals("PERSON_RETURNED") ? pick(RETURN_MODES) : null;
			String[] forms = random.nextDouble() < 0.15 ? new String[0]
					: random.nextDouble() < 0.85 ? new String[] { pick(FORMS) }
					: new String[] { FORMS[0], pick(Arrays.copyOfRange(FORMS, 2, FORMS.length)) };
			String[] contexts = random.nextDouble() < 0.2 ? new String[0] : new String[] { pick(CONTEXTS) };
			double classification = random.nextDouble();
			boolean duplicate = classification < 0.03 && lastCase[p] != null;
			boolean suspected = !duplicate && classification < 0.62;
			String place = random.nextDouble() < 0.2 ? "BORDER_AREA" : "INLAND";
			String destination = crossBorder ? pick(DESTINATIONS) : null;
			UUID original = duplicate ? lastCase[p] : null;
			lastCase[p] = caseId;
			Case c = new Case(caseId, province, area, received);
			fact("REPORT_RECEIVED", c, null, null, received, "police", channel, kind, null);
			Instant classified = c.after(received, 1, 30);
			Instant due = received.plus(Duration.ofHours(24));
			task(c, null, "Task_Classify", "police", classified, due);
			// as the chain records a user task's outcome: with the task's deadline
			fact("CLASSIFIED", c, null, null, classified, null,
					duplicate ? "DUPLICATE" : suspected ? "TRAFFICKING_SUSPECTED" : "OTHER_MATTER",
					duplicate ? original.toString() : suspected ? "police" : null, due);
			if (kind.equals("DENUNCIATION") || kind.equals("CRIME_REPORT") || kind.equals("PROSECUTION_PETITION")) {
				resolve(c, p, classified, suspected);
			}
			if (suspected) {
				if (random.nextDouble() < 0.03) {
					transfer(c);
				}
				int victims = random.nextDouble() < 0.8 ? 1 : random.nextDouble() < 0.75 ? 2 : 3;
				boolean withdrawn = random.nextDouble() < 0.02;
				Instant last = classified;
				for (int v = 0; v < victims; v++) {
					last = max(last, person(c, classified, crossBorder, withdrawn));
				}
				if (withdrawn) {
					fact("CONSENT_WITHDRAWN", c, null, null, c.after(classified, 24, 24 * 20), null, null, null, null);
				}
				fact("CASE_CLOSED", c, null, null, c.after(last, 24, 24 * 30), "health", withdrawn ? "CONSENT_WITHDRAWN" : "CLOSED",
						null, null);
			}
			else {
				fact("CASE_CLOSED", c, null, null, c.after(classified, 1, 48), "police",
						duplicate ? "DUPLICATE" : "REFERRED_OUT", null, null);
			}
			row(batch.cases, caseId, province + "-" + number, channel, kind, place, returnMode,
					crossBorder ? "CROSS_BORDER" : "DOMESTIC", array(forms), array(contexts), destination, province, area,
					c.province, c.area, received, original);
		}

		/** The police's resolution; an initiated case opens a criminal case, or joins the province's latest one. */
		private void resolve(Case c, int p, Instant classified, boolean suspected) {
			if (random.nextDouble() >= 0.9) {
				return;
			}
			Instant resolved = c.after(classified, 24, 24 * 60);
			String resolution = suspected && random.nextDouble() < 0.45 ? "INITIATED" : pick(RESOLUTIONS);
			fact("REPORT_RESOLVED", c, null, null, resolved, "police", resolution, null, null);
			if (!resolution.equals("INITIATED")) {
				return;
			}
			UUID criminal;
			if (lastCriminal[p] != null && random.nextDouble() < 0.2) {
				criminal = lastCriminal[p];
			}
			else {
				criminal = uuid();
				lastCriminal[p] = criminal;
				Instant at = resolved;
				milestone("CRIMINAL_INITIATED", c.province, criminal, at);
				String[] next = { "CRIMINAL_SOLVED", "CRIMINAL_PROSECUTED", "CRIMINAL_TRIED" };
				double[] shares = { 0.75, 0.85, 0.8 };
				for (int i = 0; i < next.length && random.nextDouble() < shares[i]; i++) {
					at = c.after(at, 24 * 10, 24 * 120);
					milestone(next[i], c.province, criminal, at);
				}
			}
			fact("CRIMINAL_LINKED", c, null, criminal, resolved.plusSeconds(60), "police", null, null, null);
		}

		private void transfer(Case c) {
			String to = provinces.get(province()).shortCode();
			if (to.equals(c.province)) {
				return;
			}
			fact("TRANSFERRED", c, null, null, c.received.plus(Duration.ofHours(31)), null, to, c.province, null);
			c.province = to;
			c.area = area(to);
		}

		/** A person through the chain; the time of its last fact. */
		private Instant person(Case c, Instant from, boolean crossBorder, boolean withdrawn) {
			UUID person = uuid();
			boolean foreign = random.nextDouble() < 0.06;
			String nationality = random.nextDouble() < 0.03 ? null : foreign ? pick(NATIONALITIES) : "VN";
			String age = random.nextDouble() < 0.03 ? null : pick(AGE_BANDS);
			double sexDraw = random.nextDouble();
			String sex = sexDraw < 0.02 ? null : sexDraw < 0.7 ? "F" : sexDraw < 0.99 ? "M" : "X";
			Instant at = from;
			if (random.nextDouble() < 0.35) {
				at = c.after(at, 1, 72);
				fact("RESCUED", c, person, null, at, crossBorder ? "border-guard" : "police",
						random.nextDouble() < 0.9 ? "RESCUED" : "CONTINUE_SEARCH", crossBorder ? "CROSS_BORDER" : "DOMESTIC", null);
			}
			at = c.after(at, 2, 48);
			task(c, person, "Task_ReceivePerson", "commune", at, at.plus(Duration.ofHours(24)));
			fact("PERSON_RECEIVED", c, person, null, at, "commune", null, "Task_ReceivePerson", null);
			Instant verified = c.after(at, 4, 24 * 3);
			Instant verifyDue = at.plus(Duration.ofDays(2));
			String verification = crossBorder ? "BORDER" : "INITIAL";
			fact("VERIFIED", c, person, null, verified, "police", verification, null, verifyDue);
			task(c, person, crossBorder ? "Task_BorderVerification" : "Task_InitialVerification", "police", verified, verifyDue);
			if (random.nextDouble() < 0.15) {
				Instant further = c.after(verified, 24, 24 * 20);
				fact("VERIFIED", c, person, null, further, "police", "FURTHER", null, verified.plus(Duration.ofDays(15)));
				verified = further;
			}
			at = c.after(verified, 4, 24 * 5);
			boolean victim = random.nextDouble() < 0.78;
			task(c, person, "Task_Identify", "police", at, verified.plus(Duration.ofDays(3)));
			fact("IDENTIFIED", c, person, null, at, "police", victim ? "VICTIM" : "NOT_VICTIM",
					victim ? evidence() : null, null);
			String category = null;
			if (victim) {
				category = foreign ? "FOREIGN" : "VN_VICTIM";
				at = victimFacts(c, person, at, category, foreign, withdrawn);
			}
			row(batch.persons, person, c.id, victim ? "VICTIM" : "IDENTIFYING", sex, age, nationality,
					nationality == null ? null : random.nextDouble() < 0.25, category);
			if (random.nextDouble() < 0.1) {
				minor(c, at);
			}
			return at;
		}

		private Instant victimFacts(Case c, UUID person, Instant identified, String category, boolean foreign,
				boolean withdrawn) {
			Instant at = identified;
			if (random.nextDouble() < 0.85) {
				fact("DOCUMENT_ISSUED", c, person, null, c.after(at, 1, 48), "police", null, null, null);
			}
			double riskDraw = random.nextDouble();
			String risk = riskDraw < 0.5 ? "LOW" : riskDraw < 0.85 ? "MEDIUM" : "HIGH";
			at = c.after(at, 1, 24);
			task(c, person, "Task_AssessRisk", "police", at, identified.plus(Duration.ofDays(1)));
			fact("RISK_ASSESSED", c, person, null, at, "police", risk, null, null);
			if (risk.equals("HIGH")) {
				fact("PROTECTION", c, person, null, at.plusSeconds(3600), "police",
						random.nextDouble() < 0.85 ? "APPLIED" : "REFUSED", null, null);
			}
			List<String> services = new ArrayList<>();
			int wanted = random.nextDouble() < 0.1 ? 0 : 1 + random.nextInt(4);
			while (services.size() < wanted) {
				String service = pick(SERVICES);
				if (!services.contains(service)) {
					services.add(service);
				}
			}
			at = c.after(at, 2, 48);
			task(c, person, "Task_SupportEligibility", "labour", at, identified.plus(Duration.ofDays(3)));
			fact("SUPPORT_ASSESSED", c, person, null, at, "labour", category, String.join("+", services), null);
			Instant last = at;
			for (String service : services) {
				last = max(last, service(c, person, service, at, withdrawn));
			}
			if (!foreign && random.nextDouble() < 0.3) {
				Instant applied = c.after(last, 24, 24 * 30);
				fact("REINTEGRATION_APPLIED", c, person, null, applied, "commune", null, null, null);
				Instant decided = c.after(applied, 24, 24 * 14);
				Instant due = applied.plus(Duration.ofDays(12));
				task(c, person, "Task_DecideReintegration", "commune", decided, due);
				fact("REINTEGRATION_DECIDED", c, person, null, decided, "commune",
						random.nextDouble() < 0.85 ? "APPROVED" : "DECLINED", null, due);
				last = decided;
			}
			for (int visit = random.nextInt(3); visit > 0; visit--) {
				last = c.after(last, 24 * 20, 24 * 90);
				double draw = random.nextDouble();
				task(c, person, "Task_FollowUpVisit", "commune", last, last.plus(Duration.ofDays(1)));
				fact("FOLLOW_UP_VISIT", c, person, null, last, "commune", draw < 0.7 ? "LOW" : draw < 0.93 ? "MEDIUM" : "HIGH",
						null, null);
			}
			if (foreign && random.nextDouble() < 0.8) {
				last = c.after(last, 24 * 5, 24 * 60);
				fact("REPATRIATED", c, person, null, last, "foreign-affairs", null, null, null);
			}
			return last;
		}

		/** A service referred to a provider: accepted, declined (then accepted by another or unmet), delivered. */
		private Instant service(Case c, UUID person, String service, Instant from, boolean withdrawn) {
			Instant at = c.after(from, 1, 48);
			String provider = pick(PROVIDERS);
			fact("SERVICE_REFERRED", c, person, null, at, "labour", service, provider, null);
			double draw = random.nextDouble();
			if (draw < 0.12) {
				at = c.after(at, 4, 24 * 4);
				fact("SERVICE_DECLINED", c, person, null, at, provider, service, pick(DECLINE_REASONS), null);
				if (draw < 0.04) {
					at = c.after(at, 24, 24 * 10);
					fact("SERVICE_UNMET", c, person, null, at, "labour", service, null, null);
					// half of the unmet needs are referred again once a provider can be found: a service with
					// two referrals, counted from its facts
					return random.nextBoolean() ? service(c, person, service, c.after(at, 24 * 20, 24 * 60), withdrawn) : at;
				}
				provider = pick(PROVIDERS);
			}
			Instant accepted = c.after(at, 2, 24 * 5);
			Instant respondBy = at.plus(Duration.ofDays(3));
			task(c, person, "Task_RespondToReferral", provider, accepted, respondBy);
			fact("SERVICE_ACCEPTED", c, person, null, accepted, provider, service, provider, respondBy);
			if (withdrawn || random.nextDouble() < 0.08) {
				return accepted;
			}
			Instant delivered = c.after(accepted, 24, 24 * 45);
			double outcome = random.nextDouble();
			task(c, person, "Task_DeliverService", provider, delivered, accepted.plus(Duration.ofDays(30)));
			fact("SERVICE_DELIVERED", c, person, null, delivered, provider, service,
					outcome < 0.82 ? "DELIVERED" : outcome < 0.96 ? "PARTIALLY_DELIVERED" : "NOT_DELIVERED", null);
			if (service.equals("a") && random.nextDouble() < 0.1) {
				fact("SERVICE_EXTENDED", c, person, null, c.after(delivered, 24, 24 * 10), "labour", "a",
						random.nextDouble() < 0.8 ? "GRANTED" : "REFUSED", null);
			}
			return delivered;
		}

		/** An accompanying minor: a person of the case whose relatives are notified. */
		private void minor(Case c, Instant at) {
			UUID minor = uuid();
			row(batch.persons, minor, c.id, "ACCOMPANYING_MINOR", random.nextBoolean() ? "F" : "M",
					AGE_BANDS[random.nextInt(4)], "VN", random.nextDouble() < 0.25, "ACCOMPANYING_MINOR");
			Instant notified = c.after(at, 2, 24 * 3);
			Instant due = at.plus(Duration.ofDays(1));
			task(c, minor, "Task_NotifyGuardian", "commune", notified, due);
			fact("GUARDIAN_NOTIFIED", c, minor, null, notified, "commune", pick(GUARDIANS), null, due);
			fact("RISK_ASSESSED", c, minor, null, notified.plusSeconds(7200), "police",
					random.nextDouble() < 0.7 ? "LOW" : "MEDIUM", "MINOR", null);
		}

		/** A completed step, and its escalation when it went past its deadline. */
		private void task(Case c, UUID person, String key, String agency, Instant at, Instant due) {
			if (at.isAfter(due)) {
				fact("ESCALATED", c, person, null, due, agency, key, null, null);
			}
			fact("TASK_COMPLETED", c, person, null, at, agency, key, null, due);
		}

		private void milestone(String kind, String province, UUID criminal, Instant at) {
			factRow(kind, null, null, criminal, province, null, "police", null, null, at, null);
		}

		private void fact(String kind, Case c, UUID person, UUID criminal, Instant at, String agency, String code,
				String detail, Instant due) {
			factRow(kind, c.id, person, criminal, c.province, c.area, agency, code, detail, at, due);
		}

		private void factRow(String kind, UUID caseId, UUID person, UUID criminal, String province, String area,
				String agency, String code, String detail, Instant at, Instant due) {
			row(batch.facts, kind, caseId, person, criminal, province, area, agency, code, detail, at,
					LocalDate.ofInstant(at, VIETNAM), due, kind + ":" + uuid());
		}

		private static void row(StringBuilder out, Object... values) {
			for (int i = 0; i < values.length; i++) {
				out.append(i == 0 ? "" : "\t").append(values[i] == null ? "\\N" : values[i] instanceof Boolean b
						? (b ? "t" : "f") : values[i]);
			}
			out.append('\n');
		}

		private int province() {
			double draw = random.nextDouble();
			int i = 0;
			while (weights[i] < draw) {
				i++;
			}
			return i;
		}

		private String area(String province) {
			return province + "-" + (10_000 + random.nextInt(60) * 7);
		}

		private String evidence() {
			String first = pick(EVIDENCE);
			String second = pick(EVIDENCE);
			return first.equals(second) || random.nextBoolean() ? first : first + "+" + second;
		}

		private String pick(String[] values) {
			return values[random.nextInt(values.length)];
		}

		private UUID uuid() {
			return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L, random.nextLong() & 0x3fffffffffffffffL
					| 0x8000000000000000L);
		}

		private static String array(String[] values) {
			return "{" + String.join(",", values) + "}";
		}

		private static Instant max(Instant a, Instant b) {
			return a.isAfter(b) ? a : b;
		}

		/** The case being generated: where it is now, and durations drawn from its own random source. */
		private final class Case {
			final UUID id;
			final Instant received;
			String province;
			String area;

			Case(UUID id, String province, String area, Instant received) {
				this.id = id;
				this.province = province;
				this.area = area;
				this.received = received;
			}

			/** A moment between {@code min} and {@code max} hours after {@code from}, skewed to the short end. */
			Instant after(Instant from, int min, int max) {
				double draw = random.nextDouble();
				return from.plusSeconds((long) ((min + (max - min) * draw * draw) * 3600));
			}
		}
	}
}
