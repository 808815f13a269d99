package org.loive.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/tasks/{taskId}/complete}: the task's decision, in the form the task names
 * (codes and yes/no answers), e.g. {@code {"decision": {"classification": "TRAFFICKING_SUSPECTED", ...}}}.
 */
record CompleteTaskRequest(@Schema(description = "Quyết định theo mẫu của công việc / The decision, in the task's form",
		oneOf = { TaskForms.Classify.class, TaskForms.BorderReception.class, TaskForms.BorderVerification.class,
				TaskForms.ReceivePerson.class, TaskForms.InitialVerification.class, TaskForms.FurtherVerification.class,
				TaskForms.Identify.class, TaskForms.HandOver.class, TaskForms.AssessRisk.class, TaskForms.PlanSupport.class,
				TaskForms.NotifyGuardian.class, TaskForms.Close.class, TaskForms.CoordinateForeignRescue.class,
				TaskForms.Rescue.class, TaskForms.ApplyProtection.class, TaskForms.ReviewProtection.class,
				TaskForms.RespondToReferral.class, TaskForms.DeliverService.class, TaskForms.ReviewDeclinedReferral.class,
				TaskForms.ReceiveReintegrationApplication.class, TaskForms.DecideReintegration.class,
				TaskForms.FollowUpVisit.class, TaskForms.RequestRepatriation.class, TaskForms.ConfirmRepatriation.class,
				TaskForms.HandOverAtBorder.class }) JsonNode decision) {
}
