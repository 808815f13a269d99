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
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's key file: the key-encryption keyset (AES-256-GCM), the blind-index keyset (HMAC-SHA256)
 * and the audit checkpoints' signing keyset (Ed25519), each a Tink keyset encrypted under the master key.
 * Comes from a file, which rotation rewrites atomically, or from an environment variable, which is read only.
 * Every node of a cluster opens the same file: a node sees a rotation another node wrote (the file replaced) at its
 * next use of the keys, and rotations of two nodes take turns under a file lock, each starting from the file as the
 * other left it, so that no key-encryption key one node added is lost by the other's rewrite.
 */
class VaultKeyFile implements KeyEncryptionKeys {

	static final String FORMAT = "loive-vault-keys/1";
	private static final byte[] KEK_CONTEXT = "loive/key-encryption-keyset".getBytes(StandardCharsets.UTF_8);
	private static final byte[] INDEX_CONTEXT = "loive/blind-index-keyset".getBytes(StandardCharsets.UTF_8);
	private static final byte[] SIGNING_CONTEXT = "loive/audit-signing-keyset".getBytes(StandardCharsets.UTF_8);
	private static final String AUDIT_SIGNING = "auditSigning";
	private static final ObjectMapper JSON = new ObjectMapper();
	/** One holder of a key file's lock per JVM: a second FileLock on it from this JVM would be refused. */
	private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

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
	/** The file's identity and modification time when {@link #keyEncryption} was read from it. */
	private volatile String loadedVersion;
	private final List<String> created = new ArrayList<>();

	private VaultKeyFile(Aead master, Path file, String content) {
		this.master = master;
		this.file = file;
		try {
			JsonNode keys = JSON.readTree(content);
			if (!FORMAT.equals(keys.path("format").asText())) {
				throw new VaultKeysUnavailableException("tệp khóa không đúng định dạng / not a key file of format " + FORMAT);
			}
			this.keyEncryption = keyEncryption(keys, master);
			this.loadedVersion = file == null ? null : version(file);
			this.blindIndexKeyset = keys.get("blindIndex").toString();
			this.blindIndex = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(blindIndexKeyset, master, INDEX_CONTEXT)
				.getPrimitive(RegistryConfiguration.get(), Mac.class);
			this.auditSigningKeyset = keys.get(AUDIT_SIGNING).toString();
			this.auditSigning = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(auditSigningKeyset, master, SIGNING_CONTEXT);
		}
		catch (GeneralSecurityException e) {
			String which = file == null ? "LOIVE_VAULT_KEYS" : file + " (loive.vault.keys-file, LOIVE_VAULT_KEYS_FILE)";
			throw new VaultKeysUnavailableException("khóa chủ (LOIVE_VAULT_MASTER_KEY) không mở được tệp khóa " + which
					+ " (sai khóa chủ hoặc tệp bị sửa) / the master key (loive.vault.master-key, LOIVE_VAULT_MASTER_KEY) does "
					+ "not open the key file " + which + " (wrong master key or altered file)", e);
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
				throw new VaultKeysUnavailableException("không có tệp khóa " + file + " / the key file " + file
						+ " does not exist (loive.vault.keys-file, LOIVE_VAULT_KEYS_FILE)");
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
		KeysetHandle keyset = current();
		return new Wrapper(Integer.toUnsignedLong(keyset.getPrimary().getId()), primitive(keyset));
	}

	@Override
	public Aead unwrapping() {
		return primitive(current());
	}

	/** The key-encryption keyset as the file now holds it: read again when another node replaced the file. */
	private KeysetHandle current() {
		if (file != null && !version(file).equals(loadedVersion)) {
			synchronized (this) {
				String version = version(file);
				if (!version.equals(loadedVersion)) {
					try {
						keyEncryption = keyEncryption(JSON.readTree(read(file)), master);
						loadedVersion = version;
					}
					catch (GeneralSecurityException | IOException | NullPointerException e) {
						throw new VaultKeysUnavailableException("tệp khóa không đọc được / the key file cannot be read", e);
					}
				}
			}
		}
		return keyEncryption;
	}

	private static KeysetHandle keyEncryption(JsonNode keys, Aead master) throws GeneralSecurityException, IOException {
		return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(keys.get("keyEncryption").toString(), master, KEK_CONTEXT);
	}

	/** The file's inode and modification time: an atomic replacement changes both. */
	private static String version(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return attributes.fileKey() + "@" + attributes.lastModifiedTime().toMillis() + "/" + attributes.size();
		}
		catch (IOException e) {
			throw new VaultKeysUnavailableException("tệp khóa không đọc được / the key file cannot be read: " + file, e);
		}
	}

	/** Runs a change of the key file alone among the nodes sharing it, starting from the file as it now is. */
	private <T> T exclusively(java.util.function.Supplier<T> change) {
		if (file == null) {
			throw new KeysReadOnlyException();
		}
		Path lockFile = file.toAbsolutePath().resolveSibling(file.getFileName() + ".lock");
		synchronized (LOCKS.computeIfAbsent(lockFile, path -> new Object())) {
			try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					FileLock lock = channel.lock()) {
				current();
				return change.get();
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot lock the key file " + file, e);
			}
		}
	}

	@Override
	public synchronized long rotate() {
		return exclusively(() -> {
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
		});
	}

	@Override
	public synchronized void retireAllBut(long keyId) {
		exclusively(() -> {
			try {
				KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyEncryption);
				for (int i = 0; i < builder.size(); i++) {
					if (Integer.toUnsignedLong(keyEncryption.getAt(i).getId()) != keyId) {
						builder.getAt(i).setStatus(KeyStatus.DISABLED);
					}
				}
				save(builder.build());
				return null;
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException("cannot retire key-encryption keys", e);
			}
		});
	}

	@Override
	public List<KeyInfo> keys() {
		KeysetHandle keyset = current();
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
		loadedVersion = version(file);
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
