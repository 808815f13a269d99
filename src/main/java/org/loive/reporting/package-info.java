/**
 * Reports: a read model of facts (codes only) fed by the events of the other modules in the transaction of
 * each action, the indicators of the plans against their targets, breakdowns, the reporting calendar,
 * submissions frozen into the audit chain, small-cell suppression, exports (DOCX, XLSX, CSV, SVG charts), the
 * anonymised research export, the supervisor's pages and the read-only API under {@code /api/v1/reports}.
 * Reports read only this module's tables.
 */
@ApplicationModule(allowedDependencies = { "access", "audit", "cases", "criminal", "platform", "platform :: web", "workflow" })
package org.loive.reporting;

import org.springframework.modulith.ApplicationModule;
