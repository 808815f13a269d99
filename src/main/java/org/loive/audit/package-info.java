/**
 * The tamper-evident audit trail: append-only events chained by hash, signed checkpoints, verification, the auditor's pages and exports.
 */
@ApplicationModule(allowedDependencies = { "platform", "platform :: web" })
package org.loive.audit;

import org.springframework.modulith.ApplicationModule;
