package org.loive.access;

import jakarta.servlet.http.HttpServletResponse;
import org.loive.platform.Problems;
import org.loive.platform.web.PageController;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * The administrator's page of administrative units: what the table holds, an upload of the official list as
 * CSV, the preview of what it adds and changes (or its wrong lines), then the import as the API does it.
 */
@PageController
class AdministrativeUnitPages {

	/** A wrong line as the page lists it. */
	record LineProblem(int line, String column, String message) {
	}

	/**
	 * The confirmation after an import, carried over the redirect in the session: the counts only, since a session
	 * is serialised to PostgreSQL (Spring Session JDBC) and read by whichever node serves the next request.
	 */
	record Imported(long added, long changed, long unchanged) implements Serializable {
	}

	private final AdministrativeUnits units;
	private final UnitImports imports;
	private final Problems problems;

	AdministrativeUnitPages(AdministrativeUnits units, UnitImports imports, Problems problems) {
		this.units = units;
		this.imports = imports;
		this.problems = problems;
	}

	@GetMapping("/admin/administrative-units")
	String page(Model model) {
		model.addAttribute("counts", imports.counts()).addAttribute("provinces", units.provinces());
		return "access/administrative-units";
	}

	@PostMapping("/admin/administrative-units/preview")
	String preview(@RequestParam("file") MultipartFile file, Model model, HttpServletResponse response) {
		byte[] csv = bytes(file);
		try {
			model.addAttribute("preview", imports.preview(csv)).addAttribute("csv", Base64.getEncoder().encodeToString(csv));
		}
		catch (UnitImports.UnitsRefused refused) {
			refuse(refused, model, response);
		}
		return page(model);
	}

	/** The file previewed, sent back by the page as base64 so its bytes are those previewed. */
	@PostMapping("/admin/administrative-units/import")
	String apply(@RequestParam("csv") String encoded, Officer officer, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		byte[] csv;
		try {
			csv = Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problems", List.of(new LineProblem(0, null, problems.message("units.csv.malformed"))));
			return page(model);
		}
		try {
			UnitImports.Result result = imports.apply(csv, officer);
			redirect.addFlashAttribute("imported", new Imported(result.added(), result.changed(), result.unchanged()));
			return "redirect:/admin/administrative-units";
		}
		catch (UnitImports.UnitsRefused refused) {
			refuse(refused, model, response);
			return page(model);
		}
	}

	private void refuse(UnitImports.UnitsRefused refused, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("problems", refused.errors().stream()
			.map(error -> new LineProblem(error.line(), error.column(), problems.message(error.messageKey())))
			.toList());
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
