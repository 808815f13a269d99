package org.loive.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/admin/administrative-units")
@Tag(name = "Đơn vị hành chính / Administrative units", description = "Danh mục tỉnh, xã và việc nhập danh mục / The list of provinces and communes, and its import")
class AdministrativeUnitController {

	private final AdministrativeUnits units;
	private final UnitImports imports;

	AdministrativeUnitController(AdministrativeUnits units, UnitImports imports) {
		this.units = units;
		this.imports = imports;
	}

	@GetMapping("/provinces")
	@Operation(summary = "Các tỉnh, thành phố đang có hiệu lực / The provinces and cities in force")
	List<AdministrativeUnits.Province> provinces() {
		return units.provinces();
	}

	@PostMapping(path = "/imports", consumes = { "text/csv", "text/plain" })
	@Operation(summary = "Nhập danh mục đơn vị hành chính (CSV, UTF-8): xem trước với dryRun, hoặc nhập; dòng sai thì không nhập gì / Import the list of administrative units (CSV, UTF-8): preview with dryRun, or import; any wrong line and nothing is imported")
	UnitImports.Result importUnits(@RequestBody byte[] csv,
			@Parameter(description = "Chỉ xem trước, không ghi / Preview only, write nothing")
			@RequestParam(defaultValue = "false") boolean dryRun, @Parameter(hidden = true) Officer officer) {
		return dryRun ? imports.preview(csv) : imports.apply(csv, officer);
	}
}
