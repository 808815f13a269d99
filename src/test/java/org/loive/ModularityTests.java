package org.loive;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Top-level packages are modules; they talk only through each other's public API. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(LoiVeApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void documentsTheModules() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
