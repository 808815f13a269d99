package org.loive.audit;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.SignatureConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical form as docs/audit.md defines it, checked against hashes computed by another tool
 * ({@code python3 -c 'import hashlib; print(hashlib.sha256(form.encode()).hexdigest())'}), and the
 * verifier's verdict on each kind of damage, without a database.
 */
class AuditChainTest {

	private static final String READ_FORM = """
			["loive-audit/1",7,"2026-12-02T04:16:38.000120Z","police.qng","police","caseworker","PERSON_READ",\
			"0b6f1d2c-1f7e-4c55-9d57-2f8f1a3b9c10","5d0c6f1e-8a2b-4c3d-9e4f-1a2b3c4d5e6f","identity",\
			"task:42;identity:law","10.0.0.7","SUCCESS",false,\
			"0000000000000000000000000000000000000000000000000000000000000000"]""";

	@Test
	void theCanonicalFormAndItsHashAreThoseOfTheDocumentation() {
		AuditRecord read = new AuditRecord(7, Instant.parse("2026-12-02T04:16:38.000120Z"), "police.qng", "police",
				"caseworker", "PERSON_READ", "0b6f1d2c-1f7e-4c55-9d57-2f8f1a3b9c10", "5d0c6f1e-8a2b-4c3d-9e4f-1a2b3c4d5e6f",
				"identity", "task:42;identity:law", "10.0.0.7", "SUCCESS", false, null);
		assertThat(new String(AuditChain.canonical(read, AuditChain.GENESIS), StandardCharsets.UTF_8)).isEqualTo(READ_FORM);
		assertThat(AuditChain.hash(read, AuditChain.GENESIS))
			.isEqualTo("cc318f559448b82fe73a8954ccf9e7a311850e82e966bfc5abc94b9f847aa31b");

		AuditRecord odd = new AuditRecord(8, Instant.parse("2026-12-02T04:16:39Z"), "a\"b\nệ", null, null, "LOGIN", null,
				null, null, null, null, "FAILED", true, null);
		assertThat(AuditChain.hash(odd, "f".repeat(64)))
			.as("quotes, newlines, Vietnamese letters, nulls, whole seconds")
			.isEqualTo("577277903ff43341042dc2932d1232c888fc9fccfbc49eff03041bd395d21c09");
	}

	@Test
	void theVerifierNamesTheFirstBadSequenceForEachKindOfDamage() throws Exception {
		SignatureConfig.register();
		KeysetHandle key = KeysetHandle.generateNew(Ed25519Parameters.create(Ed25519Parameters.Variant.NO_PREFIX));
		PublicKeySign signer = key.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
		ChainVerifier verifier = new ChainVerifier(key.getPublicKeysetHandle()
			.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class));
		List<AuditRecord> chain = chain(10);
		AuditCheckpoint at8 = checkpoint(signer, chain.get(7));

