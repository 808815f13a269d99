package org.loive.reporting;

import org.loive.access.Officer;
import org.loive.platform.web.PageController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.stream.Collectors;

/**
 * The anonymised research export from the reports page. What the anonymisation did goes with the file in headers
 * (rows kept, rows dropped, k, the level of each hierarchy), so that the CSV holds the data rows only.
 */
@PageController
class ResearchExportPages {

	private final ResearchExport research;

	ResearchExportPages(ResearchExport research) {
		this.research = research;
	}

	@GetMapping("/reports/research-export.csv")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String scope, Officer officer) {
		return download(research.export(officer, ResearchExport.Scope.parse(scope)));
	}

	static ResponseEntity<byte[]> download(ResearchExport.Result result) {
		ResponseEntity<byte[]> file = ReportPages.download(result.export());
		return ResponseEntity.status(file.getStatusCode())
			.headers(file.getHeaders())
			.header("X-Loive-K", Integer.toString(result.k()))
			.header("X-Loive-Rows", Integer.toString(result.rows()))
			.header("X-Loive-Suppressed-Rows", Integer.toString(result.suppressed()))
			.header("X-Loive-Generalisation", result.levels().entrySet().stream()
				.map(level -> level.getKey() + "=" + level.getValue())
				.collect(Collectors.joining(", ")))
			.body(file.getBody());
	}
}
