package org.loive.audit;

/** Who is acting in the current request, as the identity module knows them; implemented there. */
public interface CurrentActor {

	AuditEvent.Actor get();
}
