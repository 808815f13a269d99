package org.loive.vault;

import org.junit.jupiter.api.Test;
import org.loive.support.IntegrationTest;
import org.loive.support.TestPostgres;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vault's benchmark, not a test: run on purpose, figures written to {@code target/benchmarks/vault.md}
 * and copied by hand into {@code docs/benchmarks.md}.
 * <pre>
 * ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=VaultBenchmark \
 *     -Dbenchmark.persons=1000000
 * </pre>
 * It measures, through the real vault on the real PostgreSQL, storing a person with every section
 * (data key created and wrapped, five sections encrypted, three blind indexes), loading and decrypting
 * all five sections, then, after the vault is filled to {@code benchmark.persons} persons (each with
 * a real wrapped data key of its own and real blind-index digests, written with COPY), the duplicate
 * lookup intake runs for every new person, for persons with and without matches.
 */
class VaultBenchmark extends IntegrationTest {

	private static final int MEASURED = Integer.getInteger("benchmark.measured", 2_000);
	private static final int PERSONS = Integer.getInteger("benchmark.persons", 1_000_000);
	private static final int LOOKUPS = Integer.getInteger("benchmark.lookups", 5_000);
	private static final int COPY_BATCH = 20_000;

	@Autowired
	Vault vault;

	@Autowired
	DataKeys dataKeys;

	@Autowired
	BlindIndexes indexes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	private final StringBuilder report = new StringBuilder();
	private final Random random = new Random(42);

