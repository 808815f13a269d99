package org.loive.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.HmacParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.util.SecretBytes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The application's key file: the key-encryption keyset (AES-256-GCM), the blind-index keyset (HMAC-SHA256)
 * and the audit checkpoints' signing keyset (Ed25519), each a Tink keyset encrypted under the master key.
 * Comes from a file, which rotation rewrites atomically, or from an environment variable, which is read only.
 */
class VaultKeyFile implements KeyEncryptionKeys {

	static final String FORMAT = "loive-vault-keys/1";
	private static final byte[] KEK_CONTEXT = "loive/key-encryption-keyset".getBytes(StandardCharsets.UTF_8);
	private static final byte[] INDEX_CONTEXT = "loive/blind-index-keyset".getBytes(StandardCharsets.UTF_8);
	private static final byte[] SIGNING_CONTEXT = "loive/audit-signing-keyset".getBytes(StandardCharsets.UTF_8);
	private static final String AUDIT_SIGNING = "auditSigning";
	private static final ObjectMapper JSON = new ObjectMapper();

	static {
		try {
			AeadConfig.register();
			MacConfig.register();
			SignatureConfig.register();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Tink cannot register AEAD and MAC", e);
		}
	}

	private final Aead master;
	private final Path file;
	private final Mac blindIndex;
	private final String blindIndexKeyset;
	private final String auditSigningKeyset;
	private final KeysetHandle auditSigning;
	private volatile KeysetHandle keyEncryption;
	private final List<String> created = new ArrayList<>();

	private VaultKeyFile(Aead master, Path file, String content) {
		this.master = master;
		this.file = file;
		try {
			JsonNode keys = JSON.readTree(content);
			if (!FORMAT.equals(keys.path("format").asText())) {
				throw new VaultKeysUnavailableException("tệp khóa không đúng định dạng / not a key file of format " + FORMAT);
			}
			this.keyEncryption = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(keys.get("keyEncryption").toString(),
					master, KEK_CONTEXT);
			this.blindIndexKeyset = keys.get("blindIndex").toString();
			this.blindIndex = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(blindIndexKeyset, master, INDEX_CONTEXT)
				.getPrimitive(RegistryConfiguration.get(), Mac.class);
			this.auditSigningKeyset = keys.get(AUDIT_SIGNING).toString();
			this.auditSigning = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(auditSigningKeyset, master, SIGNING_CONTEXT);
		}
		catch (GeneralSecurityException e) {
			throw new VaultKeysUnavailableException(
					"khóa chủ không mở được tệp khóa (sai khóa chủ hoặc tệp bị sửa) / the master key does not open the key file (wrong master key or altered file)", e);
		}
		catch (IOException | NullPointerException e) {
			throw new VaultKeysUnavailableException("tệp khóa không đọc được / the key file cannot be read", e);
		}
	}

	/** Opens the keys the properties name, creating the file first where that is allowed (dev runs). */
	static VaultKeyFile open(VaultProperties properties) {
		Aead master = master(properties.masterKey());
		if (properties.keysFromEnvironment()) {
			if (!hasAuditSigningKey(properties.keys())) {
				throw new VaultKeysUnavailableException("LOIVE_VAULT_KEYS thiếu khóa ký nhật ký kiểm toán, hãy lấy lại từ tệp khóa / "
						+ "LOIVE_VAULT_KEYS lacks the audit signing key: take it again from a key file opened once by the application");
			}
			return new VaultKeyFile(master, null, properties.keys());
		}
		Path file = properties.keysFile();
		if (file == null) {
			throw new VaultKeysUnavailableException("chưa cấu hình tệp khóa / no key file configured (loive.vault.keys-file)");
		}
		if (!Files.exists(file)) {
			if (!properties.createKeysIfMissing()) {
				throw new VaultKeysUnavailableException("không có tệp khóa / the key file does not exist: " + file);
			}
			write(file, generate(master));
			return new VaultKeyFile(master, file, read(file)).created("key-file-created");
		}
		String content = read(file);
		if (!hasAuditSigningKey(content)) {
			write(file, withAuditSigningKey(content, master));
			return new VaultKeyFile(master, file, read(file)).created("audit-signing-key-added");
		}
		return new VaultKeyFile(master, file, content);
	}

	/** A new key file's content: one key-encryption key and one blind-index key, encrypted under the master key. */
	static String generate(Aead master) {
		try {
			KeysetHandle kek = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			KeysetHandle index = KeysetHandle.generateNew(HmacParameters.builder()
				.setKeySizeBytes(32)
				.setTagSizeBytes(32)
				.setHashType(HmacParameters.HashType.SHA256)
				.setVariant(HmacParameters.Variant.NO_PREFIX)
				.build());
			ObjectNode keys = JSON.createObjectNode();
			keys.put("format", FORMAT);
			keys.set("keyEncryption", JSON.readTree(TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(kek, master, KEK_CONTEXT)));
			keys.set("blindIndex", JSON.readTree(TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(index, master, INDEX_CONTEXT)));
			keys.set(AUDIT_SIGNING, newAuditSigningKey(master));
			return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(keys);
		}
		catch (GeneralSecurityException | IOException e) {
			throw new IllegalStateException("cannot generate vault keys", e);
		}
	}

	/** An Ed25519 keyset that signs the audit trail's checkpoints, encrypted under the master key. */
	private static JsonNode newAuditSigningKey(Aead master) throws GeneralSecurityException, IOException {
		KeysetHandle signing = KeysetHandle.generateNew(Ed25519Parameters.create(Ed25519Parameters.Variant.NO_PREFIX));
		return JSON.readTree(TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(signing, master, SIGNING_CONTEXT));
	}

