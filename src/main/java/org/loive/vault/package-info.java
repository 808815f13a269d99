/**
 * The encrypted vault of victim data: envelope encryption per person and section, blind indexes, consents, key rotation, crypto-shredding.
 */
@ApplicationModule(allowedDependencies = { "access", "audit", "platform", "platform :: web" })
package org.loive.vault;

import org.springframework.modulith.ApplicationModule;
