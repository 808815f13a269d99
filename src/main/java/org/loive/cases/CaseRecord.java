package org.loive.cases;

import org.loive.access.Areas;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code referral_case}. */
record CaseRecord(UUID id, String reference, String channel, String place, String area, String intakeArea,
		Instant receivedAt,
		boolean immediateDanger, IntakeFacts facts, String registeredBy, Instant registeredAt, String processInstanceId,
		ReportResolution reportResolution) {

	String province() {
		return Areas.province(area);
	}
}
