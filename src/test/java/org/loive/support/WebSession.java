package org.loive.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's session without a browser: logs a demo user in through the real Keycloak login form
 * (authorization code with PKCE, as a browser does), then sends page requests with the session cookie and,
 * for forms, the CSRF token the page carries. For tests that check every page, and for benchmarks.
 */
public final class WebSession {

	private static final Pattern LOGIN_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
	private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final HttpClient http;
	private final String base;
	private final Map<String, String> cookies;
	private String csrf;
	private HttpResponse<String> landed;

	private WebSession(String base) {
		this(base, new LinkedHashMap<>(), HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
	}

	private WebSession(String base, Map<String, String> cookies, HttpClient http) {
		this.base = base;
		this.cookies = cookies;
		this.http = http;
	}

	/**
	 * The same browser on another node of the application: the same cookies (a browser sends a host's cookies to
	 * every port of it), so the same session, and the CSRF token as the pages of this node gave it.
	 */
	public WebSession on(String otherBase) {
		WebSession other = new WebSession(otherBase, cookies, http);
		other.csrf = csrf;
		return other;
	}

	/**
	 * A login spread over two nodes behind one address, as a load balancer may spread it: {@code path} asked of
	 * {@code base} without a session (saved, then Keycloak's login), and Keycloak's answer (the authorization code)
	 * taken to {@code otherNode}, with the forwarded headers a proxy adds naming {@code base} as the address the
	 * browser used. {@link #landed()} is the page the login ended on.
	 */
	public static WebSession logInAcross(String base, String otherNode, String username, String path) {
		WebSession session = new WebSession(base);
		HttpResponse<String> login = session.follow(session.send(HttpRequest.newBuilder(URI.create(base + path)).GET()));
		Matcher action = LOGIN_ACTION.matcher(login.body());
		assertThat(action.find()).as("Keycloak's login form for %s", username).isTrue();
		HttpResponse<String> code = session.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password=demo&credentialId=")));
		String callback = code.headers().firstValue("Location").orElseThrow();
		assertThat(callback).as("Keycloak sends the code back to the address the login began at").startsWith(base);
		URI front = URI.create(base);
		HttpResponse<String> landed = session.follow(session.send(HttpRequest
			.newBuilder(URI.create(otherNode + callback.substring(base.length())))
			.header("X-Forwarded-For", "127.0.0.1")
			.header("X-Forwarded-Proto", front.getScheme())
			.header("X-Forwarded-Host", front.getHost())
			.header("X-Forwarded-Port", String.valueOf(front.getPort()))
			.GET()));
		session.landed = session.remember(landed);
		return session;
	}

	/**
	 * Another browser tab holding the session cookie as it is now, which a later Set-Cookie of this one does not
	 * reach: to show that a session ended on the server, not just forgotten by this browser.
	 */
	public WebSession copy() {
		WebSession copy = new WebSession(base, new LinkedHashMap<>(cookies), http);
		copy.csrf = csrf;
		return copy;
	}

	/** The page the login ended on. */
	public HttpResponse<String> landed() {
		return landed;
	}

	/** A cookie the session holds (the application's session, Camunda's XSRF-TOKEN), or null. */
	public String cookie(String name) {
		return cookies.get(name);
	}

	/** Any request, with the session's cookies. */
	public HttpResponse<String> request(HttpRequest.Builder request) {
		return remember(send(request));
	}

	/** Logs the demo user (password "demo") in and lands on their start page. */
	public static WebSession logIn(String base, String username) {
		WebSession session = new WebSession(base);
		HttpResponse<String> login = session.follow(session.send(HttpRequest.newBuilder(URI.create(base + "/")).GET()));
		Matcher action = LOGIN_ACTION.matcher(login.body());
		assertThat(action.find()).as("Keycloak's login form for %s", username).isTrue();
		String form = "username=" + encode(username) + "&password=demo&credentialId=";
		HttpResponse<String> landed = session.follow(session.send(HttpRequest
			.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))));
		assertThat(landed.uri().toString()).as("%s logged in", username).startsWith(base);
		assertThat(landed.statusCode()).isEqualTo(200);
		session.landed = session.remember(landed);
		return session;
	}

	public HttpResponse<String> get(String path) {
		return remember(send(HttpRequest.newBuilder(URI.create(base + path)).GET()));
	}

	/** A GET as htmx sends it. */
	public HttpResponse<String> htmxGet(String path) {
		return remember(send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET()));
	}

	/** A form post with the session's CSRF token. */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.put("_csrf", csrfToken());
		return postRaw(path, withToken);
	}

	/** A form post exactly as given: without a CSRF token unless the fields hold one. */
	public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A multipart form post with the session's CSRF token, the fields and one file, as a browser uploads it. */
	public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField,
			String fileName, byte[] content) {
		String boundary = "loive-" + UUID.randomUUID();
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.put("_csrf", csrfToken());
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		withToken.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		if (fileField != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
					+ fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** The CSRF token of the session, read from a page's meta tag. */
	public String csrfToken() {
		if (csrf == null) {
			remember(get("/"));
			if (csrf == null) {
				remember(follow(send(HttpRequest.newBuilder(URI.create(base + "/")).GET())));
			}
		}
		return csrf;
	}

	private HttpResponse<String> remember(HttpResponse<String> response) {
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			csrf = token.group(1);
		}
		return response;
	}

	/** Follows redirects, across the application and Keycloak, as a browser does. */
	public HttpResponse<String> follow(HttpResponse<String> response) {
		HttpResponse<String> current = response;
		for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
			URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
			current = send(HttpRequest.newBuilder(next).GET());
		}
		return current;
	}

	/**
	 * Java's cookie manager keeps no cookie of a host without a dot ("localhost"): the session's cookies are kept
	 * here instead, by name (the application's and Keycloak's names differ), and sent with every request.
	 */
	private HttpResponse<String> send(HttpRequest.Builder request) {
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
				.collect(Collectors.joining("; ")));
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			for (String header : response.headers().allValues("Set-Cookie")) {
				String[] pair = header.split(";", 2)[0].split("=", 2);
				String lower = header.toLowerCase(java.util.Locale.ROOT);
				if (pair.length < 2 || pair[1].isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
					cookies.remove(pair[0].strip());
				}
				else {
					cookies.put(pair[0].strip(), pair[1]);
				}
			}
			return response;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
