/**
 * Identity, roles and the agency and area scope of officers, the administrative units areas are checked against, and the one place that decides who may see or do what (every decision audited).
 */
@ApplicationModule(allowedDependencies = { "audit", "platform", "platform :: web" })
package org.loive.access;

import org.springframework.modulith.ApplicationModule;
