package org.loive.access;

import jakarta.servlet.http.HttpServletRequest;
import org.loive.platform.web.PageAttributes;
import org.loive.platform.web.PageController;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the layout of every page, error pages included, shows of the signed-in user: who, which agencies, which area, where to start. */
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class PageModel implements PageAttributes {

	/** The user as the header names them; agencies by their Vietnamese and English names. */
	record SignedIn(String username, List<String> agencies, String area, String home, boolean caseworker,
			boolean supervisor, boolean auditor, boolean admin) {
	}

	@ModelAttribute("signedIn")
	SignedIn signedIn() {
		Optional<Officer> current = Officers.current();
		return current.map(officer -> new SignedIn(officer.username(), officer.agencies()
			.stream()
			.sorted()
			.map(group -> Agency.ofGroup(group).map(Agency::label).orElse(group))
			.toList(), officer.area(), HomePages.start(officer), officer.hasRole(Officer.CASEWORKER),
				officer.hasRole(Officer.SUPERVISOR), officer.hasRole(Officer.AUDITOR), officer.hasRole(Officer.ADMIN)))
			.orElse(null);
	}

	@Override
	public Map<String, Object> of(HttpServletRequest request) {
		Map<String, Object> attributes = new HashMap<>();
		attributes.put("signedIn", signedIn());
		attributes.put("currentPath", currentPath(request));
		return attributes;
	}

	/** The path of the page, for the language switch to come back to. */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		String query = request.getQueryString();
		return request.getRequestURI() + (query == null ? "" : "?" + query);
	}
}
