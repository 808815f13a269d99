package org.loive.cases;

import org.loive.vault.Vault;
import org.loive.workflow.CaseProgress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every case read as its page reads it (after a restore): its row, its persons, its steps in the engine (open ones
 * and the history), and each person's place in the vault. Identifiers and codes only.
 */
@Component
public class CaseInventory {

	/** Cases read whole, persons linked, how many parts did not read and the first {@value #LISTED} of them. */
	public record Inventory(long cases, long persons, long unreadableParts, List<Unreadable> unreadable) {

		public static final int LISTED = 1_000;

		public boolean readable() {
			return unreadableParts == 0;
		}
	}

	/**
	 * {@code what}: {@code row} (the case, its steps or its persons do not read), {@code engine} (the engine knows no
	 * process of the case) or {@code person:<id>} (a linked person the vault does not hold under this case).
	 */
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

	/** Each case in transactions of its own: a case that fails to read leaves the next ones to read. */
	public Inventory inventory() {
		List<UUID> ids = jdbc.sql("select id from referral_case order by id").query(UUID.class).list();
		long read = 0;
		long linked = 0;
		long failed = 0;
		List<Unreadable> unreadable = new ArrayList<>();
		for (UUID caseId : ids) {
			List<String> wrong = new ArrayList<>();
			try {
				cases.find(caseId).orElseThrow();
				progress.of(caseId);
				if (progress.currentActivities(caseId).isEmpty() && !progress.closed(caseId)) {
					wrong.add("engine");
				}
				for (CasePersons.LinkedPerson person : persons.of(caseId)) {
					linked++;
					if (!vault.caseOf(person.personId()).map(caseId::equals).orElse(false)) {
						wrong.add("person:" + person.personId());
					}
				}
			}
			catch (RuntimeException e) {
				wrong.add("row");
			}
			if (wrong.isEmpty()) {
				read++;
			}
			for (String what : wrong) {
				if (++failed <= Inventory.LISTED) {
					unreadable.add(new Unreadable(caseId, what));
				}
			}
		}
		return new Inventory(read, linked, failed, List.copyOf(unreadable));
	}
}
