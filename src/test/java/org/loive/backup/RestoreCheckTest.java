package org.loive.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.loive.audit.ChainVerifier;
import org.loive.audit.TrailVerification;
import org.loive.cases.CaseInventory;
import org.loive.vault.Vault;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** What the restore check calls a failure, and what it says: which file, which property, ids and codes only. */
class RestoreCheckTest {

	private static final ChainVerifier.Result INTACT = new ChainVerifier.Result(ChainVerifier.Status.INTACT, 40, 4, null,
			null, 40L, 40L, 0, 4, 40L);

	private final CaseInventory cases = mock(CaseInventory.class);
	private final Vault vault = mock(Vault.class);
	private final TrailVerification trail = mock(TrailVerification.class);
	private final RestoreCheck check = new RestoreCheck(cases, vault, trail,
			new MockEnvironment().withProperty("loive.vault.keys-file", "/restore/vault/keys.json"), new ObjectMapper(),
			mock(ConfigurableApplicationContext.class));

	@Test
	void aRestoreWhereEverythingReadsAndTheWitnessAgreesHolds() {
		given(new CaseInventory.Inventory(3, 7, 0, List.of()), new Vault.Inventory(6, 1, 13, 0, List.of()), INTACT);
		RestoreCheck.Report report = check.check();
		assertThat(report.ok()).isTrue();
		assertThat(printed(report)).contains("cases read: 3", "persons decrypted: 6", "erased: 1", "INTACT",
				"4 điểm kiểm khớp / checkpoints agree", "The restore holds", "loive-restore-check {\"ok\":true,\"cases\":3");
	}

	@Test
	void personsThatDoNotOpenNameTheKeyFileAndItsProperty() {
		UUID person = UUID.randomUUID();
		given(new CaseInventory.Inventory(3, 7, 0, List.of()),
				new Vault.Inventory(5, 0, 12, 1, List.of(new Vault.Unreadable(person, "data-key"))), INTACT);
		RestoreCheck.Report report = check.check();
		assertThat(report.ok()).isFalse();
		assertThat(report.problems()).singleElement().asString()
			.contains("/restore/vault/keys.json (loive.vault.keys-file, LOIVE_VAULT_KEYS_FILE)", person + ":data-key");
		assertThat(printed(report)).contains("LỖI / PROBLEM", "The restore does NOT hold");
	}

	@Test
	void aCaseTheEngineDoesNotKnowFails() {
		UUID caseId = UUID.randomUUID();
		given(new CaseInventory.Inventory(2, 7, 1, List.of(new CaseInventory.Unreadable(caseId, "engine"))),
				new Vault.Inventory(6, 1, 13, 0, List.of()), INTACT);
		assertThat(check.check().problems()).singleElement().asString().contains(caseId + ":engine");
	}

	@Test
	void aWitnessWithoutTheDatabasesCheckpointsFailsNamingItsDirectory() {
		given(new CaseInventory.Inventory(3, 7, 0, List.of()), new Vault.Inventory(6, 1, 13, 0, List.of()),
				new ChainVerifier.Result(ChainVerifier.Status.INTACT, 40, 4, null, null, 40L, 40L, 0, 0, null));
		assertThat(check.check().problems()).singleElement().asString()
			.contains("/restore/audit-witness/checkpoints.jsonl (loive.audit.witness.directory, LOIVE_AUDIT_WITNESS_DIRECTORY)",
					"holds none of the database's checkpoints");
	}

	@Test
	void aDatabaseEndingBeforeTheWitnessSaysTheWitnessMayBeNewerThanTheBackup() {
		given(new CaseInventory.Inventory(3, 7, 0, List.of()), new Vault.Inventory(6, 1, 13, 0, List.of()),
				new ChainVerifier.Result(ChainVerifier.Status.BROKEN, 40, 4, 41L, "witness-truncated", 40L, 40L, 0, 4, 40L));
		assertThat(check.check().problems()).singleElement().asString()
			.contains("broken at event 41 (witness-truncated)", "a witness newer than the backup?");
	}

	private void given(CaseInventory.Inventory caseCount, Vault.Inventory personCount, ChainVerifier.Result chain) {
		when(cases.inventory()).thenReturn(caseCount);
		when(vault.inventory()).thenReturn(personCount);
		when(trail.verify()).thenReturn(chain);
		when(trail.witness()).thenReturn("/restore/audit-witness/checkpoints.jsonl (loive.audit.witness.directory, "
				+ "LOIVE_AUDIT_WITNESS_DIRECTORY)");
	}

	private String printed(RestoreCheck.Report report) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		check.print(report, new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}
}
