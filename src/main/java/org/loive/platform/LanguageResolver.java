package org.loive.platform;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The user's language: the one chosen with the pages' switch (a cookie, remembered for a year); otherwise
 * Vietnamese on the pages, whatever the browser's language, and the {@code Accept-Language} asked for on
 * the API.
 */
class LanguageResolver implements LocaleResolver {

	static final String COOKIE = "loive-lang";
	private static final Duration REMEMBERED = Duration.ofDays(365);

	private final List<Locale> supported;
	private final Locale fallback;

	LanguageResolver(List<Locale> supported, Locale fallback) {
		this.supported = supported;
		this.fallback = fallback;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Locale chosen = chosen(request);
		if (chosen != null) {
			return chosen;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") && request.getHeader("Accept-Language") != null) {
			return supported(request.getLocale());
		}
		return fallback;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Cookie cookie = new Cookie(COOKIE, supported(locale == null ? fallback : locale).getLanguage());
		cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
		cookie.setMaxAge((int) REMEMBERED.toSeconds());
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

	private Locale chosen(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (COOKIE.equals(cookie.getName())) {
				return supported.stream().filter(l -> l.getLanguage().equals(cookie.getValue())).findFirst().orElse(null);
			}
		}
		return null;
	}

	private Locale supported(Locale asked) {
		return supported.stream().filter(l -> l.getLanguage().equals(asked.getLanguage())).findFirst().orElse(fallback);
	}
}
