package org.loive.cases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loive.support.MigrationDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V33: intake writes the case's row before it draws the reference, and the reference must be there at the commit;
 * a case without one is refused then, with nothing of its transaction kept.
 */
class CaseReferenceDrawnLastMigrationTest {

	@TempDir
	static Path directory;
	static MigrationDatabase database;
	static JdbcClient jdbc;
	static TransactionTemplate transaction;

	@BeforeAll
	static void start() {
		database = MigrationDatabase.start(directory);
		database.migrate();
		jdbc = JdbcClient.create(database.dataSource());
		transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
	}

	@AfterAll
	static void stop() {
		if (database != null) {
			database.close();
		}
	}

	@Test
	void aCaseWrittenWithoutItsReferenceCommitsOnceTheReferenceIsDrawn() {
		UUID id = transaction.execute(status -> {
			UUID written = insertWithoutReference();
			assertThat(jdbc.sql("update referral_case set reference = 'QNG-2026-000001' where id = :id").param("id", written)
				.update()).isOne();
			return written;
		});

		assertThat(jdbc.sql("select reference from referral_case where id = :id").param("id", id).query(String.class)
			.single()).isEqualTo("QNG-2026-000001");
	}

	@Test
	void aCaseLeftWithoutItsReferenceIsRefusedAtTheCommitWithNothingKept() {
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> insertWithoutReference()))
			.isInstanceOf(TransactionSystemException.class)
			.rootCause()
			.hasMessageContaining("without its reference");

		assertThat(jdbc.sql("select count(*) from referral_case where reference is null").query(Long.class).single())
			.isZero();
	}

	private static UUID insertWithoutReference() {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into referral_case (id, channel, area, intake_area, received_at, immediate_danger, process_instance_id,
				                           registered_by)
				values (:id, 'HOTLINE_111', 'QNG', 'QNG', now(), false, :process, 'police.qng')""")
			.param("id", id)
			.param("process", id.toString())
			.update();
		return id;
	}
}
