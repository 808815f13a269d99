/**
 * The development stack ./mvnw spring-boot:run starts: an embedded PostgreSQL and a local Keycloak with the demo realm.
 */
@ApplicationModule(allowedDependencies = { "access" })
package org.loive.devstack;

import org.springframework.modulith.ApplicationModule;
