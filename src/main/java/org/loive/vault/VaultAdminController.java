package org.loive.vault;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.loive.access.Officer;
import org.loive.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/admin/vault")
@Tag(name = "Quản trị kho dữ liệu / Vault administration", description = "Khóa và xoay vòng khóa / Keys and key rotation")
class VaultAdminController {

	private final VaultKeyFile keys;
	private final KeyRotations rotations;

	VaultAdminController(VaultKeyFile keys, KeyRotations rotations) {
		this.keys = keys;
		this.rotations = rotations;
	}

	@GetMapping("/keys")
	@Operation(summary = "Các khóa mã hóa khóa, không có vật liệu khóa / Key-encryption keys, without key material")
	List<KeyEncryptionKeys.KeyInfo> keys() {
		return keys.keys();
	}

	@PostMapping("/key-rotations")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Xoay vòng khóa: khóa mới, bọc lại mọi khóa dữ liệu ở nền / Rotate: new key, re-wrap every data key in the background")
	KeyRotations.Rotation rotate(@Parameter(hidden = true) Officer officer) {
		return rotations.start(officer.actor());
	}

	@GetMapping("/key-rotations")
	@Operation(summary = "Các lần xoay vòng khóa gần đây / Recent key rotations")
	List<KeyRotations.Rotation> rotations() {
		return rotations.all();
	}

	@GetMapping("/key-rotations/{rotationId}")
	@Operation(summary = "Tiến độ một lần xoay vòng / A rotation's progress")
	KeyRotations.Rotation rotation(@PathVariable long rotationId) {
		return rotations.find(rotationId).orElseThrow(() -> ApiException.notFound("vault.rotation-not-found", rotationId));
	}
}
