package org.loive.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param checkpointEvery a checkpoint is signed at every multiple of this sequence number
 * @param checkpointInterval and, when events came since the last one, at least this often
 */
@ConfigurationProperties("loive.audit")
record AuditProperties(@DefaultValue("1000") int checkpointEvery, @DefaultValue("5m") Duration checkpointInterval) {
}