	static boolean hasAuditSigningKey(String content) {
		try {
			return JSON.readTree(content).has(AUDIT_SIGNING);
		}
		catch (IOException e) {
			throw new VaultKeysUnavailableException("tệp khóa không đọc được / the key file cannot be read", e);
		}
	}

	/** Key files written before the audit trail get its signing key on their first start. */
	private static String withAuditSigningKey(String content, Aead master) {
		try {
			ObjectNode keys = (ObjectNode) JSON.readTree(content);
			keys.set(AUDIT_SIGNING, newAuditSigningKey(master));
			return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(keys);
		}
		catch (GeneralSecurityException | IOException | ClassCastException e) {
			throw new VaultKeysUnavailableException("tệp khóa không đọc được / the key file cannot be read", e);
		}
	}

	/** The master key as an AEAD: base64 of exactly 32 bytes, nothing weaker. */
	static Aead master(String base64) {
		if (base64 == null || base64.isBlank()) {
			throw new VaultKeysUnavailableException("chưa cấu hình khóa chủ / no master key configured (loive.vault.master-key)");
		}
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException e) {
			throw new VaultKeysUnavailableException("khóa chủ không phải base64 / the master key is not base64");
		}
		if (raw.length != 32) {
			throw new VaultKeysUnavailableException("khóa chủ phải dài đúng 32 byte / the master key must be exactly 32 bytes");
		}
		try {
			AesGcmKey key = AesGcmKey.builder()
				.setParameters(AesGcmParameters.builder()
					.setKeySizeBytes(32)
					.setIvSizeBytes(12)
					.setTagSizeBytes(16)
					.setVariant(AesGcmParameters.Variant.NO_PREFIX)
					.build())
				.setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
				.build();
			return KeysetHandle.newBuilder()
				.addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
				.build()
				.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException e) {
			throw new VaultKeysUnavailableException("khóa chủ không dùng được / the master key cannot be used", e);
		}
	}

	Mac blindIndex() {
		return blindIndex;
	}

	/** What this start created, for the audit trail once it runs. */
	List<String> created() {
		return List.copyOf(created);
	}

	private VaultKeyFile created(String what) {
		created.add(what);
		return this;
	}

	KeysetHandle auditSigning() {
		return auditSigning;
	}

	@Override
	public Wrapper primary() {
		KeysetHandle keyset = keyEncryption;
		return new Wrapper(Integer.toUnsignedLong(keyset.getPrimary().getId()), primitive(keyset));
	}

	@Override
	public Aead unwrapping() {
		return primitive(keyEncryption);
	}

	@Override
	public synchronized long rotate() {
		try {
			KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyEncryption);
			builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
				.withRandomId()
				.makePrimary());
			KeysetHandle rotated = builder.build();
			save(rotated);
			return Integer.toUnsignedLong(rotated.getPrimary().getId());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot add a key-encryption key", e);
		}
	}

	@Override
	public synchronized void retireAllBut(long keyId) {
		try {
			KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyEncryption);
			for (int i = 0; i < builder.size(); i++) {
				if (Integer.toUnsignedLong(keyEncryption.getAt(i).getId()) != keyId) {
					builder.getAt(i).setStatus(KeyStatus.DISABLED);
				}
			}
			save(builder.build());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot retire key-encryption keys", e);
		}
	}

	@Override
	public List<KeyInfo> keys() {
		KeysetHandle keyset = keyEncryption;
		List<KeyInfo> keys = new ArrayList<>();
		for (int i = 0; i < keyset.size(); i++) {
			KeysetHandle.Entry entry = keyset.getAt(i);
			keys.add(new KeyInfo(Integer.toUnsignedLong(entry.getId()), entry.getStatus().toString(), entry.isPrimary()));
		}
		return keys;
	}

	boolean writable() {
		return file != null;
	}

	/** The new keyset goes to disk before it is used, so no data key is wrapped by a key the file lacks. */
	private void save(KeysetHandle rotated) throws GeneralSecurityException {
		if (file == null) {
			throw new KeysReadOnlyException();
		}
		try {
			ObjectNode keys = JSON.createObjectNode();
			keys.put("format", FORMAT);
			keys.set("keyEncryption", JSON.readTree(TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(rotated, master, KEK_CONTEXT)));
			keys.set("blindIndex", JSON.readTree(blindIndexKeyset));
			keys.set(AUDIT_SIGNING, JSON.readTree(auditSigningKeyset));
			write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(keys));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the key file", e);
		}
		keyEncryption = rotated;
	}

	private static Aead primitive(KeysetHandle keyset) {
		try {
			return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("key-encryption keyset unusable", e);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new VaultKeysUnavailableException("tệp khóa không đọc được / the key file cannot be read: " + file, e);
		}
	}

	/** Written beside the target and moved over it, so a crash never leaves half a key file. */
	static void write(Path file, String content) {
		try {
			Path directory = file.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			Path temporary = Files.createTempFile(directory, ".keys", ".tmp");
			Files.writeString(temporary, content);
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the key file " + file, e);
		}
	}

	/** Keys given through an environment variable cannot be rotated by the application. */
	static class KeysReadOnlyException extends IllegalStateException {

		KeysReadOnlyException() {
			super("the vault keys come from an environment variable and cannot be rotated here");
		}
	}
}
