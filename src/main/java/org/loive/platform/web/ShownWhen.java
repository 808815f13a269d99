package org.loive.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a form that applies only when another field of the same record has one of these values
 * (an enum constant, or {@code true} / {@code false}): the page shows it only then, and the form reader
 * drops it otherwise. The record's own validation still decides whether it is required.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD })
public @interface ShownWhen {

	String field();

	String[] is();
}
