package org.loive.workflow;

/**
 * Where a case stands in the chain, in the order of DESIGN.md §2; parallel work shows the furthest. Each user
 * task names its stage in the BPMN ({@code camunda:property name="stage"}), read by {@link Stages}.
 */
public enum Stage {

	CLASSIFICATION, RESCUE, RECEPTION, VERIFICATION, IDENTIFICATION, PROTECTION, SUPPORT, REPATRIATION, REINTEGRATION,
	CLOSURE, CLOSED;


	/** The BPMN property of a user task that names its stage. */
	static final String PROPERTY = "stage";
}
