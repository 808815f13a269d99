package org.loive.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field that takes one of a few codes (its {@code @Pattern} says which to the API): the page offers them
 * as choices, labelled {@code enum.<vocabulary>.<code>} like an enum's constants.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD })
public @interface OneOf {

	String vocabulary();

	String[] value();
}
