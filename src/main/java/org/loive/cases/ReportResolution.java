package org.loive.cases;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/**
 * How the report was resolved (kết quả giải quyết tố giác, tin báo, kiến nghị khởi tố), as the police or the
 * border guard decided it: the plans' target counts reports resolved.
 */
@Schema(name = "ReportResolution", description = "Kết quả giải quyết tin báo / How the report was resolved")
record ReportResolution(ReportDecision outcome, LocalDate decidedOn, String recordedBy) {

	/** The decisions the Criminal Procedure Code allows on a report. */
	enum ReportDecision { INITIATED, NOT_INITIATED, SUSPENDED, REFERRED, MERGED }
}
