package org.loive.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an official report says of who sends it (Decree 30/2020, Appendix I): the parent agency and the issuing
 * agency, its number ("15/BC-CAT", left for the clerk to fill when blank), place and date, the recipients
 * ("Nơi nhận") and who signs (title, name).
 */
record Letterhead(String parentAgency, String agency, String number, String place, LocalDate date,
		List<String> recipients, String signerTitle, String signerName) {

	Letterhead {
		Objects.requireNonNull(agency, "agency");
		Objects.requireNonNull(place, "place");
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(signerTitle, "signerTitle");
		parentAgency = parentAgency == null ? "" : parentAgency;
		number = number == null || number.isBlank() ? "      /BC-" : number;
		recipients = List.copyOf(recipients);
		signerName = signerName == null ? "" : signerName;
	}
}
