package org.loive.cases;

import org.loive.platform.ApiException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process diagrams (drawn by bpmn-js, copied from docs/diagrams at build time) with a case's current
 * steps marked: a class on each current step's shape and a style sheet inside the SVG, so the image needs
 * neither script nor a style of the page.
 */
@Component
class CaseDiagrams {

	static final String CURRENT = "loive-current";

	/** Drawn over the inline styles of bpmn-js: a thick dark orange outline and a pale fill. */
	static final String STYLE = "<style>g." + CURRENT + " > .djs-visual > :first-child { stroke: #b45309 !important; "
			+ "stroke-width: 5px !important; fill: #fef3c7 !important; }</style>";

	private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
	private static final Pattern SVG_START = Pattern.compile("<svg\\b[^>]*>");

	private final Map<String, String> diagrams = new ConcurrentHashMap<>();

	/** The diagram of the process, its current steps marked; 404 if there is no such diagram. */
	String marked(String processKey, Collection<String> currentSteps) {
		return mark(diagram(processKey), currentSteps);
	}

	private String diagram(String processKey) {
		if (!KEY.matcher(processKey).matches()) {
			throw ApiException.notFound("diagram.not-found", processKey);
		}
		return diagrams.computeIfAbsent(processKey, key -> {
			ClassPathResource resource = new ClassPathResource("diagrams/" + key + ".svg");
			if (!resource.exists()) {
				throw ApiException.notFound("diagram.not-found", key);
			}
			try (var in = resource.getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	/** The SVG with the style sheet after its opening tag and the class on the shape of every current step. */
	static String mark(String svg, Collection<String> currentSteps) {
		String marked = svg;
		for (String step : currentSteps) {
			if (KEY.matcher(step).matches()) {
				marked = markShape(marked, step);
			}
		}
		Matcher start = SVG_START.matcher(marked);
		if (!start.find()) {
			throw new IllegalStateException("not an SVG diagram");
		}
		return marked.substring(0, start.end()) + STYLE + marked.substring(start.end());
	}

	private static String markShape(String svg, String step) {
		Matcher shape = Pattern.compile("<g\\b([^>]*?)\\sdata-element-id=\"" + Pattern.quote(step) + "\"([^>]*)>")
			.matcher(svg);
		if (!shape.find()) {
			return svg;
		}
		String tag = shape.group();
		String withClass = tag.contains(" class=\"") ? tag.replaceFirst(" class=\"", " class=\"" + CURRENT + " ")
				: tag.replaceFirst("^<g", "<g class=\"" + CURRENT + "\"");
		return svg.substring(0, shape.start()) + withClass + svg.substring(shape.end());
	}
}
