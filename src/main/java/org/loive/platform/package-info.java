/**
 * What every module shares: the clock, Vietnam's calendar and working days, text normalisation, problem details,
 * request limits; its {@code web} interface serves the pages. It depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package org.loive.platform;

import org.springframework.modulith.ApplicationModule;
