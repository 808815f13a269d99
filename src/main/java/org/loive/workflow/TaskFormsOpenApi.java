package org.loive.workflow;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Publishes every task form as a schema of the OpenAPI document, and the completion body's
 * {@code decision} as one of them: the decision is read per task, so no single Java type describes it.
 */
@Component
class TaskFormsOpenApi implements OpenApiCustomizer {

	@Override
	public void customise(OpenAPI openApi) {
		Components components = openApi.getComponents();
		List<Schema> forms = TaskForms.taskKeys().stream().sorted().map(taskKey -> {
			ModelConverters.getInstance().readAll(TaskForms.form(taskKey)).forEach(components::addSchemas);
			return new Schema<>().$ref("#/components/schemas/" + TaskForms.schemaName(taskKey));
		}).map(schema -> (Schema) schema).toList();
		Schema<?> request = components.getSchemas().get("CompleteTaskRequest");
		if (request != null) {
			request.addProperty("decision", new Schema<>().description(
					"Quyết định theo mẫu của công việc (trường form của công việc) / The decision, in the task's form")
				.oneOf(forms));
		}
	}
}
