package org.loive.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.loive.access.Officer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The anonymised research export through the API: the same CSV as the reports page gives. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Báo cáo / Reports")
class ResearchExportController {

	private final ResearchExport research;

	ResearchExportController(ResearchExport research) {
		this.research = research;
	}

	@GetMapping("/research-export")
	@Operation(summary = "Dữ liệu nghiên cứu ẩn danh theo tên trường HTCDS (CTDC), k-ẩn danh, mỗi nạn nhân một dòng; "
			+ "được ghi nhật ký / Anonymised research data with HTCDS (CTDC) field names, k-anonymous, a row per victim; "
			+ "on record")
	ResponseEntity<byte[]> export(@Parameter(description = "province (tỉnh của tôi, mặc định / my province, default) "
			+ "hoặc/or country (cả nước / the whole country)") @RequestParam(required = false) String scope,
			@Parameter(hidden = true) Officer officer) {
		return ResearchExportPages.download(research.export(officer, ResearchExport.Scope.parse(scope)));
	}
}
