package org.loive.workflow;

import org.loive.workflow.ChainEvent.Kind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a finished step of the chain means for the reports: the one home of that rule, used live by
 * {@link ChainEventsPlugin} and by {@link ChainHistory} when the reports are rebuilt from the engine's history.
 */
final class ChainSteps {

	/**
	 * A finished step: the activity of a process, the task or activity instance, when it ended, for a user task the
	 * agency it was for and its deadline, and the variables visible to it (codes only).
	 */
	record Step(String processKey, String activityId, String instanceId, boolean userTask, Instant at, String agency,
			Instant dueAt, Function<String, Object> variable) {
	}

	/** The end events of the main process that close a case, with the outcome each one means. */
	private static final Map<String, String> CLOSING_ENDS = Map.of(ReferralProcess.END_REFERRED_OUT, "REFERRED_OUT",
			ReferralProcess.END_DUPLICATE, "DUPLICATE", ReferralProcess.END_NOT_VICTIM, "NOT_A_VICTIM",
			ReferralProcess.END_CLOSED, "");

	private ChainSteps() {
	}

	static List<ChainEvent> of(Step step) {
		Object caseId = step.variable().apply(ReferralVariables.CASE_ID);
		if (caseId == null) {
			return List.of();
		}
		Builder events = new Builder(step, UUID.fromString(caseId.toString()));
		if (step.userTask()) {
			events.add(Kind.TASK_COMPLETED, step.activityId(), null);
			userTask(step, events);
		}
		else {
			activity(step, events);
		}
		return events.list;
	}

	private static void userTask(Step step, Builder events) {
		switch (step.activityId()) {
			case ReferralProcess.CLASSIFY -> events.add(Kind.CLASSIFIED, text(step, ReferralVariables.CLASSIFICATION),
					"DUPLICATE".equals(text(step, ReferralVariables.CLASSIFICATION))
							? text(step, ReferralVariables.DUPLICATE_OF) : text(step, ReferralVariables.REFERRED_TO));
			case ReferralProcess.RECEIVE_PERSON, ReferralProcess.BORDER_RECEPTION ->
				events.add(Kind.PERSON_RECEIVED, null, step.activityId());
			case ReferralProcess.INITIAL_VERIFICATION -> events.add(Kind.VERIFIED, "INITIAL", null);
			case ReferralProcess.BORDER_VERIFICATION -> events.add(Kind.VERIFIED, "BORDER", null);
			case ReferralProcess.FURTHER_VERIFICATION -> events.add(Kind.VERIFIED, "FURTHER", null);
			case ReferralProcess.IDENTIFY -> identify(step, events);
			case RescueProcess.RESCUE -> events.add(Kind.RESCUED, text(step, ReferralVariables.RESCUE_OUTCOME),
					Boolean.TRUE.equals(step.variable().apply(ReferralVariables.CROSS_BORDER_RESCUE)) ? "CROSS_BORDER" : "DOMESTIC");
			case ProtectionProcess.APPLY_PROTECTION -> events.add(Kind.PROTECTION,
					Boolean.TRUE.equals(step.variable().apply("protectionRefused")) ? "REFUSED" : "APPLIED", null);
			case ReferralProcess.NOTIFY_GUARDIAN -> events.add(Kind.GUARDIAN_NOTIFIED, text(step, "guardianNotified"), null);
			case ServiceReferralProcess.RESPOND -> respond(step, events);
			case ServiceReferralProcess.DELIVER -> events.add(Kind.SERVICE_DELIVERED, text(step, ReferralVariables.SERVICE),
					text(step, "serviceOutcome"));
			case ServiceReferralProcess.DECIDE_EXTENSION -> events.add(Kind.SERVICE_EXTENDED, text(step, ReferralVariables.SERVICE),
					Boolean.TRUE.equals(step.variable().apply("extensionGranted")) ? "GRANTED" : "REFUSED");
			case ReintegrationProcess.RECEIVE_APPLICATION -> events.add(Kind.REINTEGRATION_APPLIED, null, null)
				.countedOn(day(text(step, ReferralVariables.APPLICATION_RECEIVED_ON)));
			case ReintegrationProcess.DECIDE -> events.add(Kind.REINTEGRATION_DECIDED,
					Boolean.TRUE.equals(step.variable().apply("reintegrationApproved")) ? "APPROVED" : "DECLINED", null);
			case ReintegrationProcess.FOLLOW_UP_VISIT -> events.add(Kind.FOLLOW_UP_VISIT, text(step, "reTraffickingRisk"), null);
			default -> {
			}
		}
	}

