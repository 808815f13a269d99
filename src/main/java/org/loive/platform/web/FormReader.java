package org.loive.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.loive.platform.Vietnam;
import org.springframework.util.MultiValueMap;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a submitted HTML form into the JSON body the API takes, so the page and the API are read and
 * validated by the same code: yes/no and numbers become JSON booleans and numbers, an empty field is
 * absent, a moment entered in Vietnam's time becomes an instant, and a field whose condition does not hold
 * is dropped. A value that does not convert is passed on as text, to be refused as a wrong type.
 */
public final class FormReader {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private FormReader() {
	}

	/** The body of a form whose inputs are named by field path under {@code prefix} ("" for none). */
	public static ObjectNode read(Form form, MultiValueMap<String, String> params, String prefix) {
		ObjectNode body = NODES.objectNode();
		for (Form.Field field : form.fields()) {
			if (!applies(field, params, prefix)) {
				continue;
			}
			JsonNode value = value(field, params, prefix + field.name());
			if (value != null) {
				body.set(field.name(), value);
			}
		}
		return body;
	}

	private static boolean applies(Form.Field field, MultiValueMap<String, String> params, String prefix) {
		ShownWhen condition = field.shownWhen();
		if (condition == null) {
			return true;
		}
		String controlling = first(params, prefix + condition.field());
		return controlling != null && List.of(condition.is()).contains(controlling);
	}

	private static JsonNode value(Form.Field field, MultiValueMap<String, String> params, String path) {
		return switch (field.kind()) {
			case GROUP -> {
				ObjectNode group = read(field.nested(), params, path + ".");
				yield group.isEmpty() ? null : group;
			}
			case REPEATED -> repeated(field, params, path);
			case CHOICES -> {
				List<String> values = params.getOrDefault(path, List.of()).stream().filter(v -> !v.isBlank()).toList();
				if (values.isEmpty() && !params.containsKey(path + "._present")) {
					yield null;
				}
				ArrayNode array = NODES.arrayNode();
				values.forEach(array::add);
				yield array;
			}
			default -> scalar(field, first(params, path));
		};
	}

	private static JsonNode repeated(Form.Field field, MultiValueMap<String, String> params, String path) {
		ArrayNode items = NODES.arrayNode();
		for (int i : indices(path, params.keySet())) {
			ObjectNode item = read(field.nested(), params, path + "[" + i + "].");
			if (!item.isEmpty()) {
				items.add(item);
			}
		}
		return items.isEmpty() ? null : items;
	}

	/** The indices of a repeated group's items among the names of the inputs, in order. */
	static Set<Integer> indices(String path, Set<String> names) {
		Pattern index = Pattern.compile("^" + Pattern.quote(path) + "\\[(\\d{1,3})]\\.");
		Set<Integer> indices = new TreeSet<>();
		for (String name : names) {
			Matcher matcher = index.matcher(name);
			if (matcher.find()) {
				indices.add(Integer.parseInt(matcher.group(1)));
			}
		}
		return indices;
	}

	private static JsonNode scalar(Form.Field field, String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String text = raw.strip();
		return switch (field.kind()) {
			case YES_NO, CONFIRM -> "true".equals(text) ? NODES.booleanNode(true)
					: "false".equals(text) ? NODES.booleanNode(false) : NODES.textNode(text);
			case NUMBER -> number(text);
			case DATETIME -> instant(text);
			default -> NODES.textNode(field.kind() == Form.Kind.TEXTAREA ? raw : text);
		};
	}

	private static JsonNode number(String text) {
		try {
			return NODES.numberNode(Long.parseLong(text));
		}
		catch (NumberFormatException e) {
			return NODES.textNode(text);
		}
	}

	/** {@code 2026-11-20T15:30} as entered in Vietnam; an ISO instant is taken as it is. */
	private static JsonNode instant(String text) {
		try {
			return NODES.textNode(LocalDateTime.parse(text).atZone(Vietnam.ZONE).toInstant().toString());
		}
		catch (DateTimeParseException e) {
			return NODES.textNode(text);
		}
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		List<String> values = params.get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}
}
