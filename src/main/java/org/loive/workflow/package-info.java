/**
 * The referral chain on the engine: process ids and variables, delegates, deadlines and escalations, task forms and the caseworker's task API and pages.
 */
@ApplicationModule(allowedDependencies = { "access", "audit", "platform", "platform :: web", "vault" })
package org.loive.workflow;

import org.springframework.modulith.ApplicationModule;
