package org.loive.audit;

import com.google.crypto.tink.PublicKeyVerify;

/**
 * The key that signs checkpoints (Ed25519). The application holds the private key with its other keys;
 * the public keyset is published so that auditors verify offline. Implemented by the vault's key file.
 */
public interface CheckpointSigner {

	byte[] sign(byte[] statement);

	/** The public keyset, Tink JSON format, no secret in it. */
	String publicKeyset();

	PublicKeyVerify verifier();
}
