package org.loive.workflow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loive.platform.web.Form;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of every task form and every choice of its enums has a label in each language, read from the
 * bundle file itself: a missing English label must not pass by falling back to the Vietnamese one.
 */
class TaskFormsLabelsTest {

	@ParameterizedTest
	@ValueSource(strings = { "i18n/forms.properties", "i18n/forms_en.properties" })
	void everyFieldAndChoiceIsLabelled(String bundle) throws IOException {
		Properties labels = load(bundle);
		List<String> keys = new ArrayList<>();
		TaskForms.taskKeys().forEach(taskKey -> collect(Form.of(TaskForms.form(taskKey)), keys));

		assertThat(keys).hasSizeGreaterThan(TaskForms.taskKeys().size());
		assertThat(missing(labels, keys)).as("labels missing from " + bundle).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "i18n/workflow.properties", "i18n/workflow_en.properties" })
	void everyStepAndStageIsNamed(String bundle) throws IOException {
		Properties labels = load(bundle);

		List<String> keys = new ArrayList<>();
		TaskForms.taskKeys().forEach(taskKey -> keys.add("task." + taskKey));
		Arrays.stream(Stage.values()).forEach(stage -> keys.add("stage." + stage));

		assertThat(missing(labels, keys)).as("names missing from " + bundle).isEmpty();
	}

	private static void collect(Form form, List<String> keys) {
		for (Form.Field field : form.fields()) {
			keys.add(field.labelKey());
			field.constants().forEach(constant -> keys.add("enum." + field.vocabulary() + "." + constant));
			if (field.nested() != null) {
				collect(field.nested(), keys);
			}
		}
	}

	private static List<String> missing(Properties labels, List<String> keys) {
		return keys.stream().filter(key -> labels.getProperty(key, "").isBlank()).toList();
	}

	private static Properties load(String bundle) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = TaskFormsLabelsTest.class.getClassLoader().getResourceAsStream(bundle)) {
			assertThat(in).as(bundle).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
