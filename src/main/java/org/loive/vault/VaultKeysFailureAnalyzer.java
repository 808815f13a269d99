package org.loive.vault;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a start without vault keys into a clear "what happened, what to do" for the operator. */
class VaultKeysFailureAnalyzer extends AbstractFailureAnalyzer<VaultKeysUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, VaultKeysUnavailableException cause) {
		return new FailureAnalysis(
				"Kho dữ liệu nạn nhân không mở được khóa / The victim vault cannot open its keys: " + cause.getMessage(),
				"""
						Đặt LOIVE_VAULT_MASTER_KEY (base64 của 32 byte ngẫu nhiên, nên để dạng ENC(...) của Jasypt) và \
						LOIVE_VAULT_KEYS_FILE (tệp khóa) hoặc LOIVE_VAULT_KEYS (nội dung tệp khóa). Tạo tệp khóa mới: \
						java -cp loive.jar -Dloader.main=org.loive.vault.VaultKeysCommand \
						org.springframework.boot.loader.launch.PropertiesLauncher new-keys <tệp>, chỉ cho cơ sở dữ liệu mới: cơ sở dữ liệu đã \
						có dữ liệu cần đúng tệp khóa đã sao lưu cùng nó, tệp khóa mới không mở được gì đã lưu \
						(docs/backup-restore.md). Xem README, mục "Kho dữ liệu".
						Set LOIVE_VAULT_MASTER_KEY (base64 of 32 random bytes, preferably as Jasypt ENC(...)) and \
						LOIVE_VAULT_KEYS_FILE (the key file) or LOIVE_VAULT_KEYS (its content). To create a key file, run the \
						command above with new-keys <file>, for a new database only: a database with data needs the key file backed up \
						with it, a new key file opens nothing stored (docs/backup-restore.md). See README, section "Vault".""",
				cause);
	}
}
