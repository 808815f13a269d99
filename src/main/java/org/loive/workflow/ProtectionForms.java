package org.loive.workflow;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.loive.platform.web.ShownWhen;
import org.loive.workflow.TaskForms.Decision;

import java.util.List;
import java.util.Map;

import static org.loive.workflow.TaskForms.names;
import static org.loive.workflow.TaskForms.vars;

/** The forms of the protection process (Art 34 Law 53/2024/QH15). */
final class ProtectionForms {

	private ProtectionForms() {
	}

	enum ProtectionMeasure { SAFE_REFUGE, IDENTITY_CONFIDENTIALITY, RESIDENCE_PROTECTION, WORKPLACE_PROTECTION, SCHOOL_PROTECTION, PROTECTION_OFFICERS }

	@Schema(name = "ProtectionDecision", description = "Áp dụng biện pháp bảo vệ / Apply protection")
	record ApplyProtection(@NotNull(message = "validation.required") Boolean protectionRefused,
			@ShownWhen(field = "protectionRefused", is = "false")
			List<@NotNull(message = "validation.required") ProtectionMeasure> measures,
			@ShownWhen(field = "protectionRefused", is = "true")
			@Schema(description = "Đã có cam kết bằng văn bản khi từ chối / Written commitment recorded on refusal") Boolean writtenCommitmentRecorded)
			implements Decision {

		@AssertTrue(message = "validation.measures-required")
		boolean isMeasuresValid() {
			return !Boolean.FALSE.equals(protectionRefused) || measures != null && !measures.isEmpty();
		}

		@AssertTrue(message = "validation.commitment-required")
		boolean isWrittenCommitmentRecordedValid() {
			return !Boolean.TRUE.equals(protectionRefused) || Boolean.TRUE.equals(writtenCommitmentRecorded);
		}

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("protectionRefused", protectionRefused, "protectionMeasures", names(measures),
					"writtenCommitmentRecorded", Boolean.TRUE.equals(writtenCommitmentRecorded));
		}
	}

	@Schema(name = "ProtectionReview", description = "Xem xét lại biện pháp bảo vệ / Review protection")
	record ReviewProtection(@NotNull(message = "validation.required") Boolean stillAtRisk) implements Decision {

		public Map<String, Object> variables(Map<String, Object> current) {
			return vars("stillAtRisk", stillAtRisk);
		}
	}
}
