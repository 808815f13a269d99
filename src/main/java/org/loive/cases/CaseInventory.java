package org.loive.cases;

import org.loive.vault.Vault;
import org.loive.workflow.CaseProgress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every case read as its page reads it (after a restore): its row, its persons, its steps in the engine (open ones
 * and the history), and each person's place in the vault. Identifiers and codes only.
 */
@Component
public class CaseInventory {

	/** Cases read whole, persons linked, and what did not read, as case id and what failed. */
	public record Inventory(long cases, long persons, List<Unreadable> unreadable) {

		public boolean readable() {
			return unreadable.isEmpty();
		}
	}

	/** {@code what}: {@code row}, {@code engine} (the engine knows no process of the case) or {@code person:<id>}. */
	public record Unreadable(UUID caseId, String what) {
	}

	private final JdbcClient jdbc;
	private final Cases cases;
	private final CasePersons persons;
	private final CaseProgress progress;
	private final Vault vault;

	CaseInventory(JdbcClient jdbc, Cases cases, CasePersons persons, CaseProgress progress, Vault vault) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.persons = persons;
		this.progress = progress;
		this.vault = vault;
	}

	@Transactional(readOnly = true)
	public Inventory inventory() {
		List<UUID> ids = jdbc.sql("select id from referral_case order by id").query(UUID.class).list();
		long read = 0;
		long linked = 0;
		List<Unreadable> unreadable = new ArrayList<>();
		for (UUID caseId : ids) {
			int before = unreadable.size();
			try {
				cases.find(caseId).orElseThrow();
			}
			catch (RuntimeException e) {
				unreadable.add(new Unreadable(caseId, "row"));
				continue;
			}
			progress.of(caseId);
			if (progress.currentActivities(caseId).isEmpty() && !progress.closed(caseId)) {
				unreadable.add(new Unreadable(caseId, "engine"));
			}
			for (CasePersons.LinkedPerson person : persons.of(caseId)) {
				linked++;
				if (!vault.caseOf(person.personId()).map(caseId::equals).orElse(false)) {
					unreadable.add(new Unreadable(caseId, "person:" + person.personId()));
				}
			}
			if (unreadable.size() == before) {
				read++;
			}
		}
		return new Inventory(read, linked, List.copyOf(unreadable));
	}
}
