package org.loive.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param checkpointEvery a checkpoint is signed at every multiple of this sequence number
 * @param checkpointInterval and, when events came since the last one, at least this often: how often each node
 *        looks for unsigned events, signs them and hands the newest checkpoint to the witness
 * @param witness where checkpoints are kept outside the database
 */
@ConfigurationProperties("loive.audit")
record AuditProperties(@DefaultValue("1000") int checkpointEvery, @DefaultValue("500ms") Duration checkpointInterval,
		@DefaultValue Witness witness) {

	/** @param directory a directory the database (its host, its OS user) cannot reach; required */
	record Witness(String directory) {
	}
}
