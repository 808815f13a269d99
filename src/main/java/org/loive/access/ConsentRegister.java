package org.loive.access;

import java.util.Optional;
import java.util.UUID;

/** The person's consents to share, as the vault records them; implemented there. */
public interface ConsentRegister {

	/** The id of an active consent sharing this section of the person with the agency, if any. */
	Optional<UUID> consentFor(UUID personId, Agency agency, String section);
}
