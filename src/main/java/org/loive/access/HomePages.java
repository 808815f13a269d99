package org.loive.access;

import org.loive.platform.web.PageController;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Set;

/** Where each user starts, by role; the page after logout; the notice for caseworkers who open Tasklist. */
@PageController
class HomePages {

	@GetMapping("/")
	String home(Officer officer) {
		return "redirect:" + start(officer);
	}

	@GetMapping("/logged-out")
	String loggedOut() {
		return "access/logged-out";
	}

	@GetMapping("/tasklist")
	String tasklistMoved() {
		return "access/tasklist";
	}

	/**
	 * A caseworker's inbox (the procuracy's and the court's: their criminal cases, they have no tasks), a
	 * supervisor's dashboard, an auditor's trail, an administrator's keys.
	 */
	static String start(Officer officer) {
		if (officer.hasRole(Officer.CASEWORKER) && !officer.agencies().isEmpty()
				&& Set.of(Agency.PROCURACY.group(), Agency.COURT.group()).containsAll(officer.agencies())) {
			return "/criminal-cases";
		}
		if (officer.hasRole(Officer.CASEWORKER)) {
			return "/inbox";
		}
		if (officer.hasRole(Officer.SUPERVISOR)) {
			return "/dashboard";
		}
		if (officer.hasRole(Officer.AUDITOR)) {
			return "/audit";
		}
		if (officer.hasRole(Officer.ADMIN)) {
			return "/admin/vault";
		}
		return "/logged-out";
	}
}
