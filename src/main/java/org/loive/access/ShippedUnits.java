package org.loive.access;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start, the list of administrative units the application ships, when this version of it is new. */
@Component
class ShippedUnits implements ApplicationRunner {

	private final UnitImports imports;

	ShippedUnits(UnitImports imports) {
		this.imports = imports;
	}

	@Override
	public void run(ApplicationArguments args) {
		imports.applyShipped();
	}
}
