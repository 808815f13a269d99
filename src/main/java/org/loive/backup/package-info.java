/**
 * Backup and restore: the check of a restore ({@code --check-restore}) that reads every case and person and verifies
 * the audit chain against its witness; the procedure and its scripts are in docs/backup-restore.md and tools/backup/.
 */
@ApplicationModule(allowedDependencies = { "audit", "cases", "vault" })
package org.loive.backup;

import org.springframework.modulith.ApplicationModule;
