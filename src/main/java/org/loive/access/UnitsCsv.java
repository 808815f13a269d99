package org.loive.access;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.loive.access.AdministrativeUnitTable.Level;
import org.loive.access.AdministrativeUnitTable.Unit;
import org.loive.platform.Text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a list of administrative units as CSV (UTF-8, with or without a byte order mark; names in NFC whatever
 * form they came in) against the units stored, and says line by line what it adds, what it changes and what is
 * wrong. Columns, by header, in any order: {@code code}, {@code name} (required), {@code name_en},
 * {@code province_code} (a commune's province, by official code), {@code short_code} (a province's three
 * capitals), {@code valid_from}, {@code valid_to} ({@code yyyy-MM-dd} or {@code dd/MM/yyyy}). A unit the file
 * does not name stays as it is: a unit ends by its {@code valid_to}. An optional column the file does not have
 * leaves what is stored.
 */
final class UnitsCsv {

	/** A line's problem: the line of the file (the header is line 1), its column (or none), the message's key. */
	record LineError(int line, String column, String messageKey) {
	}

	/** What a line does to the table. */
	enum Change { ADDED, CHANGED, UNCHANGED }

	/** A unit of the file, the change it makes and, when changed, the columns that change. */
	record Line(int line, Unit unit, Change change, List<String> changed) {
	}

	/** The file read: its lines when every one is good, otherwise the problems found. */
	record Read(List<Line> lines, List<LineError> errors) {

		long count(Change change) {
			return lines.stream().filter(line -> line.change() == change).count();
		}
	}

	static final Set<String> COLUMNS = Set.of("code", "name", "name_en", "province_code", "short_code", "valid_from",
			"valid_to");
	private static final Pattern PROVINCE_CODE = Pattern.compile("^\\d{2}$");
	private static final Pattern COMMUNE_CODE = Pattern.compile("^\\d{5}$");
	private static final Pattern SHORT_CODE = Pattern.compile("^[A-Z]{3}$");
	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
	private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
	private static final int MAX_NAME = 200;

	private UnitsCsv() {
	}

