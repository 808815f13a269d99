/**
 * Intake and the case file: channels, registration with the facts the reports count, the case list, the case page and its persons, transfer and consent withdrawal at case level.
 */
@ApplicationModule(allowedDependencies = { "access", "audit", "criminal", "platform", "platform :: web", "vault", "workflow" })
package org.loive.cases;

import org.springframework.modulith.ApplicationModule;
