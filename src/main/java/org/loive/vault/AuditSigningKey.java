package org.loive.vault;

import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import org.loive.audit.CheckpointSigner;
import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;

/** The audit checkpoints' Ed25519 key, kept in the key file with the vault's keys. */
@Component
class AuditSigningKey implements CheckpointSigner {

	private final PublicKeySign signer;
	private final PublicKeyVerify verifier;
	private final String publicKeyset;

	AuditSigningKey(VaultKeyFile keys) {
		try {
			this.signer = keys.auditSigning().getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
			var publicKeys = keys.auditSigning().getPublicKeysetHandle();
			this.verifier = publicKeys.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
			this.publicKeyset = TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(publicKeys);
		}
		catch (GeneralSecurityException e) {
			throw new VaultKeysUnavailableException("khóa ký nhật ký kiểm toán không dùng được / the audit signing key cannot be used", e);
		}
	}

	@Override
	public byte[] sign(byte[] statement) {
		try {
			return signer.sign(statement);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot sign an audit checkpoint", e);
		}
	}

	@Override
	public String publicKeyset() {
		return publicKeyset;
	}

	@Override
	public PublicKeyVerify verifier() {
		return verifier;
	}
}
