package org.loive.intake;

import org.loive.access.Officer;
import org.loive.platform.web.PageController;
import org.loive.workflow.Stage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The supervisor's province at a glance; every number links to the cases behind it. */
@PageController
class DashboardPages {

	private final Dashboard dashboard;

	DashboardPages(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/dashboard")
	String dashboard(Officer officer, Model model) {
		model.addAttribute("figures", dashboard.of(officer));
		model.addAttribute("stages", Stage.values());
		return "intake/dashboard";
	}
}
