package org.loive.cases;

import org.loive.access.Agency;
import org.loive.access.Officer;
import org.loive.platform.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The supervisor's province at a glance; every number links to the cases behind it. */
@PageController
class DashboardPages {

	/** Agencies by their group, named as every label names them. */
	static final Map<String, String> AGENCY_LABELS = Arrays.stream(Agency.values())
		.collect(Collectors.toMap(Agency::group, Agency::label));

	private final Dashboard dashboard;

	DashboardPages(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/dashboard")
	String dashboard(Officer officer, Model model) {
		model.addAttribute("figures", dashboard.of(officer));
		model.addAttribute("agencyLabels", AGENCY_LABELS);
		return "cases/dashboard";
	}
}
