package org.loive.workflow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.loive.access.Officer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Công việc / Tasks", description = "Hộp việc của cán bộ / The caseworker's inbox")
class TaskController {

	private final CaseTasks caseTasks;

	TaskController(CaseTasks caseTasks) {
		this.caseTasks = caseTasks;
	}

	@GetMapping
	@Operation(summary = "Việc của cơ quan tôi trên địa bàn / My agency's tasks in my province")
	TaskPage inbox(@Parameter(hidden = true) Officer officer,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "validation.page") int page,
			@RequestParam(defaultValue = "50") @Min(value = 1, message = "validation.size")
			@Max(value = 200, message = "validation.size") int size,
			@RequestParam(required = false) @Parameter(description = "mine: việc tôi đã nhận / claimed by me; unclaimed: chưa ai nhận / claimed by nobody; overdue: quá hạn / past their due date",
					schema = @Schema(allowableValues = { "mine", "unclaimed", "overdue" })) String filter,
			@RequestParam(required = false) @Parameter(description = "Chỉ một bước (mã công việc) / Only one step (task key), e.g. Task_Classify") String step,
			@RequestParam(required = false) @Parameter(description = "due: hạn gần nhất trước / soonest due first (default); -due: hạn xa nhất trước / latest due first",
					schema = @Schema(allowableValues = { "due", "-due" })) String sort,
			@RequestParam(required = false) @Parameter(description = "Chỉ việc của một hồ sơ / Only the tasks of one case") UUID caseId) {
		return caseTasks.inbox(officer, InboxQuery.of(filter, step, sort, caseId), page, size);
	}

	@PostMapping("/{taskId}/claim")
	@Operation(summary = "Nhận việc / Claim a task")
	TaskView claim(@PathVariable String taskId, @Parameter(hidden = true) Officer officer) {
		return caseTasks.claim(taskId, officer);
	}

	@PostMapping("/{taskId}/release")
	@Operation(summary = "Trả lại việc cho cơ quan (chỉ người đã nhận) / Release a claimed task (its assignee only)")
	TaskView release(@PathVariable String taskId, @Parameter(hidden = true) Officer officer) {
		return caseTasks.release(taskId, officer);
	}

	@PostMapping("/{taskId}/complete")
	@Operation(summary = "Hoàn thành việc, ghi quyết định / Complete a task with its decisions")
	CompletedTask complete(@PathVariable String taskId, @Parameter(hidden = true) Officer officer,
			@Valid @RequestBody(required = false) CompleteTaskRequest request) {
		return caseTasks.complete(taskId, officer, request == null ? new CompleteTaskRequest(null, null) : request);
	}
}
