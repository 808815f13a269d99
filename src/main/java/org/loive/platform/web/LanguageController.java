package org.loive.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

import java.util.Locale;

/** The language switch of every page: remembers the choice and goes back to the page it came from. */
@PageController
class LanguageController {

	private final LocaleResolver locales;

	LanguageController(LocaleResolver locales) {
		this.locales = locales;
	}

	@PostMapping("/language")
	String switchTo(@RequestParam String lang, @RequestParam(defaultValue = "/") String back,
			HttpServletRequest request, HttpServletResponse response) {
		locales.setLocale(request, response, Locale.forLanguageTag("en".equals(lang) ? "en" : "vi"));
		return "redirect:" + (sameSite(back) ? back : "/");
	}

	/** Only a path of this application, never another site (an open redirect). */
	static boolean sameSite(String back) {
		return back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && !back.contains("\r")
				&& !back.contains("\n");
	}
}
