package org.loive.workflow;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The stage of each step, as the models the application deploys ({@code bpmn/} on the classpath) name it on their
 * user tasks; earlier definitions share the task ids. A task without one counts as classification.
 */
@Component
class Stages {

	private final Map<String, Stage> byTask = new HashMap<>();

	Stages() {
		try {
			for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath:bpmn/*.bpmn")) {
				try (InputStream in = model.getInputStream()) {
					Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class).forEach(this::read);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("the process models of bpmn/", e);
		}
	}

	Stage of(String taskKey) {
		return byTask.getOrDefault(taskKey, Stage.CLASSIFICATION);
	}

	private void read(UserTask task) {
		if (task.getExtensionElements() == null) {
			return;
		}
		task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
			.flatMap(properties -> properties.getCamundaProperties().stream())
			.filter(property -> Stage.PROPERTY.equals(property.getCamundaName()))
			.map(CamundaProperty::getCamundaValue)
			.findFirst()
			.ifPresent(stage -> byTask.put(task.getId(), Stage.valueOf(stage)));
	}
}
