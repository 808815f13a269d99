package org.loive.web;

import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.loive.support.WebSession;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caseworker's inbox and the case list with 10,000 open tasks in the province (benchmark.cases): one
 * classification task per referral, all offered to the police of QNG. Each page and API call is timed on
 * loopback (the server's time plus a loopback round trip) after a warm-up; results in
 * {@code target/benchmarks/web.md}, copied by hand into {@code docs/benchmarks.md}. Not a timed test: run it with
 * {@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=WebPagesBenchmark}.
 */
class WebPagesBenchmark extends IntegrationTest {

	private static final int CASES = Integer.getInteger("benchmark.cases", 10_000);
	private static final int CALLS = Integer.getInteger("benchmark.calls", 200);
	private static final int THREADS = Integer.getInteger("benchmark.threads", 8);

	private final StringBuilder report = new StringBuilder();

	@Test
	void measure() throws Exception {
		long started = System.nanoTime();
		fill(CASES);
		line("Filled %,d referrals (one open classification task each, province QNG) through the API in %.0f s, %d threads.",
				CASES, (System.nanoTime() - started) / 1e9, THREADS);
		line("");
		WebSession police = WebSession.logIn(BASE, "police.qng");
		Caseworker officer = Caseworker.as("police.qng");
		String reference = "QNG-2026-" + String.format("%06d", CASES / 2);
		line("| request | calls | mean ms | p50 ms | p95 ms | p99 ms |");
		line("|---|---:|---:|---:|---:|---:|");
		time("page: inbox, first page (50 by due date)", () -> police.get("/inbox"));
		time("page: inbox, page 100", () -> police.get("/inbox?page=100"));
		time("page: inbox, unclaimed, latest due first", () -> police.get("/inbox?filter=unclaimed&sort=-due"));
		time("page: inbox, overdue", () -> police.get("/inbox?filter=overdue"));
		time("page: inbox, one step", () -> police.get("/inbox?step=Task_Classify"));
		time("page: case list, first page", () -> police.get("/cases"));
		time("page: case list, page 100", () -> police.get("/cases?page=100"));
		time("page: case list, by stage", () -> police.get("/cases?stage=CLASSIFICATION"));
		time("page: case list, overdue", () -> police.get("/cases?overdue=true"));
		time("page: case list, search by reference", () -> police.get("/cases?q=" + reference));
		time("API: GET /api/v1/tasks", () -> Api.get("/api/v1/tasks", officer.token()).raw());
		time("API: GET /api/v1/cases", () -> Api.get("/api/v1/cases", officer.token()).raw());
		Path out = Path.of("target/benchmarks/web.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);
	}

	private void fill(int cases) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<Integer>> done = new ArrayList<>();
			for (int i = 0; i < cases; i++) {
				done.add(pool.submit(() -> Api.post("/api/v1/referrals", Caseworker.as("police.qng").token(), """
						{"channel":"HOTLINE_111","area":"QNG","receivedAt":"%s","immediateDanger":false}""".formatted(JUST_RECEIVED))
					.status()));
			}
			for (Future<Integer> status : done) {
				assertThat(status.get()).isEqualTo(201);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private void time(String what, Supplier<HttpResponse<String>> request) {
		for (int i = 0; i < 20; i++) {
			assertThat(request.get().statusCode()).as(what).isEqualTo(200);
		}
		double[] millis = new double[CALLS];
		for (int i = 0; i < CALLS; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = request.get();
			millis[i] = (System.nanoTime() - start) / 1e6;
			assertThat(response.statusCode()).as(what).isEqualTo(200);
		}
		Arrays.sort(millis);
		line("| %s | %d | %.1f | %.1f | %.1f | %.1f |", what, CALLS, Arrays.stream(millis).average().orElse(0),
				millis[CALLS / 2], millis[(int) Math.ceil(CALLS * 0.95) - 1], millis[(int) Math.ceil(CALLS * 0.99) - 1]);
	}

	/** Each line printed as it comes, so a long run shows its progress. */
	private void line(String format, Object... arguments) {
		String line = String.format(format, arguments);
		report.append(line).append('\n');
		System.out.println("benchmark: " + line);
	}
}
