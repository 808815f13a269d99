package org.loive.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field, or a list of texts, whose allowed values the page knows only at run time (the services a
 * person is eligible for, the provider agencies): the page offers the choices it is given under this name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD })
public @interface ChoicesFrom {

	String value();
}
