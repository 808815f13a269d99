package org.loive.workflow;

import java.util.Map;

/** Where a case stands in the chain, in the order of DESIGN.md §2; parallel work shows the furthest. */
public enum Stage {

	CLASSIFICATION, RESCUE, RECEPTION, VERIFICATION, IDENTIFICATION, PROTECTION, SUPPORT, REPATRIATION, REINTEGRATION,
	CLOSURE, CLOSED;

	private static final Map<String, Stage> OF_TASK = Map.ofEntries(
			Map.entry(ReferralProcess.CLASSIFY, CLASSIFICATION),
			Map.entry(RescueProcess.COORDINATE_FOREIGN_RESCUE, RESCUE), Map.entry(RescueProcess.RESCUE, RESCUE),
			Map.entry(RescueProcess.PLAN_CONSULAR_SUPPORT, RESCUE),
			Map.entry(ReferralProcess.BORDER_RECEPTION, RECEPTION), Map.entry(ReferralProcess.RECEIVE_PERSON, RECEPTION),
			Map.entry(ReferralProcess.BORDER_VERIFICATION, VERIFICATION),
			Map.entry(ReferralProcess.INITIAL_VERIFICATION, VERIFICATION),
			Map.entry(ReferralProcess.FURTHER_VERIFICATION, VERIFICATION),
			Map.entry(ReferralProcess.PLAN_INTERIM_SUPPORT, VERIFICATION),
			Map.entry(ReferralProcess.IDENTIFY, IDENTIFICATION), Map.entry(ReferralProcess.HAND_OVER, RECEPTION),
			Map.entry(ReferralProcess.ASSESS_RISK, PROTECTION), Map.entry(ProtectionProcess.APPLY_PROTECTION, PROTECTION),
			Map.entry(ReferralProcess.ASSESS_MINOR_RISK, PROTECTION),
			Map.entry(ProtectionProcess.REVIEW_PROTECTION, PROTECTION), Map.entry(ReferralProcess.PLAN_SUPPORT, SUPPORT),
			Map.entry(ReferralProcess.NOTIFY_GUARDIAN, SUPPORT), Map.entry(ServiceReferralProcess.RESPOND, SUPPORT),
			Map.entry(ServiceReferralProcess.DELIVER, SUPPORT), Map.entry(ServiceReferralProcess.REVIEW_DECLINED, SUPPORT),
			Map.entry(ServiceReferralProcess.DECIDE_EXTENSION, SUPPORT),
			Map.entry(RepatriationProcess.REQUEST, REPATRIATION), Map.entry(RepatriationProcess.CONFIRM, REPATRIATION),
			Map.entry(RepatriationProcess.HAND_OVER_AT_BORDER, REPATRIATION),
			Map.entry(ReintegrationProcess.RECEIVE_APPLICATION, REINTEGRATION),
			Map.entry(ReintegrationProcess.DECIDE, REINTEGRATION),
			Map.entry(ReintegrationProcess.FOLLOW_UP_VISIT, REINTEGRATION), Map.entry(ReferralProcess.CLOSE, CLOSURE));

	static Stage ofTask(String taskKey) {
		return OF_TASK.getOrDefault(taskKey, CLASSIFICATION);
	}
}
