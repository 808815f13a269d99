package org.loive.platform.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A form read from a record, and a submitted form read back into the JSON the API takes. */
class FormTest {

	enum Answer { ONE, TWO }

	record Child(@NotNull String sex, @Size(max = 20_000) String statement) {
	}

	@Schema(name = "Sample")
	record Sample(@NotNull Answer answer, @ShownWhen(field = "answer", is = "TWO") Boolean more,
			@NotNull @AssertTrue Boolean confirmed, List<@NotNull Answer> several, LocalDate day, Instant when,
			Integer count, @ChoicesFrom("agencies") String agency, Child child, List<Child> children) {
	}

	@Test
	void everyComponentBecomesAFieldOfItsKindWithItsConstraints() {
		Form form = Form.of(Sample.class);

		assertThat(form.name()).isEqualTo("Sample");
		assertThat(form.fields()).extracting(Form.Field::kind)
			.containsExactly(Form.Kind.CHOICE, Form.Kind.YES_NO, Form.Kind.CONFIRM, Form.Kind.CHOICES, Form.Kind.DATE,
					Form.Kind.DATETIME, Form.Kind.NUMBER, Form.Kind.CHOICE, Form.Kind.GROUP, Form.Kind.REPEATED);
		assertThat(form.field("answer").orElseThrow().required()).isTrue();
		assertThat(form.field("more").orElseThrow().required()).isFalse();
		assertThat(form.field("more").orElseThrow().shownWhen().field()).isEqualTo("answer");
		assertThat(form.field("several").orElseThrow().constants()).containsExactly("ONE", "TWO");
		assertThat(form.field("agency").orElseThrow().choicesFrom()).isEqualTo("agencies");
		assertThat(form.field("answer").orElseThrow().labelKey()).isEqualTo("form.Sample.answer");
		Form child = form.field("child").orElseThrow().nested();
		assertThat(child.field("statement").orElseThrow().kind()).isEqualTo(Form.Kind.TEXTAREA);
		assertThat(child.field("sex").orElseThrow().required()).isTrue();
		assertThat(form.field("children").orElseThrow().nested()).isSameAs(child);
	}

	@Test
	void aSubmittedFormBecomesTheApisJsonWithTypesAndWithoutFieldsWhoseConditionFails() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("answer", "ONE");
		params.add("more", "true");
		params.add("confirmed", "true");
		params.add("several", "ONE");
		params.add("several", "TWO");
		params.add("when", "2026-11-20T15:30");
		params.add("count", "x3");
		params.add("day", "");
		params.add("child.sex", "F");
		params.add("children[3].sex", "M");
		params.add("children[1].sex", "F");
		params.add("children[2].sex", "");

		ObjectNode body = FormReader.read(Form.of(Sample.class), params, "");

		assertThat(body.has("more")).as("shown only when answer is TWO").isFalse();
		assertThat(body.get("confirmed").isBoolean()).isTrue();
		assertThat(body.get("several")).hasSize(2);
		assertThat(body.get("when").asText()).as("entered in Vietnam's time").isEqualTo("2026-11-20T08:30:00Z");
		assertThat(body.get("count").isTextual()).as("left as text, to be refused as a wrong type").isTrue();
		assertThat(body.has("day")).isFalse();
		assertThat(body.get("child").get("sex").asText()).isEqualTo("F");
		assertThat(body.get("children")).as("items in index order, empty ones dropped").hasSize(2);
		assertThat(body.get("children").get(0).get("sex").asText()).isEqualTo("F");

		params.set("answer", "TWO");
		assertThat(FormReader.read(Form.of(Sample.class), params, "").get("more").asBoolean()).isTrue();
	}
}
