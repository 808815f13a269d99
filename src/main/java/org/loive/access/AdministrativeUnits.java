package org.loive.access;

import java.util.List;
import java.util.Optional;

/**
 * The administrative units the application knows: the provinces and cities of the 2025 map and the communes an
 * administrator imported, each in force between its dates. The port other modules check areas and unit codes
 * with; {@link KnownArea} puts the check on a request's field.
 */
public interface AdministrativeUnits {

	/** A province or city: the project's short code (tokens, areas, references), its official code and names. */
	record Province(String shortCode, String code, String nameVi, String nameEn) {

		/** "Vietnamese / English", as every label shows. */
		public String label() {
			return nameVi + " / " + nameEn;
		}
	}

	/** The provinces in force today, by official code. */
	List<Province> provinces();

	/** The province in force today with this short code ({@code QNG}). */
	Optional<Province> province(String shortCode);

	/** Whether the commune with this official code is in force today in the province with this short code. */
	boolean hasCommune(String provinceShortCode, String communeCode);

	/** Whether an area ({@code QNG}, {@code QNG-12345}) names a province in force, and a commune of it. */
	default boolean knows(String area) {
		String province = Areas.province(area);
		return province(province).isPresent()
				&& (province.length() == area.length() || hasCommune(province, area.substring(province.length() + 1)));
	}
}