		assertThat(verifier.verify(chain.iterator(), Map.of(8L, at8), 1, AuditChain.GENESIS).intact()).isTrue();
		assertBroken(verifier.verify(without(chain, 4).iterator(), Map.of(), 1, AuditChain.GENESIS), 4, "missing");
		assertBroken(verifier.verify(changed(chain, 3).iterator(), Map.of(), 1, AuditChain.GENESIS), 3, "hash");
		assertBroken(verifier.verify(chain.subList(0, 6).iterator(), Map.of(8L, at8), 1, AuditChain.GENESIS), 7, "truncated");
		AuditCheckpoint forged = new AuditCheckpoint(8, at8.hash(), at8.signedAt().plusSeconds(1), at8.signature());
		assertBroken(verifier.verify(chain.iterator(), Map.of(8L, forged), 1, AuditChain.GENESIS), 8, "checkpoint");
		List<AuditRecord> rechained = rechainedFrom(changed(chain, 5), 5);
		assertBroken(verifier.verify(rechained.iterator(), Map.of(8L, at8), 1, AuditChain.GENESIS), 8, "checkpoint");
		assertThat(verifier.verify(chain.subList(5, 10).iterator(), Map.of(8L, at8), 6, chain.get(4).hash()).intact())
			.as("a range verifies from the hash before it").isTrue();
	}

	@Test
	void theWitnessNamesWhatTheDatabaseLostTogetherWithItsOwnCheckpoints() throws Exception {
		SignatureConfig.register();
		KeysetHandle key = KeysetHandle.generateNew(Ed25519Parameters.create(Ed25519Parameters.Variant.NO_PREFIX));
		PublicKeySign signer = key.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
		ChainVerifier verifier = new ChainVerifier(key.getPublicKeysetHandle()
			.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class));
		List<AuditRecord> chain = chain(10);
		AuditCheckpoint at8 = checkpoint(signer, chain.get(7));
		List<AuditCheckpoint> witness = List.of(checkpoint(signer, chain.get(2)), at8);

		ChainVerifier.Result intact = verifier.verify(chain.iterator(), List.of(witness.get(0), at8).iterator(),
				witness.iterator(), 1, AuditChain.GENESIS);
		assertThat(intact.intact()).isTrue();
		assertThat(intact.witnessChecked()).isEqualTo(2);
		assertThat(intact.lastWitnessSeq()).isEqualTo(8);
		assertThat(verifier.verify(chain.subList(0, 7).iterator(), List.<AuditCheckpoint>of().iterator(),
				List.<AuditCheckpoint>of().iterator(), 1, AuditChain.GENESIS).intact())
			.as("without the witness, the tail and its checkpoint deleted leave a chain that verifies").isTrue();

		assertBroken(verifier.verify(chain.subList(0, 7).iterator(), List.of(witness.get(0)).iterator(),
				witness.iterator(), 1, AuditChain.GENESIS), 8, "witness-truncated");
		assertBroken(verifier.verify(chain.iterator(), List.of(witness.get(0)).iterator(), witness.iterator(), 1,
				AuditChain.GENESIS), 8, "witness-missing");
		List<AuditRecord> rechained = rechainedFrom(changed(chain, 5), 5);
		AuditCheckpoint resigned = checkpoint(signer, rechained.get(7));
		assertBroken(verifier.verify(rechained.iterator(), List.of(witness.get(0), resigned).iterator(), witness.iterator(),
				1, AuditChain.GENESIS), 8, "witness-hash");
		AuditCheckpoint forged = new AuditCheckpoint(8, at8.hash(), at8.signedAt().plusSeconds(1), at8.signature());
		assertBroken(verifier.verify(chain.iterator(), List.of(at8).iterator(), List.of(forged).iterator(), 1,
				AuditChain.GENESIS), 8, "witness-signature");
		AuditCheckpoint later = checkpoint(signer, chain.get(7), Instant.parse("2026-12-02T02:00:00Z"));
		assertThat(verifier.verify(chain.iterator(), List.of(later).iterator(), List.of(at8).iterator(), 1,
				AuditChain.GENESIS).intact()).as("the same hash signed again at another time").isTrue();
		assertThat(verifier.verify(chain.subList(5, 10).iterator(), List.of(at8).iterator(), witness.iterator(), 6,
				chain.get(4).hash()).witnessChecked()).as("a range passes over what the witness holds before it").isEqualTo(1);
	}

	private static void assertBroken(ChainVerifier.Result result, long seq, String reason) {
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(seq);
		assertThat(result.reason()).isEqualTo(reason);
	}

	private static List<AuditRecord> chain(int length) {
		List<AuditRecord> chain = new ArrayList<>();
		String previous = AuditChain.GENESIS;
		for (int seq = 1; seq <= length; seq++) {
			AuditRecord event = event(seq, "officer-" + seq, null);
			previous = AuditChain.hash(event, previous);
			chain.add(event(seq, event.username(), previous));
		}
		return chain;
	}

	private static AuditRecord event(long seq, String user, String hash) {
		return new AuditRecord(seq, Instant.parse("2026-12-02T00:00:00Z").plusSeconds(seq), user, "police", "caseworker",
				"PERSON_READ", null, null, "identity", null, null, "SUCCESS", false, hash);
	}

	private static List<AuditRecord> without(List<AuditRecord> chain, long seq) {
		return chain.stream().filter(event -> event.seq() != seq).toList();
	}

	private static List<AuditRecord> changed(List<AuditRecord> chain, long seq) {
		return chain.stream().map(e -> e.seq() == seq ? event(seq, "someone-else", e.hash()) : e).toList();
	}

	/** Every hash from {@code seq} on recomputed to match: only a signed checkpoint still tells. */
	private static List<AuditRecord> rechainedFrom(List<AuditRecord> chain, long seq) {
		List<AuditRecord> rechained = new ArrayList<>(chain.subList(0, (int) seq - 1));
		String previous = chain.get((int) seq - 2).hash();
		for (AuditRecord event : chain.subList((int) seq - 1, chain.size())) {
			previous = AuditChain.hash(event, previous);
			rechained.add(event(event.seq(), event.username(), previous));
		}
		return rechained;
	}

	private static AuditCheckpoint checkpoint(PublicKeySign signer, AuditRecord event) throws Exception {
		return checkpoint(signer, event, Instant.parse("2026-12-02T01:00:00Z"));
	}

	private static AuditCheckpoint checkpoint(PublicKeySign signer, AuditRecord event, Instant at) throws Exception {
		return new AuditCheckpoint(event.seq(), event.hash(),
				at, Base64.getEncoder().encodeToString(signer.sign(AuditChain.checkpointStatement(event.seq(), event.hash(), at))));
	}
}
