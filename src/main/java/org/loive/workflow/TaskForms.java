package org.loive.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.InvalidRequestException.Rejection;
import org.springframework.stereotype.Component;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The typed body of every user task: what the officer decides, as codes and yes/no answers that become
 * process variables. Read strictly (unknown fields, wrong types and missing answers are refused field by
 * field) and never carrying personal data. The forms themselves stand in one class per process
 * ({@link ReferralForms}, {@link RescueForms}, {@link ProtectionForms}, {@link ServiceReferralForms},
 * {@link ReintegrationForms}, {@link RepatriationForms}); this is their registry by task key.
 */
@Component
class TaskForms {

	/** A task's decision; turns into process variables, given the task's current variables it reads. */
	interface Decision {

		Map<String, Object> variables(Map<String, Object> current);

		/** The current variables {@link #variables} reads: only these are fetched from the engine. */
		default Set<String> reads() {
			return Set.of();
		}
	}

	private static final Map<String, Class<? extends Decision>> FORMS = Map.ofEntries(
			Map.entry(ReferralProcess.CLASSIFY, ReferralForms.Classify.class),
			Map.entry(ReferralProcess.BORDER_RECEPTION, ReferralForms.BorderReception.class),
			Map.entry(ReferralProcess.BORDER_VERIFICATION, ReferralForms.BorderVerification.class),
			Map.entry(ReferralProcess.RECEIVE_PERSON, ReferralForms.ReceivePerson.class),
			Map.entry(ReferralProcess.INITIAL_VERIFICATION, ReferralForms.InitialVerification.class),
			Map.entry(ReferralProcess.FURTHER_VERIFICATION, ReferralForms.FurtherVerification.class),
			Map.entry(ReferralProcess.IDENTIFY, ReferralForms.Identify.class),
			Map.entry(ReferralProcess.HAND_OVER, ReferralForms.HandOver.class),
			Map.entry(ReferralProcess.ASSESS_RISK, ReferralForms.AssessRisk.class),
			Map.entry(ReferralProcess.PLAN_SUPPORT, ReferralForms.PlanSupport.class),
			Map.entry(ReferralProcess.NOTIFY_GUARDIAN, ReferralForms.NotifyGuardian.class),
			Map.entry(ReferralProcess.CLOSE, ReferralForms.Close.class),
			Map.entry(RescueProcess.COORDINATE_FOREIGN_RESCUE, RescueForms.CoordinateForeignRescue.class),
			Map.entry(RescueProcess.RESCUE, RescueForms.Rescue.class),
			Map.entry(ProtectionProcess.APPLY_PROTECTION, ProtectionForms.ApplyProtection.class),
			Map.entry(ProtectionProcess.REVIEW_PROTECTION, ProtectionForms.ReviewProtection.class),
			Map.entry(ServiceReferralProcess.RESPOND, ServiceReferralForms.RespondToReferral.class),
			Map.entry(ServiceReferralProcess.DELIVER, ServiceReferralForms.DeliverService.class),
			Map.entry(ServiceReferralProcess.REVIEW_DECLINED, ServiceReferralForms.ReviewDeclinedReferral.class),
			Map.entry(ServiceReferralProcess.DECIDE_EXTENSION, ServiceReferralForms.DecideServiceExtension.class),
			Map.entry(ReferralProcess.PLAN_INTERIM_SUPPORT, ReferralForms.PlanInterimSupport.class),
			Map.entry(ReferralProcess.ASSESS_MINOR_RISK, ReferralForms.AssessRisk.class),
			Map.entry(RescueProcess.PLAN_CONSULAR_SUPPORT, ReferralForms.PlanInterimSupport.class),
			Map.entry(ReintegrationProcess.RECEIVE_APPLICATION, ReintegrationForms.ReceiveReintegrationApplication.class),
			Map.entry(ReintegrationProcess.DECIDE, ReintegrationForms.DecideReintegration.class),
			Map.entry(ReintegrationProcess.FOLLOW_UP_VISIT, ReintegrationForms.FollowUpVisit.class),
			Map.entry(RepatriationProcess.REQUEST, RepatriationForms.RequestRepatriation.class),
			Map.entry(RepatriationProcess.CONFIRM, RepatriationForms.ConfirmRepatriation.class),
			Map.entry(RepatriationProcess.HAND_OVER_AT_BORDER, RepatriationForms.HandOverAtBorder.class));

	private final ObjectMapper json;
	private final Validator validator;

	TaskForms(ObjectMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	static Set<String> taskKeys() {
		return FORMS.keySet();
	}

	static Class<? extends Decision> form(String taskKey) {
		Class<? extends Decision> form = FORMS.get(taskKey);
		if (form == null) {
			throw new IllegalStateException("no form for task " + taskKey);
		}
		return form;
	}

	/** The name of the task's form in the OpenAPI document. */
	static String schemaName(String taskKey) {
		return form(taskKey).getAnnotation(Schema.class).name();
	}

	/** Reads, validates and converts the decision of a task; 400 naming each bad field otherwise. */
	Map<String, Object> variables(String taskKey, JsonNode decision,
			Function<Set<String>, Map<String, Object>> current) {
		JsonNode body = decision == null || decision.isNull() ? JsonNodeFactory.instance.objectNode() : decision;
		Decision read;
		try {
			read = json.treeToValue(body, form(taskKey));
		}
		catch (JsonMappingException e) {
			throw new InvalidRequestException(List.of(new Rejection("decision." + InvalidRequestException.fieldPath(e),
					e instanceof UnrecognizedPropertyException ? "problem.field.unknown"
							: "problem.field.wrong-type")));
		}
		catch (JsonProcessingException e) {
			throw new InvalidRequestException(List.of(new Rejection("decision", "problem.field.wrong-type")));
		}
		List<Rejection> rejections = validator.validate(read)
			.stream()
			.map(TaskForms::rejection)
			.sorted(Comparator.comparing(Rejection::field))
			.toList();
		if (!rejections.isEmpty()) {
			throw new InvalidRequestException(rejections);
		}
		Set<String> reads = read.reads();
		return read.variables(declared(reads, reads.isEmpty() ? Map.of() : current.apply(reads)));
	}

	/** The variables a form declared it reads: asking for another is the form's defect, not a null. */
	private static Map<String, Object> declared(Set<String> names, Map<String, Object> values) {
		return new AbstractMap<>() {
			@Override
			public Object get(Object name) {
				if (!names.contains(name)) {
					throw new IllegalStateException("A form reads " + name + " without declaring it");
				}
				return values.get(name);
			}

			@Override
			public Set<Entry<String, Object>> entrySet() {
				return values.entrySet();
			}
		};
	}

	/** Cross-field rules are methods named {@code is<Field>Valid}: the rejection names the field. */
	private static Rejection rejection(ConstraintViolation<?> violation) {
		String path = InvalidRequestException.fieldOf(violation.getPropertyPath().toString());
		return new Rejection(path.isEmpty() ? "decision" : "decision." + path, violation.getMessage());
	}

	static Map<String, Object> vars(Object... keysAndValues) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return variables;
	}

	static List<String> names(Collection<? extends Enum<?>> values) {
		return values == null ? List.of() : values.stream().map(Enum::name).distinct().toList();
	}
}