	@Test
	void measure() throws Exception {
		UUID caseId = benchmarkCase();
		List<UUID> stored = new ArrayList<>();
		line("| operation | calls | mean ms | p50 ms | p95 ms | p99 ms | per second |");
		line("|---|---:|---:|---:|---:|---:|---:|");
		measure("warm-up: store + encrypt", MEASURED / 2, i -> vault.create(UUID.randomUUID(), caseId, person(i), "bench"));
		measure("store + encrypt one person (5 sections, 3 blind indexes)", MEASURED, i -> {
			UUID id = UUID.randomUUID();
			vault.create(id, caseId, person(i), "bench");
			stored.add(id);
		});
		Set<Section> all = Set.of(Section.values());
		measure("warm-up: load + decrypt", MEASURED / 2, i -> vault.read(stored.get(i), all));
		measure("load + decrypt one person (5 sections)", MEASURED,
				i -> assertThat(vault.read(stored.get(i), all).identity()).isNotNull());

		long started = System.nanoTime();
		int filled = fill(caseId, PERSONS - count());
		double seconds = (System.nanoTime() - started) / 1e9;
		line("");
		line("bulk fill: %,d persons (own wrapped data key, 3 digests each) in %.0f s, %,.0f persons/s", filled, seconds,
				filled / seconds);
		analyze("vault_person", "vault_blind_index");
		int persons = count();
		line("persons in the vault: %,d; blind-index rows: %,d", persons,
				jdbc.sql("select count(*) from vault_blind_index").query(Integer.class).single());

		line("");
		line("| operation | calls | mean ms | p50 ms | p95 ms | p99 ms | per second |");
		line("|---|---:|---:|---:|---:|---:|---:|");
		List<UUID> sample = jdbc.sql("select id from vault_person tablesample system (1) limit :n")
			.param("n", LOOKUPS)
			.query(UUID.class)
			.list();
		measure("warm-up: duplicate lookup", Math.min(LOOKUPS, sample.size()), i -> vault.matches(sample.get(i)));
		measure("duplicate lookup at %,d persons (vault.matches: 3 digests, join, no decryption)".formatted(persons),
				Math.min(LOOKUPS, sample.size()), i -> vault.matches(sample.get(i)));
		UUID twin = UUID.randomUUID();
		vault.create(twin, caseId, person(0), "bench");
		measure("duplicate lookup of a person with matches", LOOKUPS,
				i -> assertThat(vault.matches(twin)).isNotEmpty());
		measure("one digest (HMAC-SHA256) computed", LOOKUPS * 20,
				i -> indexes.digest(MatchKind.ID_NUMBER, "0790" + i));

		Path out = Path.of("target", "benchmarks", "vault.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);
	}

	/** Times each call on its own: mean, percentiles and throughput. */
	private void measure(String what, int times, IntConsumer operation) {
		long[] nanos = new long[times];
		long started = System.nanoTime();
		for (int i = 0; i < times; i++) {
			long before = System.nanoTime();
			operation.accept(i);
			nanos[i] = System.nanoTime() - before;
		}
		double total = (System.nanoTime() - started) / 1e9;
		Arrays.sort(nanos);
		line("| %s | %,d | %.3f | %.3f | %.3f | %.3f | %,.0f |", what, times, Arrays.stream(nanos).average().orElse(0) / 1e6,
				nanos[times / 2] / 1e6, nanos[(int) (times * 0.95)] / 1e6, nanos[(int) (times * 0.99)] / 1e6, times / total);
	}

	private void line(String format, Object... args) {
		report.append(format.formatted(args)).append('\n');
	}

	/** Persons with a real data key each and the digests of distinct synthetic identifiers, written with COPY. */
	private int fill(UUID caseId, int persons) throws SQLException, IOException {
		try (Connection connection = dataSource.getConnection()) {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			HexFormat hex = HexFormat.of();
			for (int done = 0; done < persons; done += COPY_BATCH) {
				StringBuilder people = new StringBuilder();
				StringBuilder digests = new StringBuilder();
				for (int i = done; i < Math.min(persons, done + COPY_BATCH); i++) {
					UUID id = UUID.randomUUID();
					DataKeys.Wrapped key = dataKeys.create(id);
					people.append(id).append('\t').append(caseId).append("\t\\\\x").append(hex.formatHex(key.bytes()))
						.append('\t').append(key.kekId()).append("\t2026-12-01T00:00:00Z\n");
					PersonalData person = person(MEASURED + i);
					MatchKeys.of(person.identity(), person.contact())
						.forEach((kind, value) -> digests.append(kind.name()).append("\t\\\\x")
							.append(hex.formatHex(indexes.digest(kind, value))).append('\t').append(id).append('\n'));
				}
				copy.copyIn("copy vault_person (id, case_id, data_key, kek_id, created_at) from stdin",
						new StringReader(people.toString()));
				copy.copyIn("copy vault_blind_index (kind, digest, person_id) from stdin", new StringReader(digests.toString()));
			}
		}
		return Math.max(0, persons);
	}

	/** A distinct synthetic person: Vietnamese name, birth date, ID number and phone derived from {@code n}. */
	private PersonalData person(int n) {
		String[] family = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng" };
		String[] given = { "Thị Hoa", "Văn Nam", "Thị Lan", "Đức Anh", "Thị Ngọc", "Minh Tuấn", "Thu Hà", "Quốc Bảo" };
		String name = family[n % family.length] + " " + given[(n / 10) % given.length] + " " + Integer.toString(n, 36);
		LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n % 18_000);
		String statement = "Lời khai số " + n + ": " + "bị đưa qua biên giới, giữ tại cơ sở lừa đảo trực tuyến. ".repeat(8);
		return new PersonalData(new PersonalData.Identity(name, null, birth, n % 2 == 0 ? "F" : "M", "VN", "079%09d".formatted(n), null),
				new PersonalData.Contact("09%08d".formatted(n), "Thôn " + n % 97 + ", xã Ba Tơ, Quảng Ngãi"),
				new PersonalData.Narrative(statement), new PersonalData.Health("Khám ngày " + birth + ": ổn định."),
				new PersonalData.Legal(null, "Hồ sơ trợ giúp pháp lý " + random.nextInt(1_000_000)));
	}

	/** Fresh planner statistics, as the superuser: the application's role owns no table, so it may not analyze. */
	private static void analyze(String... tables) throws SQLException {
		try (Connection connection = TestPostgres.get().connect(TestPostgres.superuser());
				Statement statement = connection.createStatement()) {
			for (String table : tables) {
				statement.execute("analyze loive." + table);
			}
		}
	}

	private UUID benchmarkCase() {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into referral_case (id, reference, channel, area, received_at, immediate_danger, process_instance_id,
				                           registered_by)
				values (:id, :reference, 'HOTLINE_111', 'QNG', now(), false, :process, 'bench')""")
			.param("id", id)
			.param("reference", "BENCH-" + id.toString().substring(0, 8))
			.param("process", "bench-" + id)
			.update();
		return id;
	}

	private int count() {
		return jdbc.sql("select count(*) from vault_person").query(Integer.class).single();
	}
}
