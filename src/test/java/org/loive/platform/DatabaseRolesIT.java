package org.loive.platform;

import org.junit.jupiter.api.Test;
import org.loive.support.IntegrationTest;
import org.loive.support.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application runs as a role that owns none of its tables, so that a migration can take rights away from
 * it for good, and still reads and writes them; Flyway migrates as the owner.
 */
class DatabaseRolesIT extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theApplicationConnectsAsTheRuntimeRoleWhichOwnsNoTable() {
		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(TestPostgres.RUNTIME.user());
		assertThat(jdbc.sql("select tablename from pg_tables where schemaname = 'loive'").query(String.class).list())
			.contains("referral_case", "vault_person", "vault_section", "flyway_schema_history");
		assertThat(jdbc.sql("select distinct tableowner from pg_tables where schemaname = 'loive'").query(String.class).list())
			.containsExactly(TestPostgres.OWNER.user());
		assertThat(jdbc.sql("select distinct installed_by from flyway_schema_history").query(String.class).list())
			.containsExactly(TestPostgres.OWNER.user());
	}

	@Test
	void itMayReadAndWriteEveryTableButNotTruncateNorCreateInTheSchema() {
		assertThat(tables("select, insert, update, delete")).containsOnly(true);
		assertThat(tables("truncate")).containsOnly(false);
		assertThat(jdbc.sql("select has_schema_privilege('loive', 'create')").query(Boolean.class).single()).isFalse();

		jdbc.sql("insert into case_reference_counter (area, year, last_value) values ('ROLES', 1900, 1)").update();
		jdbc.sql("update case_reference_counter set last_value = 2 where area = 'ROLES'").update();
		assertThat(jdbc.sql("select last_value from case_reference_counter where area = 'ROLES'").query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("delete from case_reference_counter where area = 'ROLES'").update()).isEqualTo(1);
	}

	@Test
	void aTableOfALaterMigrationIsOpenToItToo() throws SQLException {
		try (Connection owner = TestPostgres.get().connect(TestPostgres.OWNER);
				Statement statement = owner.createStatement()) {
			statement.execute("create table loive.roles_probe (id integer primary key)");
			try {
				jdbc.sql("insert into roles_probe values (1)").update();
				assertThat(jdbc.sql("delete from roles_probe").update()).isEqualTo(1);
			}
			finally {
				statement.execute("drop table loive.roles_probe");
			}
		}
	}

	@Test
	void camundasTablesStayInSchemaPublicAndAreFoundFirst() {
		assertThat(jdbc.sql("select schemaname from pg_tables where tablename = 'act_ge_property'").query(String.class)
			.list()).containsExactly("public");
		assertThat(jdbc.sql("select array_to_string(current_schemas(false), ',')").query(String.class).single())
			.isEqualTo("public,loive");
	}

	private List<Boolean> tables(String privileges) {
		return jdbc.sql("select has_table_privilege(format('loive.%I', tablename), :privileges) from pg_tables"
				+ " where schemaname = 'loive'")
			.param("privileges", privileges)
			.query(Boolean.class)
			.list();
	}
}
