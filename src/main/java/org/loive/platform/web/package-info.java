/**
 * What every module's pages share: forms rendered from the records the API validates, the page marker
 * and its error handling, the layout's language switch and security headers.
 */
@NamedInterface("web")
package org.loive.platform.web;

import org.springframework.modulith.NamedInterface;
