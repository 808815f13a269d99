package org.loive.reporting;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loive.platform.Text;

/**
 * What a supervisor adds to a report when submitting it: the document's number, who signs, why a new version
 * corrects the last, and that they reviewed it. The page's form and the API's body alike.
 */
@Schema(name = "ReportSubmission", description = "Gửi một báo cáo / Submitting a report")
record SubmissionForm(
		@Schema(description = "Số văn bản / The document's number", example = "15/BC-BCĐ")
		@Size(max = 64, message = "validation.report.document-no")
		@Pattern(regexp = "[\\p{L}\\p{N} ./\\-]*", message = "validation.report.document-no") String documentNo,
		@Schema(description = "Người ký / Who signs", example = "Nguyễn Văn A")
		@NotNull(message = "validation.required") @Size(min = 2, max = 100, message = "validation.report.signer")
		String signerName,
		@Schema(description = "Lý do sửa đổi, bắt buộc từ phiên bản 2 / Why this version corrects the last, from version 2")
		@Size(max = 1000, message = "validation.report.reason") String reason,
		@Schema(description = "Đã rà soát; bản gửi không sửa được / Reviewed; a submission cannot be changed")
		@NotNull(message = "validation.report.confirm") @AssertTrue(message = "validation.report.confirm") Boolean confirmed) {

	SubmissionForm {
		documentNo = blankToNull(documentNo);
		signerName = blankToNull(signerName);
		reason = blankToNull(reason);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : Text.nfc(text.strip());
	}
}
