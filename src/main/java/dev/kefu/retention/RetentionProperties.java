package dev.kefu.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param runAt when the nightly job runs, a Spring cron expression in the server's time zone (default 03:30 every
 *     night; "-" turns it off)
 * @param batchSize rows handled per transaction
 * @param lease how long a node holds the job before another may take it over (a node that died mid-run)
 */
@ConfigurationProperties("kefu.retention")
record RetentionProperties(@DefaultValue("0 30 3 * * *") String runAt, @DefaultValue("200") int batchSize,
		@DefaultValue("1h") Duration lease) {
}
