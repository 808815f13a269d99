package org.loive.access;

import org.junit.jupiter.api.Test;
import org.loive.access.AdministrativeUnitTable.Level;
import org.loive.access.AdministrativeUnitTable.Unit;
import org.loive.access.UnitsCsv.Change;
import org.loive.access.UnitsCsv.LineError;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a list of administrative units: the shipped one, byte order marks, NFD names, every kind of bad line. */
class UnitsCsvTest {

	static final Unit QNG = new Unit("51", Level.PROVINCE, "QNG", "Tỉnh Quảng Ngãi", "Quang Ngai Province", null,
			LocalDate.parse("2025-06-12"), null);
	static final Map<String, Unit> STORED = Map.of("51", QNG);

	@Test
	void theShippedListHasTheThirtyFourProvincesWithUniqueShortCodes() throws IOException {
		UnitsCsv.Read read = UnitsCsv.read(new ClassPathResource(UnitImports.SHIPPED).getContentAsByteArray(), Map.of());

		assertThat(read.errors()).isEmpty();
		assertThat(read.count(Change.ADDED)).isEqualTo(34);
		assertThat(read.lines()).extracting(line -> line.unit().shortCode()).doesNotHaveDuplicates()
			.contains("QNG", "GLI", "HNI", "HCM");
		assertThat(read.lines()).filteredOn(line -> line.unit().shortCode().equals("GLI")).singleElement()
			.satisfies(line -> assertThat(line.unit()).extracting(Unit::code, Unit::nameVi).containsExactly("52", "Tỉnh Gia Lai"));
	}

	@Test
	void readingTheSameListAgainChangesNothing() throws IOException {
		byte[] shipped = new ClassPathResource(UnitImports.SHIPPED).getContentAsByteArray();
		Map<String, Unit> stored = new LinkedHashMap<>();
		UnitsCsv.read(shipped, Map.of()).lines().forEach(line -> stored.put(line.unit().code(), line.unit()));

		UnitsCsv.Read again = UnitsCsv.read(shipped, stored);

		assertThat(again.count(Change.UNCHANGED)).isEqualTo(34);
		assertThat(again.count(Change.ADDED) + again.count(Change.CHANGED)).isZero();
	}

	@Test
	void aByteOrderMarkAndDecomposedNamesAreReadAsTheSameText() {
		String nfd = Normalizer.normalize("Xã Tịnh Khê", Normalizer.Form.NFD);
		byte[] csv = ("\uFEFFCode,Name,Province-Code,valid_from\n21172," + nfd + ",51,12/06/2025\n")
			.getBytes(StandardCharsets.UTF_8);

		UnitsCsv.Read read = UnitsCsv.read(csv, STORED);

		assertThat(read.errors()).isEmpty();
		Unit commune = read.lines().get(0).unit();
		assertThat(commune.nameVi()).isEqualTo("Xã Tịnh Khê").isNotEqualTo(nfd);
		assertThat(commune).extracting(Unit::level, Unit::provinceCode, Unit::nameEn, Unit::validFrom)
			.containsExactly(Level.COMMUNE, "51", "Xa Tinh Khe", LocalDate.parse("2025-06-12"));
	}

	@Test
	void aChangedNameIsAChangeOfThatColumnAndTheEnglishNameStaysWhenNotGiven() {
		UnitsCsv.Read read = UnitsCsv.read(utf8("code,name\n51,Tỉnh Quảng Ngãi mới\n"), STORED);

		assertThat(read.lines()).singleElement().satisfies(line -> {
			assertThat(line.change()).isEqualTo(Change.CHANGED);
			assertThat(line.changed()).as("the dates the file does not have stay").containsExactly("name");
			assertThat(line.unit().nameEn()).isEqualTo("Quang Ngai Province");
			assertThat(line.unit().shortCode()).isEqualTo("QNG");
		});
	}

	@Test
	void everyBadLineIsNamedWithItsColumnAndNothingIsTaken() {
		byte[] csv = utf8("""
				code,name,province_code,short_code,valid_from,valid_to
				21172,Xã Tịnh Khê,51,,,
				5,Tỉnh Sai,,ABC,,
				99,Tỉnh Mới,,,,
				98,Tỉnh Trùng,,QNG,,
				51,Tỉnh Quảng Ngãi,,QNX,,
				21172,Xã Lặp,51,,,
				22000,Xã Không Tỉnh,77,,,
				23000,Xã Có Mã,51,ABC,,
				24000,,51,,,
				25000,Xã Ngày Sai,51,,2025-13-01,
				26000,Xã Ngày Ngược,51,,2025-06-12,2025-06-01
				27000,Xã Thiếu Cột,51
				""");

		UnitsCsv.Read read = UnitsCsv.read(csv, STORED);

		assertThat(read.lines()).isEmpty();
		assertThat(read.errors()).containsExactly(
				new LineError(3, "code", "units.csv.province-code"),
				new LineError(4, "short_code", "units.csv.short-code-required"),
				new LineError(5, "short_code", "units.csv.short-code-taken"),
				new LineError(6, "short_code", "units.csv.short-code-fixed"),
				new LineError(7, "code", "units.csv.duplicate"),
				new LineError(9, "short_code", "units.csv.short-code-commune"),
				new LineError(10, "name", "units.csv.name"),
				new LineError(11, "valid_from", "units.csv.date"),
				new LineError(12, "valid_to", "units.csv.dates-order"),
				new LineError(13, null, "units.csv.columns"),
				new LineError(8, "province_code", "units.csv.province-unknown"));
	}

	@Test
	void aFileThatIsNoListIsRefusedAsAWhole() {
		assertThat(UnitsCsv.read(new byte[] { (byte) 0xC3, (byte) 0x28 }, STORED).errors())
			.containsExactly(new LineError(0, null, "units.csv.not-utf8"));
		assertThat(UnitsCsv.read(utf8(""), STORED).errors()).containsExactly(new LineError(1, null, "units.csv.empty"));
		assertThat(UnitsCsv.read(utf8("code,name\n"), STORED).errors())
			.containsExactly(new LineError(1, null, "units.csv.empty"));
		assertThat(UnitsCsv.read(utf8("code,ten\n51,Quảng Ngãi\n"), STORED).errors()).containsExactly(
				new LineError(1, "ten", "units.csv.column-unknown"), new LineError(1, "name", "units.csv.column-missing"));
		assertThat(UnitsCsv.read(utf8("code,name\n51,\"Quảng Ngãi\n"), STORED).errors())
			.containsExactly(new LineError(0, null, "units.csv.malformed"));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
