package org.loive.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.loive.support.Api;
import org.loive.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every user task's form is a documented schema of the OpenAPI document, with its required answers. */
class TaskFormsApiDocIT extends IntegrationTest {

	@Test
	void everyTaskFormIsDocumented() {
		JsonNode schemas = Api.get("/v3/api-docs", null).body().get("components").get("schemas");

		assertThat(TaskForms.taskKeys().stream().map(TaskForms::schemaName)).allMatch(schemas::has);
		assertThat(schemas.get("CompleteTaskRequest").get("properties").get("decision").get("oneOf"))
			.hasSize(TaskForms.taskKeys().size());
		JsonNode classify = schemas.get("ClassifyDecision");
		assertThat(classify.get("description").asText()).startsWith("Phân loại tin báo");
		assertThat(classify.get("properties").get("classification").get("enum"))
			.extracting(JsonNode::asText)
			.containsExactly("TRAFFICKING_SUSPECTED", "OTHER_MATTER", "DUPLICATE");
		assertThat(classify.get("required")).extracting(JsonNode::asText).contains("classification");
	}
}
