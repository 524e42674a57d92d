package dev.kefu.retention;

import java.util.UUID;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly run, at {@code kefu.retention.run-at}. Every node's scheduler fires; the one that takes the lease runs,
 * the others skip. A node that dies mid-run leaves a lease that runs out, and the next night's run carries on: what
 * was done is not found again.
 */
@Component
class RetentionJob {

	private final Retention retention;
	private final String node = UUID.randomUUID().toString();

	RetentionJob(Retention retention) {
		this.retention = retention;
	}

	@Scheduled(cron = "${kefu.retention.run-at:0 30 3 * * *}")
	void nightly() {
		runIfFirst();
	}

	/** Runs when this node takes the lease; answers whether it ran. */
	boolean runIfFirst() {
		if (!retention.take(node)) {
			return false;
		}
		try {
			retention.runAll(node);
			return true;
		}
		finally {
			retention.release(node);
		}
	}
}
