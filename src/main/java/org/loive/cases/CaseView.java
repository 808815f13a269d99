package org.loive.cases;

import org.loive.workflow.CaseMilestones;
import org.loive.workflow.CaseProgress;
import org.loive.workflow.Stage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v1/cases/{caseId}}: the case without any personal data: its facts (the area it is in now and
 * the area where it was received, which a transfer leaves as it was; the codes the reports count), the persons linked
 * to it by id and role, what the blind indexes flagged, its stage, the steps done (agency, officer, when), the steps open with their
 * deadlines, escalations and milestones; the main process instance, for Cockpit's technical view.
 */
record CaseView(UUID caseId, String reference, String channel, String place, String area, String intakeArea,
		Instant receivedAt,
		boolean immediateDanger, IntakeFacts facts, String registeredBy, Instant registeredAt, Stage stage, String outcome,
		List<CasePersons.LinkedPerson> persons, List<CaseFlags.Flag> flags, List<CaseProgress.CompletedStep> completedSteps,
		List<CaseProgress.OpenStep> openTasks, List<CaseProgress.RaisedEscalation> escalations,
		List<CaseMilestones.Milestone> milestones, String processInstanceId, ReportResolution reportResolution) {
}
