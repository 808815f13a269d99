package org.loive.access;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * What a call to the engine's REST API is, under {@code /engine-rest} and under the Camunda webapps' own
 * {@code /camunda/api/engine/engine/{name}}: a read (GET, or a query sent as POST), an operator's write (jobs,
 * incidents, retries, suspension, migration, history cleanup), or anything else. Anything else acts on a case
 * (completes a task, writes a variable, starts a process, correlates a message, modifies or deletes an
 * instance, deploys) and is refused for every role: the chain is worked through {@code /api/v1} and the pages,
 * with their forms, validation and access decision.
 */
final class EngineRequests {

	static final String ENGINE_REST = "/engine-rest";
	static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/*";

	/** Queries the REST API takes as POST with the filter in the body. */
	private static final List<String> QUERIES = List.of("/process-instance", "/task", "/execution", "/variable-instance",
			"/job", "/job-definition", "/external-task", "/history/process-instance", "/history/activity-instance",
			"/history/task", "/history/variable-instance", "/history/detail", "/history/job-log",
			"/history/external-task-log");

	private static final List<Write> OPERATIONS = List.of(
			new Write(HttpMethod.PUT, "/job/*/retries"), new Write(HttpMethod.PUT, "/job/*/suspended"),
			new Write(HttpMethod.PUT, "/job/*/duedate"), new Write(HttpMethod.POST, "/job/*/duedate/recalculate"),
			new Write(HttpMethod.PUT, "/job/*/priority"), new Write(HttpMethod.POST, "/job/*/execute"),
			new Write(HttpMethod.POST, "/job/retries"), new Write(HttpMethod.PUT, "/job/suspended"),
			new Write(HttpMethod.PUT, "/job-definition/*/retries"), new Write(HttpMethod.PUT, "/job-definition/*/suspended"),
			new Write(HttpMethod.PUT, "/job-definition/suspended"), new Write(HttpMethod.PUT, "/job-definition/*/jobPriority"),
			new Write(HttpMethod.PUT, "/external-task/*/retries"), new Write(HttpMethod.PUT, "/external-task/retries"),
			new Write(HttpMethod.POST, "/external-task/retries-async"),
			new Write(HttpMethod.PUT, "/incident/*/annotation"), new Write(HttpMethod.DELETE, "/incident/*/annotation"),
			new Write(HttpMethod.PUT, "/process-instance/*/suspended"), new Write(HttpMethod.PUT, "/process-instance/suspended"),
			new Write(HttpMethod.POST, "/process-instance/suspended-async"),
			new Write(HttpMethod.PUT, "/process-definition/*/suspended"),
			new Write(HttpMethod.PUT, "/process-definition/key/*/suspended"),
			new Write(HttpMethod.PUT, "/process-definition/suspended"),
			new Write(HttpMethod.POST, "/migration/generate"), new Write(HttpMethod.POST, "/migration/validate"),
			new Write(HttpMethod.POST, "/migration/execute"), new Write(HttpMethod.POST, "/migration/executeAsync"),
			new Write(HttpMethod.PUT, "/batch/*/suspended"), new Write(HttpMethod.DELETE, "/batch/*"),
			new Write(HttpMethod.POST, "/history/cleanup"));

	private record Write(HttpMethod method, String path) {
	}

	private static final RequestMatcher ENGINE_APIS = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher(ENGINE_REST + "/**"),
			PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/engine/**"));
	private static final RequestMatcher READS = new OrRequestMatcher(readMatchers());
	private static final RequestMatcher OPERATOR_WRITES = new OrRequestMatcher(operationMatchers());

	private EngineRequests() {
	}

	/** GETs and POSTed queries of either engine API. */
	static RequestMatcher reads() {
		return READS;
	}

	/** The writes an operator needs, on either engine API. */
	static RequestMatcher operatorWrites() {
		return OPERATOR_WRITES;
	}

	/**
	 * Refused to everyone; a request without a token is told to authenticate first (401), as everywhere else,
	 * rather than refused outright.
	 */
	static AuthorizationManager<RequestAuthorizationContext> refusedOnceAuthenticated() {
		return (authentication, context) -> {
			authentication.get();
			return new AuthorizationDecision(false);
		};
	}

	/** Every call to either engine API that is not a read. */
	static RequestMatcher writes() {
		return request -> ENGINE_APIS.matches(request) && !READS.matches(request);
	}

	private static List<RequestMatcher> readMatchers() {
		List<RequestMatcher> matchers = new ArrayList<>();
		for (String base : List.of(ENGINE_REST, WEBAPP_ENGINE)) {
			matchers.add(matcher(HttpMethod.GET, base + "/**"));
			matchers.add(matcher(HttpMethod.HEAD, base + "/**"));
			for (String query : QUERIES) {
				matchers.add(matcher(HttpMethod.POST, base + query));
				matchers.add(matcher(HttpMethod.POST, base + query + "/count"));
			}
		}
		return matchers;
	}

	private static List<RequestMatcher> operationMatchers() {
		List<RequestMatcher> matchers = new ArrayList<>();
		for (String base : List.of(ENGINE_REST, WEBAPP_ENGINE)) {
			OPERATIONS.forEach(write -> matchers.add(matcher(write.method(), base + write.path())));
		}
		return matchers;
	}

	private static RequestMatcher matcher(HttpMethod method, String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
	}
}
