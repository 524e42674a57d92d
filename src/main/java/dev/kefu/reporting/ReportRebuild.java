package dev.kefu.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.kefu.conversation.Conversations;

/**
 * Measures every ended conversation of an organization again, in the background: after a change to how a figure is
 * measured, or to fill the reports from conversations stored before them (the bench's generated data). Runs on the
 * node asked, one conversation per transaction, so the desk is never blocked for long.
 */
@Component
class ReportRebuild {

	private static final Logger log = LoggerFactory.getLogger(ReportRebuild.class);
	private static final int PAGE = 500;

	private final Conversations conversations;
	private final ReportFeed feed;
	private final Map<UUID, Progress> runs = new ConcurrentHashMap<>();

	ReportRebuild(Conversations conversations, ReportFeed feed) {
		this.conversations = conversations;
		this.feed = feed;
	}

	/** How far a rebuild has come on this node; {@code finishedAt} null while it runs. */
	record Progress(Instant startedAt, long measured, @Nullable Instant finishedAt, @Nullable String failure) {
	}

	/** Starts a rebuild unless one is running; answers its progress either way. */
	Progress start(UUID organizationId) {
		Progress started = new Progress(Instant.now(), 0, null, null);
		Progress current = runs.compute(organizationId,
				(id, run) -> run != null && run.finishedAt() == null ? run : started);
		if (current == started) {
			Thread.ofVirtual().name("report-rebuild").start(() -> run(organizationId, started.startedAt()));
		}
		return current;
	}

	@Nullable Progress progress(UUID organizationId) {
		return runs.get(organizationId);
	}

	private void run(UUID organizationId, Instant startedAt) {
		long measured = 0;
		try {
			UUID after = null;
			List<UUID> page;
			do {
				page = conversations.ended(organizationId, after, PAGE);
				for (UUID id : page) {
					feed.record(organizationId, id);
				}
				measured += page.size();
				after = page.isEmpty() ? after : page.getLast();
				runs.put(organizationId, new Progress(startedAt, measured, null, null));
			}
			while (page.size() == PAGE);
			runs.put(organizationId, new Progress(startedAt, measured, Instant.now(), null));
			log.info("Reports of organization {} rebuilt: {} conversations in {} s", organizationId, measured,
					Duration.between(startedAt, Instant.now()).toSeconds());
		}
		catch (RuntimeException e) {
			log.warn("Rebuilding the reports of organization {} stopped after {} conversations", organizationId,
					measured, e);
			runs.put(organizationId, new Progress(startedAt, measured, Instant.now(), e.getMessage()));
		}
	}
}
