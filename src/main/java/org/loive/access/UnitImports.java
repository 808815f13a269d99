package org.loive.access;

import org.loive.access.AdministrativeUnitTable.Unit;
import org.loive.access.UnitsCsv.Change;
import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.platform.InvalidRequestException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Imports a list of administrative units as CSV: a preview of what it adds and changes, then the import, all
 * lines or none, on record. Importing the same list again changes nothing. The list the application ships is
 * imported once, at the first start that finds it new.
 */
@Service
class UnitImports {

	/** The provinces and cities of the 2025 map (Resolution 202/2025/QH15, in force 12 June 2025). */
	static final String SHIPPED = "administrative-units/provinces-2025.csv";

	/** What an import does, or would do: counts, the lines that add or change a unit, the file's SHA-256. */
	record Result(long added, long changed, long unchanged, List<UnitsCsv.Line> changes, String checksum,
			boolean applied) {
	}

	/** The units the table holds. */
	record Counts(long provinces, long communes) {
	}

	private final AdministrativeUnitTable table;
	private final AuditLog audit;

	UnitImports(AdministrativeUnitTable table, AuditLog audit) {
		this.table = table;
		this.audit = audit;
	}

	Counts counts() {
		return new Counts(table.count(AdministrativeUnitTable.Level.PROVINCE),
				table.count(AdministrativeUnitTable.Level.COMMUNE));
	}

	/** What the file would change; its errors line by line (nothing is written either way). */
	@Transactional(readOnly = true)
	Result preview(byte[] csv) {
		return result(read(csv), checksum(csv), false);
	}

	/** Imports the file, every line or, when any is wrong, none; on record. */
	@Transactional
	Result apply(byte[] csv, Officer officer) {
		table.lock();
		return apply(csv, "upload", officer.actor(), officer.username());
	}

	/** The shipped list, once per version of it. */
	@Transactional
	void applyShipped() {
		byte[] csv;
		try {
			csv = new ClassPathResource(SHIPPED).getContentAsByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		table.lock();
		if (!table.imported(SHIPPED, checksum(csv))) {
			apply(csv, SHIPPED, AuditEvent.Actor.SYSTEM, AuditEvent.Actor.SYSTEM.username());
		}
	}

	/** Under the table's lock. */
	private Result apply(byte[] csv, String source, AuditEvent.Actor actor, String by) {
		UnitsCsv.Read read = read(csv);
		String checksum = checksum(csv);
		Result result = result(read, checksum, true);
		audit.record(AuditEvent.of(AuditAction.ADMINISTRATIVE_UNITS_IMPORT, actor)
			.purpose("added:%d,changed:%d,unchanged:%d".formatted(result.added(), result.changed(), result.unchanged())));
		List<Unit> changed = result.changes().stream().map(UnitsCsv.Line::unit).toList();
		table.save(changed);
		table.recordImport(source, checksum, (int) result.added(), (int) result.changed(), (int) result.unchanged(), by);
		return result;
	}

	/** The file read against the table; refused field by field ({@code lines[5].code}) when a line is wrong. */
	private UnitsCsv.Read read(byte[] csv) {
		UnitsCsv.Read read = UnitsCsv.read(csv, table.units());
		if (!read.errors().isEmpty()) {
			throw new UnitsRefused(read.errors());
		}
		return read;
	}

	private static Result result(UnitsCsv.Read read, String checksum, boolean applied) {
		return new Result(read.count(Change.ADDED), read.count(Change.CHANGED), read.count(Change.UNCHANGED),
				read.lines().stream().filter(line -> line.change() != Change.UNCHANGED).toList(), checksum, applied);
	}

	private static String checksum(byte[] csv) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A file with wrong lines: the API's 400 names each as {@code lines[<line>].<column>}; the page lists them. */
	static final class UnitsRefused extends InvalidRequestException {

		private final List<UnitsCsv.LineError> errors;

		UnitsRefused(List<UnitsCsv.LineError> errors) {
			super(errors.stream()
				.map(error -> new Rejection(error.column() == null ? "lines[" + error.line() + "]"
						: "lines[" + error.line() + "]." + error.column(), error.messageKey()))
				.toList());
			this.errors = errors;
		}

		List<UnitsCsv.LineError> errors() {
			return errors;
		}
	}
}
