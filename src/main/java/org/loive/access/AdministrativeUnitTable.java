package org.loive.access;

import org.loive.platform.Vietnam;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The owner of tables {@code administrative_unit} and {@code administrative_unit_import}. Reads come from a
 * snapshot of the whole table (a few thousand rows), taken again after this node imports and at least every
 * minute, so that an import on another node is seen soon.
 */
@Repository
class AdministrativeUnitTable implements AdministrativeUnits {

	enum Level { PROVINCE, COMMUNE }

	/** One unit as stored: communes name their province's official code; provinces carry the short code. */
	record Unit(String code, Level level, String shortCode, String nameVi, String nameEn, String provinceCode,
			LocalDate validFrom, LocalDate validTo) {

		boolean inForce(LocalDate day) {
			return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
		}
	}

	private record Snapshot(Map<String, Unit> byCode, Instant taken) {
	}

	private static final Duration FRESH = Duration.ofMinutes(1);

	private final JdbcClient jdbc;
	private final Clock clock;
	private volatile Snapshot snapshot;

	AdministrativeUnitTable(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<Province> provinces() {
		LocalDate today = today();
		return units().values().stream()
			.filter(unit -> unit.level() == Level.PROVINCE && unit.inForce(today))
			.sorted(Comparator.comparing(Unit::code))
			.map(AdministrativeUnitTable::province)
			.toList();
	}

	@Override
	public Optional<Province> province(String shortCode) {
		LocalDate today = today();
		return units().values().stream()
			.filter(unit -> unit.level() == Level.PROVINCE && unit.shortCode().equals(shortCode) && unit.inForce(today))
			.findFirst()
			.map(AdministrativeUnitTable::province);
	}

	@Override
	public boolean hasCommune(String provinceShortCode, String communeCode) {
		Unit commune = units().get(communeCode);
		LocalDate today = today();
		return commune != null && commune.level() == Level.COMMUNE && commune.inForce(today)
				&& province(provinceShortCode).map(Province::code).filter(commune.provinceCode()::equals).isPresent();
	}

	/** Every unit, in force or not, by official code. */
	Map<String, Unit> units() {
		Snapshot current = snapshot;
		if (current == null || current.taken().plus(FRESH).isBefore(clock.instant())) {
			Map<String, Unit> byCode = new LinkedHashMap<>();
			jdbc.sql("""
					select code, level, short_code, name_vi, name_en, province_code, valid_from, valid_to
					from administrative_unit order by code""")
				.query((row, n) -> new Unit(row.getString("code"), Level.valueOf(row.getString("level")),
						row.getString("short_code"), row.getString("name_vi"), row.getString("name_en"),
						row.getString("province_code"), day(row.getDate("valid_from")), day(row.getDate("valid_to"))))
				.list()
				.forEach(unit -> byCode.put(unit.code(), unit));
			current = new Snapshot(Map.copyOf(byCode), clock.instant());
			snapshot = current;
		}
		return current.byCode();
	}

	/** Adds or updates the units, provinces first (communes refer to them); the next read sees them. */
	void save(List<Unit> units) {
		Instant now = clock.instant();
		units.stream().sorted(Comparator.comparing(Unit::level)).forEach(unit -> jdbc.sql("""
				insert into administrative_unit (code, level, short_code, name_vi, name_en, province_code, valid_from,
				                                 valid_to, updated_at)
				values (:code, :level, :shortCode, :nameVi, :nameEn, :province, :from, :to, :now)
				on conflict (code) do update set short_code = excluded.short_code, name_vi = excluded.name_vi,
				    name_en = excluded.name_en, province_code = excluded.province_code,
				    valid_from = excluded.valid_from, valid_to = excluded.valid_to, updated_at = excluded.updated_at""")
			.param("code", unit.code())
			.param("level", unit.level().name())
			.param("shortCode", unit.shortCode())
			.param("nameVi", unit.nameVi())
			.param("nameEn", unit.nameEn())
			.param("province", unit.provinceCode())
			.param("from", unit.validFrom() == null ? null : Date.valueOf(unit.validFrom()))
			.param("to", unit.validTo() == null ? null : Date.valueOf(unit.validTo()))
			.param("now", Timestamp.from(now))
			.update());
		snapshot = null;
	}

	/** One import applied at a time across the nodes, until the transaction ends. */
	void lock() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('administrative_unit'))").query(Object.class).single();
	}

	boolean imported(String source, String checksum) {
		return jdbc.sql("select count(*) from administrative_unit_import where source = :source and checksum = :checksum")
			.param("source", source)
			.param("checksum", checksum)
			.query(Integer.class)
			.single() > 0;
	}

	void recordImport(String source, String checksum, int added, int changed, int unchanged, String by) {
		jdbc.sql("""
				insert into administrative_unit_import (source, checksum, added, changed, unchanged, imported_by, imported_at)
				values (:source, :checksum, :added, :changed, :unchanged, :by, :now)""")
			.param("source", source)
			.param("checksum", checksum)
			.param("added", added)
			.param("changed", changed)
			.param("unchanged", unchanged)
			.param("by", by)
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	/** How many units of the level the table holds, in force or not. */
	long count(Level level) {
		return units().values().stream().filter(unit -> unit.level() == level).count();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Vietnam.ZONE));
	}

	private static Province province(Unit unit) {
		return new Province(unit.shortCode(), unit.code(), unit.nameVi(), unit.nameEn());
	}

	private static LocalDate day(Date date) {
		return date == null ? null : date.toLocalDate();
	}
}
