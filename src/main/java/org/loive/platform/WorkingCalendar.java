package org.loive.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working days of Vietnam's state agencies, for the deadlines the law sets in working days ("quyết định trong
 * 9 ngày làm việc").
 *
 * <p>A day is a working day when it is Monday to Friday and not a day off, or when it is a Saturday or Sunday
 * declared a working day (ngày làm bù, worked to make up for a day swapped into a holiday bridge). The days off
 * are not computable: Tết's five days, the compensatory days (nghỉ bù) and the swaps are announced each year by
 * the government, so they come from a YAML file (see {@code calendar/holidays-vn.yml} for the format), replaceable
 * through {@code loive.calendar.holidays-file} and extendable through {@code loive.calendar.extra-holidays} and
 * {@code loive.calendar.extra-working-days}. Years the file does not list count weekends only.
 *
 * <p>Immutable and thread-safe.
 */
@Component
public class WorkingCalendar {

	/** The holiday list shipped with the application. */
	public static final String BUNDLED_HOLIDAYS = "classpath:calendar/holidays-vn.yml";

	private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

	/** A range longer than this is a typo in the file (the longest break, Tết, is 9 days), not a holiday. */
	private static final int MAX_RANGE_DAYS = 31;

	private final Map<LocalDate, String> daysOff;

	private final Map<LocalDate, String> workingWeekendDays;

	@Autowired
	WorkingCalendar(HolidayProperties properties) {
		this(merge(read(Objects.requireNonNull(properties.holidaysFile(), "loive.calendar.holidays-file")),
				properties));
		log.info("Working calendar from {}: {} days off, {} weekend working days, years {}",
				properties.holidaysFile().getDescription(), daysOff.size(), workingWeekendDays.size(), yearsListed());
	}

	private WorkingCalendar(Days days) {
		this.daysOff = Collections.unmodifiableMap(new TreeMap<>(days.off()));
		this.workingWeekendDays = Collections.unmodifiableMap(new TreeMap<>(days.working()));
	}

	/**
	 * A calendar of the given days off and no weekend working days; for tests and tools that need no file.
	 */
	public static WorkingCalendar of(Collection<LocalDate> daysOff) {
		return of(daysOff, List.of());
	}

	/**
	 * A calendar of the given days off and weekend working days.
	 *
	 * @throws IllegalArgumentException if a working day is not a Saturday or Sunday, or is also a day off
	 */
	public static WorkingCalendar of(Collection<LocalDate> daysOff, Collection<LocalDate> workingWeekendDays) {
		Days days = new Days();
		daysOff.forEach(day -> days.addOff(day, "day off"));
		workingWeekendDays.forEach(day -> days.addWorking(day, "working day"));
		return new WorkingCalendar(days.checked());
	}

	/**
	 * The calendar of a holiday file, without any property overrides.
	 *
	 * @throws IllegalStateException if the file cannot be read or is malformed, naming the file and the entry
	 */
	public static WorkingCalendar load(Resource holidayFile) {
		return new WorkingCalendar(read(holidayFile));
	}

	/** Whether agencies work on that day (see the class comment). */
	public boolean isWorkingDay(LocalDate day) {
		Objects.requireNonNull(day, "day");
		if (workingWeekendDays.containsKey(day)) {
			return true;
		}
		return !isWeekend(day) && !daysOff.containsKey(day);
	}

	/**
	 * The name of the holiday on that day, as the file gives it ("Tết Nguyên đán Bính Ngọ"), to explain a
	 * deadline to a caseworker; empty for ordinary days and plain weekends.
	 */
	public Optional<String> holidayName(LocalDate day) {
		return Optional.ofNullable(daysOff.get(day));
	}

