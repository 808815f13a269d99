package org.loive.cases;

import io.swagger.v3.oas.annotations.media.Schema;
import org.loive.workflow.ReturnMode;
import org.loive.workflow.ExploitationForm;

import java.util.List;

/**
 * The facts of a case the reports count, as intake recorded them: codes only, never personal data. Lists are
 * empty, not null, when nothing was recorded.
 */
@Schema(description = "Thông tin thống kê của hồ sơ, chỉ gồm mã / The case's facts for the reports, codes only")
record IntakeFacts(
		@Schema(description = "Loại tin: tố giác, tin báo, kiến nghị khởi tố, người trở về, khác / Kind of report")
		ReportKind reportKind,
		@Schema(description = "Số tổng đài, khi kênh là tổng đài khác / Hotline number, for another hotline",
				example = "18001567")
		String hotlineNumber,
		@Schema(description = "Cách trở về từ nước ngoài / How the person came back from abroad")
		ReturnMode returnMode,
		@Schema(description = "Mua bán trong nước hay xuyên biên giới / Domestic or cross-border")
		TraffickingScope traffickingScope,
		@Schema(description = "Các hình thức bóc lột / Forms of exploitation")
		List<ExploitationForm> exploitationForms,
		@Schema(description = "Nguyên nhân bị mua bán / How the person came to be trafficked")
		List<RecruitmentContext> recruitmentContexts,
		@Schema(description = "Nước đến, ISO 3166-1 alpha-2 / Destination country", example = "KH")
		String destinationCountry,
		@Schema(description = "Nơi cư trú của người được báo tin: mã tỉnh, có thể kèm mã xã / The person's province and commune of residence",
				example = "QNG-12345")
		String residenceArea) {

	IntakeFacts {
		exploitationForms = exploitationForms == null ? List.of() : List.copyOf(exploitationForms);
		recruitmentContexts = recruitmentContexts == null ? List.of() : List.copyOf(recruitmentContexts);
	}
}