	private static void identify(Step step, Builder events) {
		boolean victim = Boolean.TRUE.equals(step.variable().apply(ReferralVariables.VICTIM));
		events.add(Kind.IDENTIFIED, victim ? "VICTIM" : "NOT_VICTIM",
				victim ? String.join("+", codes(step.variable().apply("evidenceKinds"))) : text(step, ReferralVariables.REFERRED_TO));
		if (victim && Boolean.TRUE.equals(step.variable().apply("confirmationIssued"))) {
			events.add(Kind.DOCUMENT_ISSUED, null, null);
		}
	}

	private static void respond(Step step, Builder events) {
		String service = text(step, ReferralVariables.SERVICE);
		if (Boolean.TRUE.equals(step.variable().apply("referralAccepted"))) {
			events.add(Kind.SERVICE_ACCEPTED, service, text(step, ReferralVariables.PROVIDER_AGENCY));
		}
		else {
			events.add(Kind.SERVICE_DECLINED, service, text(step, "declineReason"));
		}
	}

	private static void activity(Step step, Builder events) {
		String id = step.activityId();
		if (ReferralProcess.KEY.equals(step.processKey()) && CLOSING_ENDS.containsKey(id)) {
			String outcome = CLOSING_ENDS.get(id);
			events.add(Kind.CASE_CLOSED, outcome.isEmpty() ? text(step, ReferralVariables.CASE_OUTCOME) : outcome, null);
			return;
		}
		switch (id) {
			case ReferralProcess.RISK_LEVEL, ReferralProcess.MINOR_RISK_LEVEL -> events.add(Kind.RISK_ASSESSED,
					text(step, ReferralVariables.RISK_LEVEL), ReferralProcess.MINOR_RISK_LEVEL.equals(id) ? "MINOR" : null);
			case ReferralProcess.SUPPORT_ELIGIBILITY, ReferralProcess.INTERIM_ELIGIBILITY, ReferralProcess.MINOR_ELIGIBILITY,
					RescueProcess.ABROAD_ELIGIBILITY -> events.add(Kind.SUPPORT_ASSESSED,
							text(step, ReferralVariables.SUPPORT_CATEGORY),
							String.join("+", codes(step.variable().apply(ReferralVariables.ELIGIBLE_SERVICES))));
			case ServiceReferralProcess.START -> events.add(Kind.SERVICE_REFERRED, text(step, ReferralVariables.SERVICE),
					text(step, ReferralVariables.PROVIDER_AGENCY));
			case ServiceReferralProcess.END_UNMET -> events.add(Kind.SERVICE_UNMET, text(step, ReferralVariables.SERVICE), null);
			case RepatriationProcess.END_REPATRIATED -> events.add(Kind.REPATRIATED, null, null);
			default -> {
			}
		}
	}

	private static String text(Step step, String variable) {
		Object value = step.variable().apply(variable);
		return value == null ? null : value.toString();
	}

	private static List<String> codes(Object value) {
		return value instanceof Collection<?> values ? values.stream().map(String::valueOf).toList() : List.of();
	}

	private static LocalDate day(String iso) {
		return iso == null ? null : LocalDate.parse(iso);
	}

	/** The person a step is for: a service referral's, an accompanying minor's, else the main person's. */
	private static UUID person(Step step) {
		for (String variable : List.of(ReferralVariables.PERSON_ID, ReferralVariables.MINOR_ID, ReferralVariables.VICTIM_ID)) {
			Object value = step.variable().apply(variable);
			if (value != null) {
				return UUID.fromString(value.toString());
			}
		}
		return null;
	}

	private static final class Builder {

		private final Step step;
		private final UUID caseId;
		private final UUID personId;
		private final List<ChainEvent> list = new ArrayList<>();

		Builder(Step step, UUID caseId) {
			this.step = step;
			this.caseId = caseId;
			this.personId = person(step);
		}

		Builder add(Kind kind, String code, String detail) {
			list.add(new ChainEvent(kind, caseId, personId, text(step, ReferralVariables.AREA), step.agency(), code, detail, step.at(), null,
					step.userTask() ? step.dueAt() : null, kind + ":" + step.instanceId()));
			return this;
		}

		/** The last event counts on this day (a date the officer recorded), if given. */
		void countedOn(LocalDate day) {
			if (day != null) {
				ChainEvent last = list.remove(list.size() - 1);
				list.add(new ChainEvent(last.kind(), last.caseId(), last.personId(), last.area(), last.agency(), last.code(), last.detail(),
						last.at(), day, last.dueAt(), last.sourceKey()));
			}
		}
	}
}
