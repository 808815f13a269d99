package org.loive.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loive.vault.PersonalData;

import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /api/v1/tasks/{taskId}/complete}: the task's decision, in the form the task names
 * (codes and yes/no answers), e.g. {@code {"decision": {"classification": "TRAFFICKING_SUSPECTED", ...}}},
 * and the personal details the step recorded, which go to the vault and never into the process. The
 * decision's schema is published by {@link TaskFormsOpenApi}.
 */
record CompleteTaskRequest(JsonNode decision,
		@Schema(description = "Dữ liệu cá nhân ghi nhận ở bước này, theo người / Personal details recorded at this step, by person")
		@Size(max = 20, message = "validation.persons") List<@Valid @NotNull(message = "validation.required") PersonRecord> personalData) {

	/** Sections of one person of the task's case. */
	record PersonRecord(@NotNull(message = "validation.required") UUID personId,
			@NotNull(message = "validation.required") @Valid PersonalData data) {
	}

	List<PersonRecord> records() {
		return personalData == null ? List.of() : personalData;
	}
}
