/**
 * Criminal cases: records of their own (a police case number, the province, the charge, the milestones
 * initiated, solved, prosecuted and tried), each linked to the referral cases of its victims. Recorded by the
 * police, the procuracy and the court, in any state of the referrals, closed ones included. The referral cases
 * are known through {@link org.loive.criminal.ReferralCases}, which the module that owns them implements.
 */
@ApplicationModule(allowedDependencies = { "access", "audit", "platform", "platform :: web" })
package org.loive.criminal;

import org.springframework.modulith.ApplicationModule;
