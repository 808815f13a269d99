package org.loive.reporting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the reports' read model on start when it lacks the data that existed before it (no fact, yet cases),
 * and on demand: {@code --rebuild-report-facts} rebuilds it and exits with status 0. Logs counts only.
 */
@Component
class ReportFactsCommand implements ApplicationRunner {

	static final String OPTION = "rebuild-report-facts";

	private static final Logger log = LoggerFactory.getLogger(ReportFactsCommand.class);

	private final ReportFactsRebuild rebuild;
	private final ConfigurableApplicationContext context;

	ReportFactsCommand(ReportFactsRebuild rebuild, ConfigurableApplicationContext context) {
		this.rebuild = rebuild;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (arguments.containsOption(OPTION)) {
			rebuild("theo yêu cầu", "on request");
			System.exit(SpringApplication.exit(context, () -> 0));
		}
		else if (rebuild.needed()) {
			rebuild("dữ liệu có từ trước", "data that existed before");
		}
	}

	private void rebuild(String lyDo, String why) {
		ReportFactsRebuild.Counts counts = rebuild.rebuild();
		log.info("Đã dựng lại dữ liệu báo cáo ({}): {} vụ việc, {} người, {} sự kiện / Report facts rebuilt ({}): {} cases, {} persons, {} facts",
				lyDo, counts.cases(), counts.persons(), counts.facts(), why, counts.cases(), counts.persons(), counts.facts());
	}
}
