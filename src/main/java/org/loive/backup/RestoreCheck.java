package org.loive.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.loive.audit.ChainVerifier;
import org.loive.audit.TrailVerification;
import org.loive.cases.CaseInventory;
import org.loive.vault.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --check-restore} (tools/backup/check.sh, docs/backup-restore.md): the application, started on a restored
 * database, key file and witness, reads every case and every person (each section decrypted), verifies the audit
 * chain and compares it with the witness, prints what it found and exits with 0 when everything holds, 1 otherwise.
 * It prints counts, codes and ids, never victim data. A key file missing, or one that is not this database's, stops
 * the start itself, before anything is written, with a message naming the file and its property.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RestoreCheck implements ApplicationRunner {

	static final String OPTION = "check-restore";
	/** The report's line for scripts and tests: one JSON object after this prefix. */
	static final String REPORT_PREFIX = "loive-restore-check ";
	private static final int LISTED = 20;

	private static final Logger log = LoggerFactory.getLogger(RestoreCheck.class);

	/** What the check found; {@code problems} in Vietnamese, then English. */
	record Report(boolean ok, CaseInventory.Inventory cases, Vault.Inventory persons, ChainVerifier.Result chain,
			List<String> problems) {
	}

	private final CaseInventory cases;
	private final Vault vault;
	private final TrailVerification trail;
	private final Environment environment;
	private final ObjectMapper json;
	private final ConfigurableApplicationContext context;

	RestoreCheck(CaseInventory cases, Vault vault, TrailVerification trail, Environment environment, ObjectMapper json,
			ConfigurableApplicationContext context) {
		this.cases = cases;
		this.vault = vault;
		this.trail = trail;
		this.environment = environment;
		this.json = json;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (arguments.containsOption(OPTION)) {
			Report report = check();
			print(report, System.out);
			System.exit(SpringApplication.exit(context, () -> report.ok() ? 0 : 1));
		}
	}

	Report check() {
		List<String> problems = new ArrayList<>();
		String file = environment.getProperty("loive.vault.keys-file", "");
		String keysFile = file.isBlank() ? "LOIVE_VAULT_KEYS" : file + " (loive.vault.keys-file, LOIVE_VAULT_KEYS_FILE)";
		CaseInventory.Inventory caseCount = cases.inventory();
		if (!caseCount.readable()) {
			problems.add(caseCount.unreadableParts() + " chỗ của vụ việc không đọc được / parts of cases do not read: "
					+ listed(caseCount.unreadable().stream().map(u -> u.caseId() + ":" + u.what()).toList()));
		}
		Vault.Inventory personCount = vault.inventory();
		if (!personCount.readable()) {
			problems.add(personCount.unreadableParts() + " phần dữ liệu người không mở được bằng tệp khóa " + keysFile
					+ " / parts of persons do not open with the key file " + keysFile + ": "
					+ listed(personCount.unreadable().stream().map(u -> u.personId() + ":" + u.part()).toList()));
		}
		ChainVerifier.Result chain = trail.verify();
		if (!chain.intact()) {
			// after a restore, a witness newer than the backup is the likely cause of a truncated tail, not tampering
			boolean truncated = "witness-truncated".equals(chain.reason());
			problems.add("chuỗi kiểm toán hỏng tại sự kiện " + chain.firstBrokenSeq() + " (" + chain.reason() + ")"
					+ (truncated ? ": cơ sở dữ liệu kết thúc trước điểm kiểm mới nhất của bản đối chứng, bản đối chứng mới hơn "
							+ "bản sao lưu?" : "")
					+ " / the audit chain is broken at event " + chain.firstBrokenSeq() + " (" + chain.reason() + ")"
					+ (truncated ? ": the database ends before the witness's newest checkpoint, a witness newer than the "
							+ "backup?" : ""));
		}
		else if (chain.lastCheckpointSeq() != null && chain.witnessChecked() == 0) {
			problems.add("bản đối chứng " + trail.witness() + " không giữ điểm kiểm nào của cơ sở dữ liệu (có đến sự kiện "
					+ chain.lastCheckpointSeq() + "): khôi phục checkpoints.jsonl / the witness " + trail.witness()
					+ " holds none of the database's checkpoints (signed up to event " + chain.lastCheckpointSeq()
					+ "): restore checkpoints.jsonl");
		}
		return new Report(problems.isEmpty(), caseCount, personCount, chain, List.copyOf(problems));
	}

	void print(Report report, PrintStream out) {
		ChainVerifier.Result chain = report.chain();
		out.println("Kiểm tra bản khôi phục / Restore check");
		out.println("  vụ việc đọc được / cases read: " + report.cases().cases() + ", người gắn với vụ việc / persons linked: "
				+ report.cases().persons());
		out.println("  người giải mã được / persons decrypted: " + report.persons().persons() + ", phần / sections: "
				+ report.persons().sections() + ", đã xóa (crypto-shredding) / erased: " + report.persons().erased());
		out.println("  chuỗi kiểm toán / audit chain: " + chain.status() + ", sự kiện / events: " + chain.eventsChecked()
				+ ", điểm kiểm / checkpoints: " + chain.checkpointsChecked() + ", niêm phong / seals: " + chain.sealsChecked());
		out.println("  bản đối chứng / witness: " + chain.witnessChecked() + " điểm kiểm khớp / checkpoints agree, mới nhất / "
				+ "newest: " + chain.lastWitnessSeq() + " (" + trail.witness() + ")");
		report.problems().forEach(problem -> out.println("  LỖI / PROBLEM: " + problem));
		out.println(report.ok() ? "Bản khôi phục dùng được / The restore holds" : "Bản khôi phục KHÔNG dùng được / The restore does NOT hold");
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("ok", report.ok());
		line.put("cases", report.cases().cases());
		line.put("casePersons", report.cases().persons());
		line.put("unreadableCases", report.cases().unreadableParts());
		line.put("persons", report.persons().persons());
		line.put("sections", report.persons().sections());
		line.put("erased", report.persons().erased());
		line.put("unreadablePersons", report.persons().unreadableParts());
		line.put("chain", chain);
		line.put("problems", report.problems());
		try {
			out.println(REPORT_PREFIX + json.writeValueAsString(line));
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
		out.flush();
		log.info("Kiểm tra bản khôi phục / Restore check: {} vụ việc / cases, {} người / persons, chuỗi / chain {}, {} lỗi / problems",
				report.cases().cases(), report.persons().persons(), chain.status(), report.problems().size());
	}

	private static String listed(List<String> items) {
		return String.join(", ", items.subList(0, Math.min(LISTED, items.size())))
				+ (items.size() > LISTED ? ", …" : "");
	}
}
