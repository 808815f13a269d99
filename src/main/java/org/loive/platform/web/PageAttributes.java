package org.loive.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;

/**
 * What a module adds to the model of every page for the layout (the signed-in user, the page's path), so the
 * error pages that {@link PageExceptionHandler} renders show the same header as the page that failed.
 */
public interface PageAttributes {

	Map<String, Object> of(HttpServletRequest request);
}
