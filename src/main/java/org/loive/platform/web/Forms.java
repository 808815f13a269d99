package org.loive.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.Problems;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders forms for pages and reads them back: labels from the message bundles ({@code form.<Form>.<field>},
 * enum choices {@code enum.<Enum>.<CONSTANT>}), values and field errors of a submitted form kept.
 */
@Component
public class Forms {

	/** A form read back: the value when valid, otherwise the message of each bad field, by path. */
	public record Bound<T>(T value, Map<String, String> errors) {

		public boolean valid() {
			return errors.isEmpty();
		}
	}

	private static final String NEW_ITEM = "__i__";
	/** More choices than this are a drop-down list rather than radio buttons. */
	private static final int MAX_RADIOS = 7;

	private final MessageSource messages;
	private final Problems problems;
	private final ObjectMapper json;
	private final Validator validator;

	Forms(MessageSource messages, Problems problems, ObjectMapper json, Validator validator) {
		this.messages = messages;
		this.problems = problems;
		this.json = json;
		this.validator = validator;
	}

	/** An empty form, or one with the values entered and the errors found. */
	public FormView view(Form form, MultiValueMap<String, String> values, Map<String, String> errors,
			Map<String, List<FormView.Choice>> choices) {
		Locale locale = LocaleContextHolder.getLocale();
		MultiValueMap<String, String> entered = values == null ? new LinkedMultiValueMap<>() : values;
		Map<String, String> bad = errors == null ? Map.of() : errors;
		return new FormView(form.name(), fields(form, "", entered, bad, choices == null ? Map.of() : choices, locale),
				!bad.isEmpty());
	}

	/** Reads a submitted form into the record type, validated as the API validates it. */
	public <T> Bound<T> bind(Form form, MultiValueMap<String, String> params, Class<T> type) {
		JsonNode body = FormReader.read(form, params, "");
		T value;
		try {
			value = json.treeToValue(body, type);
		}
		catch (JsonMappingException e) {
			return new Bound<>(null, Map.of(InvalidRequestException.fieldPath(e),
					problems.message(InvalidRequestException.messageKey(e))));
		}
		catch (JsonProcessingException e) {
			return new Bound<>(null, Map.of("", problems.message("problem.field.wrong-type")));
		}
		Map<String, String> errors = new LinkedHashMap<>();
		for (ConstraintViolation<T> violation : validator.validate(value)) {
			String path = InvalidRequestException.fieldOf(violation.getPropertyPath().toString()).replaceAll("\\.<[^>]+>", "");
			errors.putIfAbsent(path, problems.message(violation.getMessage()));
		}
		return new Bound<>(errors.isEmpty() ? value : null, errors);
	}

	/** The field errors of a refused request, by field path without {@code prefix} (e.g. "decision."). */
	public Map<String, String> errors(InvalidRequestException refused, String prefix) {
		Map<String, String> errors = new LinkedHashMap<>();
		refused.rejections().forEach(rejection -> errors.putIfAbsent(
				rejection.field().startsWith(prefix) ? rejection.field().substring(prefix.length()) : rejection.field(),
				problems.message(rejection.messageKey())));
		return errors;
	}

	private List<FormView.FieldView> fields(Form form, String prefix, MultiValueMap<String, String> values,
			Map<String, String> errors, Map<String, List<FormView.Choice>> choices, Locale locale) {
		List<FormView.FieldView> views = new ArrayList<>();
		for (Form.Field field : form.fields()) {
			views.add(field(field, prefix, values, errors, choices, locale));
		}
		return views;
	}

	private FormView.FieldView field(Form.Field field, String prefix, MultiValueMap<String, String> values,
			Map<String, String> errors, Map<String, List<FormView.Choice>> choices, Locale locale) {
		String path = prefix + field.name();
		List<String> entered = values.getOrDefault(path, List.of());
		List<FormView.Option> options = options(field, choices, locale).stream()
			.map(choice -> new FormView.Option(choice.value(), choice.label(), entered.contains(choice.value())))
			.toList();
		List<FormView.FieldView> children = field.kind() == Form.Kind.GROUP
				? fields(field.nested(), path + ".", values, errors, choices, locale) : List.of();
		List<List<FormView.FieldView>> items = new ArrayList<>();
		List<FormView.FieldView> template = List.of();
		if (field.kind() == Form.Kind.REPEATED) {
			for (int index : FormReader.indices(path, values.keySet())) {
				items.add(fields(field.nested(), path + "[" + index + "].", values, errors, choices, locale));
			}
			template = fields(field.nested(), path + "[" + NEW_ITEM + "].", new LinkedMultiValueMap<>(), Map.of(),
					choices, locale);
		}
		ShownWhen condition = field.shownWhen();
		String kind = field.kind() == Form.Kind.CHOICE && options.size() > MAX_RADIOS ? "SELECT" : field.kind().name();
		return new FormView.FieldView(path, id(path), label(field, locale), help(field, locale), kind,
				inputType(field), field.required(), options, entered.isEmpty() ? null : entered.get(0), error(field, path, errors),
				field.maxLength(), children, items, template, condition == null ? null : id(prefix + condition.field()),
				condition == null ? null : String.join(",", condition.is()));
	}

	/** The field's error; for a list of choices, also that of one of its values ({@code forms[1]}, a bad code). */
	private static String error(Form.Field field, String path, Map<String, String> errors) {
		if (errors.containsKey(path) || field.kind() != Form.Kind.CHOICES) {
			return errors.get(path);
		}
		return errors.entrySet().stream().filter(error -> error.getKey().startsWith(path + "[")).map(Map.Entry::getValue)
			.findFirst().orElse(null);
	}

	private List<FormView.Choice> options(Form.Field field, Map<String, List<FormView.Choice>> choices, Locale locale) {
		if (field.choicesFrom() != null) {
			return choices.getOrDefault(field.choicesFrom(), List.of());
		}
		if (field.kind() == Form.Kind.YES_NO) {
			return List.of(new FormView.Choice("true", messages.getMessage("form.yes", null, "Có", locale)),
					new FormView.Choice("false", messages.getMessage("form.no", null, "Không", locale)));
		}
		if (field.kind() == Form.Kind.CONFIRM) {
			return List.of(new FormView.Choice("true", messages.getMessage("form.confirm", null, "Xác nhận", locale)));
		}
		return field.constants().stream()
			.map(constant -> new FormView.Choice(constant,
					messages.getMessage("enum." + field.vocabulary() + "." + constant, null, constant, locale)))
			.toList();
	}

	/** The label from the bundle; else the language's half of the OpenAPI description ("vi / en"). */
	private String label(Form.Field field, Locale locale) {
		String label = messages.getMessage(field.labelKey(), null, null, locale);
		if (label != null) {
			return label;
		}
		if (field.description() != null) {
			String[] halves = field.description().split(" / ", 2);
			return "en".equals(locale.getLanguage()) && halves.length == 2 ? halves[1] : halves[0];
		}
		return field.name();
	}

	private String help(Form.Field field, Locale locale) {
		return messages.getMessage(field.labelKey() + ".help", null, null, locale);
	}

	private static String inputType(Form.Field field) {
		return switch (field.kind()) {
			case DATE -> "date";
			case DATETIME -> "datetime-local";
			case NUMBER -> "number";
			default -> field.name().toLowerCase(Locale.ROOT).contains("phone") ? "tel" : "text";
		};
	}

	static String id(String path) {
		return "f-" + path.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("-+$", "");
	}

}