	/**
	 * The day on which {@code days} working days after {@code start} are complete: the {@code days}-th working day
	 * after {@code start}. The start day itself never counts, as in the Civil Code a time limit runs from the day
	 * after the event, whether or not the start is a working day. Zero days gives {@code start} itself.
	 *
	 * @throws IllegalArgumentException if {@code days} is negative
	 */
	public LocalDate addWorkingDays(LocalDate start, int days) {
		Objects.requireNonNull(start, "start");
		requireNotNegative(days);
		LocalDate day = start;
		for (int counted = 0; counted < days;) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/**
	 * How many working days lie after {@code from} up to and including {@code to}, so that
	 * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}; negative when {@code to} is before {@code from}
	 * (like {@link ChronoUnit#between}).
	 */
	public long workingDaysBetween(LocalDate from, LocalDate to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		return from.plusDays(1).datesUntil(to.plusDays(1)).filter(this::isWorkingDay).count();
	}

	/**
	 * The deadline of a limit in working days, counted on the calendar of Vietnam ({@link Vietnam#ZONE}) whatever
	 * the server's zone: the {@code days}-th working day after the start's date there, at the start's time of day.
	 * A step opened Friday 15:00 with one working day is due Monday 15:00 when Monday is a working day.
	 *
	 * @throws IllegalArgumentException if {@code days} is negative
	 */
	public Instant dueAfterWorkingDays(Instant start, int days) {
		return dueAfterWorkingDays(start, days, Vietnam.ZONE);
	}

	/**
	 * As {@link #dueAfterWorkingDays(Instant, int)}, with the days counted in the given zone; for the rare case of
	 * an agency whose local day is not Vietnam's.
	 */
	public Instant dueAfterWorkingDays(Instant start, int days, ZoneId zone) {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(zone, "zone");
		requireNotNegative(days);
		ZonedDateTime opened = start.atZone(zone);
		LocalDate dueDay = addWorkingDays(opened.toLocalDate(), days);
		return ZonedDateTime.of(dueDay, opened.toLocalTime(), zone).toInstant();
	}

	/**
	 * The deadline of a limit in elapsed time ({@code PT24H}, {@code P3D} parsed with {@link Duration#parse}):
	 * plain addition, holidays and weekends included, as the law means for limits in hours or calendar days.
	 *
	 * @throws IllegalArgumentException if {@code limit} is negative
	 */
	public Instant dueAfter(Instant start, Duration limit) {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(limit, "limit");
		if (limit.isNegative()) {
			throw new IllegalArgumentException("A time limit must not be negative, got " + limit);
		}
		return start.plus(limit);
	}

	/** The years the calendar has days off for; later years count weekends only, so the file needs a new year. */
	public Set<Integer> yearsListed() {
		Set<Integer> years = new TreeSet<>();
		daysOff.keySet().forEach(day -> years.add(day.getYear()));
		return Collections.unmodifiableSet(years);
	}

	private static void requireNotNegative(int days) {
		if (days < 0) {
			throw new IllegalArgumentException("The number of working days must not be negative, got " + days);
		}
	}

	private static boolean isWeekend(LocalDate day) {
		DayOfWeek dayOfWeek = day.getDayOfWeek();
		return dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
	}

	private static Days merge(Days fromFile, HolidayProperties properties) {
		try {
			properties.extraHolidays().forEach(day -> fromFile.addOff(day, "loive.calendar.extra-holidays"));
			properties.extraWorkingDays()
				.forEach(day -> fromFile.addWorking(day, "loive.calendar.extra-working-days"));
			return fromFile.checked();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(
					"Holiday calendar " + properties.holidaysFile().getDescription() + ": " + ex.getMessage(), ex);
		}
	}

	// --- The holiday file -------------------------------------------------------------------------------------

	private static Days read(Resource file) {
		String where = file.getDescription();
		Object document;
		try (InputStream in = file.getInputStream()) {
			document = new Yaml(new DatesAsText()).load(in);
		}
		catch (IOException | YAMLException ex) {
			throw new IllegalStateException("Cannot read the holiday file " + where + ": " + ex.getMessage(), ex);
		}
		try {
			return parse(document).checked();
		}
		catch (IllegalArgumentException | DateTimeException ex) {
			throw new IllegalStateException("Holiday file " + where + ": " + ex.getMessage(), ex);
		}
	}

	private static Days parse(Object document) {
		Map<?, ?> root = map(document, "the document");
		unknownKeys(root, Set.of("holidays", "workingDays"), "the document");
		Days days = new Days();
		List<?> holidays = list(root.get("holidays"), "holidays");
		for (int i = 0; i < holidays.size(); i++) {
			String where = "holidays[" + i + "]";
			Map<?, ?> entry = map(holidays.get(i), where);
			unknownKeys(entry, Set.of("date", "from", "to", "name"), where);
			String name = text(entry.get("name"), where + ".name");
			if (entry.containsKey("date") == (entry.containsKey("from") || entry.containsKey("to"))) {
				throw new IllegalArgumentException(where + " (" + name + ") needs either date or from and to");
			}
			if (entry.containsKey("date")) {
				days.addOff(date(entry.get("date"), where + ".date"), name);
				continue;
			}
			LocalDate from = date(entry.get("from"), where + ".from");
			LocalDate to = date(entry.get("to"), where + ".to");
			long length = ChronoUnit.DAYS.between(from, to) + 1;
			if (length < 1 || length > MAX_RANGE_DAYS) {
				throw new IllegalArgumentException(where + " (" + name + "): from " + from + " to " + to
						+ " is not a range of 1 to " + MAX_RANGE_DAYS + " days");
			}
			from.datesUntil(to.plusDays(1)).forEach(day -> days.addOff(day, name));
		}
		List<?> working = list(root.get("workingDays"), "workingDays");
		for (int i = 0; i < working.size(); i++) {
			String where = "workingDays[" + i + "]";
			Object entry = working.get(i);
			if (entry instanceof Map<?, ?> described) {
				unknownKeys(described, Set.of("date", "name"), where);
				days.addWorking(date(described.get("date"), where + ".date"),
						text(described.get("name"), where + ".name"));
			}
			else {
				days.addWorking(date(entry, where), "working day");
			}
		}
		return days;
	}

	private static Map<?, ?> map(Object value, String where) {
		if (value instanceof Map<?, ?> map) {
			return map;
		}
		throw new IllegalArgumentException(where + " must be a mapping");
	}

	private static List<?> list(Object value, String where) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list;
		}
		throw new IllegalArgumentException(where + " must be a list");
	}

	private static void unknownKeys(Map<?, ?> map, Set<String> known, String where) {
		for (Object key : map.keySet()) {
			if (!known.contains(String.valueOf(key))) {
				throw new IllegalArgumentException(where + " has an unknown key '" + key + "'; known: " + known);
			}
		}
	}

	private static String text(Object value, String where) {
		if (value instanceof String text && !text.isBlank()) {
			return text.strip();
		}
		throw new IllegalArgumentException(where + " must be a non-empty text");
	}

	private static LocalDate date(Object value, String where) {
		if (!(value instanceof String text)) {
			throw new IllegalArgumentException(where + " must be a date like 2026-02-14, got " + value);
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(where + " must be a date like 2026-02-14, got '" + text + "'", ex);
		}
	}

	/** Keeps YAML dates as their text, to be parsed as {@link LocalDate}s rather than as midnight-UTC {@code Date}s. */
	private static final class DatesAsText extends SafeConstructor {

		DatesAsText() {
			super(new LoaderOptions());
			this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
		}
	}

	/** Days off and weekend working days being collected, each with why. */
	private static final class Days {

		private final Map<LocalDate, String> off = new TreeMap<>();

		private final Map<LocalDate, String> working = new TreeMap<>();

		void addOff(LocalDate day, String name) {
			Objects.requireNonNull(day, "day off");
			// the first name wins: an extra holiday on a listed day keeps the official name
			off.putIfAbsent(day, name);
		}

		void addWorking(LocalDate day, String name) {
			Objects.requireNonNull(day, "working day");
			if (!isWeekend(day)) {
				throw new IllegalArgumentException("working day " + day + " (" + name + ") is a " + day.getDayOfWeek()
						+ "; only a Saturday or Sunday can be declared a working day");
			}
			working.putIfAbsent(day, name);
		}

		/** A day both off and worked is a contradiction in the announcements copied, not something to guess. */
		Days checked() {
			for (LocalDate day : working.keySet()) {
				if (off.containsKey(day)) {
					throw new IllegalArgumentException(day + " is both a day off (" + off.get(day)
							+ ") and a working day (" + working.get(day) + ")");
				}
			}
			return this;
		}

		Map<LocalDate, String> off() {
			return off;
		}

		Map<LocalDate, String> working() {
			return working;
		}
	}
}