	static Read read(byte[] content, Map<String, Unit> stored) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException e) {
			return failed(new LineError(0, null, "units.csv.not-utf8"));
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<CSVRecord> records;
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get()
			.parse(new StringReader(text))) {
			// blank lines stay records, so that a record's number is its line in the file
			records = parser.getRecords().stream().filter(record -> !record.stream().allMatch(String::isBlank)).toList();
		}
		catch (IOException | UncheckedIOException | IllegalStateException e) {
			return failed(new LineError(0, null, "units.csv.malformed"));
		}
		if (records.isEmpty()) {
			return failed(new LineError(1, null, "units.csv.empty"));
		}
		List<String> header = records.get(0).stream()
			.map(name -> Text.nfc(name).strip().toLowerCase(Locale.ROOT).replace('-', '_'))
			.toList();
		List<LineError> errors = new ArrayList<>();
		header.stream().filter(name -> !COLUMNS.contains(name))
			.forEach(name -> errors.add(new LineError(1, name, "units.csv.column-unknown")));
		for (String required : List.of("code", "name")) {
			if (!header.contains(required)) {
				errors.add(new LineError(1, required, "units.csv.column-missing"));
			}
		}
		if (header.size() != Set.copyOf(header).size()) {
			errors.add(new LineError(1, null, "units.csv.column-twice"));
		}
		if (records.size() == 1) {
			errors.add(new LineError(1, null, "units.csv.empty"));
		}
		if (!errors.isEmpty()) {
			return new Read(List.of(), errors);
		}
		return new Reader(header, stored).read(records.subList(1, records.size()));
	}

	private static Read failed(LineError error) {
		return new Read(List.of(), List.of(error));
	}

	/** The lines of one file, checked against the table and against each other. */
	private static final class Reader {

		private final List<String> header;
		private final Map<String, Unit> stored;
		private final Map<String, Unit> file = new LinkedHashMap<>();
		private final Map<String, Integer> shortCodes = new HashMap<>();
		private final List<LineError> errors = new ArrayList<>();

		Reader(List<String> header, Map<String, Unit> stored) {
			this.header = header;
			this.stored = stored;
		}

		Read read(List<CSVRecord> records) {
			Map<Integer, Unit> units = new LinkedHashMap<>();
			for (CSVRecord record : records) {
				int line = (int) record.getRecordNumber();
				if (record.size() != header.size()) {
					errors.add(new LineError(line, null, "units.csv.columns"));
					continue;
				}
				Map<String, String> values = new HashMap<>();
				for (int i = 0; i < header.size(); i++) {
					values.put(header.get(i), Text.nfc(record.get(i)).strip());
				}
				Unit unit = unit(line, values);
				if (unit != null) {
					units.put(line, unit);
				}
			}
			units.forEach(this::checkProvince);
			if (!errors.isEmpty()) {
				return new Read(List.of(), List.copyOf(errors));
			}
			return new Read(units.entrySet().stream().map(entry -> line(entry.getKey(), entry.getValue())).toList(),
					List.of());
		}

		/** The line's unit, or null when a column is wrong (each problem noted). */
		private Unit unit(int line, Map<String, String> values) {
			int before = errors.size();
			String code = values.get("code");
			String provinceCode = blankToNull(values.get("province_code"));
			Level level = provinceCode == null ? Level.PROVINCE : Level.COMMUNE;
			Unit existing = stored.get(code);
			if (!(level == Level.PROVINCE ? PROVINCE_CODE : COMMUNE_CODE).matcher(code).matches()) {
				error(line, "code", level == Level.PROVINCE ? "units.csv.province-code" : "units.csv.commune-code");
			}
			else if (file.containsKey(code)) {
				error(line, "code", "units.csv.duplicate");
			}
			else if (existing != null && existing.level() != level) {
				error(line, "province_code", "units.csv.level-fixed");
			}
			String name = values.get("name");
			if (name.isEmpty() || name.length() > MAX_NAME || CONTROL.matcher(name).find()) {
				error(line, "name", "units.csv.name");
			}
			String nameEn = blankToNull(values.get("name_en"));
			if (nameEn != null && (nameEn.length() > MAX_NAME || !nameEn.matches("^[\\x20-\\x7E]+$"))) {
				error(line, "name_en", "units.csv.name-en");
			}
			String shortCode = shortCode(line, level, existing, blankToNull(values.get("short_code")));
			LocalDate from = dateOrStored(line, "valid_from", values, existing == null ? null : existing.validFrom());
			LocalDate to = dateOrStored(line, "valid_to", values, existing == null ? null : existing.validTo());
			if (from != null && to != null && to.isBefore(from)) {
				error(line, "valid_to", "units.csv.dates-order");
			}
			if (errors.size() > before) {
				return null;
			}
			String english = nameEn != null ? nameEn : existing != null ? existing.nameEn() : Text.ascii(name);
			Unit unit = new Unit(code, level, shortCode, name, english, provinceCode, from, to);
			file.put(code, unit);
			return unit;
		}

		/** A province's short code: required when new, fixed once given, one per province. */
		private String shortCode(int line, Level level, Unit existing, String given) {
			if (level == Level.COMMUNE) {
				if (given != null) {
					error(line, "short_code", "units.csv.short-code-commune");
				}
				return null;
			}
			String shortCode = given != null ? given : existing == null ? null : existing.shortCode();
			if (shortCode == null) {
				error(line, "short_code", "units.csv.short-code-required");
			}
			else if (!SHORT_CODE.matcher(shortCode).matches()) {
				error(line, "short_code", "units.csv.short-code");
			}
			else if (existing != null && !existing.shortCode().equals(shortCode)) {
				error(line, "short_code", "units.csv.short-code-fixed");
			}
			else if (shortCodes.containsKey(shortCode) || stored.values().stream().anyMatch(unit ->
					shortCode.equals(unit.shortCode()) && (existing == null || !unit.code().equals(existing.code())))) {
				error(line, "short_code", "units.csv.short-code-taken");
			}
			else {
				shortCodes.put(shortCode, line);
			}
			return shortCode;
		}

		/** A commune's province must be a province, stored or in the same file. */
		private void checkProvince(int line, Unit unit) {
			if (unit.level() == Level.COMMUNE) {
				Unit province = file.containsKey(unit.provinceCode()) ? file.get(unit.provinceCode())
						: stored.get(unit.provinceCode());
				if (province == null || province.level() != Level.PROVINCE) {
					error(line, "province_code", "units.csv.province-unknown");
				}
			}
		}

		/** A date column the file does not have leaves the stored date; an empty cell clears it. */
		private LocalDate dateOrStored(int line, String column, Map<String, String> values, LocalDate stored) {
			return values.containsKey(column) ? date(line, column, values.get(column)) : stored;
		}

		private LocalDate date(int line, String column, String value) {
			if (value.isEmpty()) {
				return null;
			}
			try {
				return value.contains("/") ? LocalDate.parse(value, VIETNAMESE_DATE) : LocalDate.parse(value);
			}
			catch (DateTimeParseException e) {
				error(line, column, "units.csv.date");
				return null;
			}
		}

		private Line line(int line, Unit unit) {
			Unit existing = stored.get(unit.code());
			if (existing == null) {
				return new Line(line, unit, Change.ADDED, List.of());
			}
			List<String> changed = new ArrayList<>();
			compare(changed, "name", existing.nameVi(), unit.nameVi());
			compare(changed, "name_en", existing.nameEn(), unit.nameEn());
			compare(changed, "province_code", existing.provinceCode(), unit.provinceCode());
			compare(changed, "valid_from", existing.validFrom(), unit.validFrom());
			compare(changed, "valid_to", existing.validTo(), unit.validTo());
			return new Line(line, unit, changed.isEmpty() ? Change.UNCHANGED : Change.CHANGED, List.copyOf(changed));
		}

		private static void compare(List<String> changed, String column, Object before, Object after) {
			if (!Objects.equals(before, after)) {
				changed.add(column);
			}
		}

		private void error(int line, String column, String key) {
			errors.add(new LineError(line, column, key));
		}

		private static String blankToNull(String value) {
			return value == null || value.isEmpty() ? null : value;
		}
	}
}
