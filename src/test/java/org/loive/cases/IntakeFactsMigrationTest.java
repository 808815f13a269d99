package org.loive.cases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loive.support.MigrationDatabase;
import org.loive.workflow.ExploitationForm;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases made before the facts of V9 keep their single form of exploitation, as a list of one, and still open. */
class IntakeFactsMigrationTest {

	@TempDir
	static Path directory;
	static MigrationDatabase database;

	@AfterAll
	static void stop() {
		if (database != null) {
			database.close();
		}
	}

	@Test
	void existingCasesKeepTheirFormOfExploitationAndOpenWithTheNewFactsEmpty() {
		database = MigrationDatabase.start(directory);
		JdbcClient jdbc = database.jdbc();
		database.migrateTo("6");
		UUID labour = insert(jdbc, "QNG-2026-000001", "FORCED_LABOUR");
		UUID unknown = insert(jdbc, "QNG-2026-000002", null);

		database.migrate();

		Cases cases = new Cases(jdbc, null, null, null, null, null, null, null, null, null, null);
		CaseRecord before = cases.find(labour).orElseThrow();
		assertThat(before.facts()).isEqualTo(new IntakeFacts(null, null, null, null,
				List.of(ExploitationForm.FORCED_LABOUR), List.of(), "KH", null));
		assertThat(before.channel()).isEqualTo("HOTLINE_111");
		assertThat(cases.find(unknown).orElseThrow().facts().exploitationForms()).isEmpty();
	}

	private static UUID insert(JdbcClient jdbc, String reference, String exploitationForm) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into loive.referral_case (id, reference, channel, place, area, intake_area, received_at,
				                                 immediate_danger, process_instance_id, registered_by, exploitation_form,
				                                 destination_country)
				values (:id, :reference, 'HOTLINE_111', 'INLAND', 'QNG', 'QNG', now(), false, :process, 'police.qng',
				        :form, 'KH')""")
			.param("id", id)
			.param("reference", reference)
			.param("process", id.toString())
			.param("form", exploitationForm)
			.update();
		return id;
	}
}
