package org.loive.vault;

import jakarta.servlet.http.HttpServletResponse;
import org.loive.access.Officer;
import org.loive.platform.ApiException;
import org.loive.platform.Problems;
import org.loive.platform.Vietnam;
import org.loive.platform.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.ZoneId;

/**
 * The administrator's pages: the key-encryption keys and their rotations, never a person's data. A refused
 * start (one already running, keys read-only) is the API's 409, shown as the error page.
 */
@PageController
class VaultPages {

	private final VaultKeyFile keys;
	private final KeyRotations rotations;
	private final Problems problems;

	VaultPages(VaultKeyFile keys, KeyRotations rotations, Problems problems) {
		this.keys = keys;
		this.rotations = rotations;
		this.problems = problems;
	}

	/** Times on the pages are Vietnam's. */
	@ModelAttribute("zone")
	ZoneId zone() {
		return Vietnam.ZONE;
	}

	@GetMapping("/admin/vault")
	String page(Model model) {
		model.addAttribute("keys", keys.keys()).addAttribute("rotations", rotations.all());
		return "vault/keys";
	}

	/** Started, the page comes back with the rotation; refused, with the API's reason in an alert. */
	@PostMapping("/admin/vault/key-rotations")
	String rotate(Officer officer, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		try {
			redirect.addFlashAttribute("started", rotations.start(officer.actor()).id());
			return "redirect:/admin/vault";
		}
		catch (ApiException refused) {
			response.setStatus(refused.status().value());
			model.addAttribute("refused", problems.message(refused.messageKey(), refused.arguments()));
			return page(model);
		}
	}

	/** A rotation's progress, the fragment the page polls while it runs. */
	@GetMapping("/admin/vault/key-rotations/{rotationId}")
	String rotation(@PathVariable long rotationId, Model model) {
		model.addAttribute("rotation",
				rotations.find(rotationId).orElseThrow(() -> ApiException.notFound("vault.rotation-not-found", rotationId)));
		return "vault/rotation :: rotation";
	}
}
