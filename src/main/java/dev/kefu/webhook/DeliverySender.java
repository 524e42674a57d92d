package dev.kefu.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.kefu.shared.StandardWebhookSignature;

/**
 * Sends due deliveries: each attempt a POST of the stored body with Standard Webhooks headers, signed with the
 * endpoint's current secret and the attempt's timestamp. Every node runs one; the outbox's claims keep them apart.
 * Redirects are not followed (they could lead to an internal address the target check never saw).
 */
@Component
class DeliverySender {

	private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);
	private static final int BATCH = 200;
	/** How many deliveries of one conversation a round sends in a row, so others get their turn. */
	private static final int IN_LINE = 100;
	/** A node's scheduler thread returns now and then, so shutdown and other scheduled work are not held up. */
	private static final Duration ROUNDS_FOR = Duration.ofSeconds(10);

	private final Outbox outbox;
	private final Targets targets;
	private final Clock clock;
	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	DeliverySender(Outbox outbox, Targets targets, Clock clock) {
		this.outbox = outbox;
		this.targets = targets;
		this.clock = clock;
	}

	/**
	 * Sends in rounds until nothing is due, so a busy organization's events go out as fast as the receivers take them
	 * rather than one batch a poll; each round takes at most one delivery per conversation (the order), so the next
	 * round's query sees what this one delivered. Polled every 250 ms: a delivery waits out the settle (1 s) and then,
	 * on average, half a poll; the query is cheap when little is pending.
	 */
	@Scheduled(fixedDelayString = "${kefu.webhooks.poll-interval:250ms}")
	void dispatch() {
		long until = System.nanoTime() + ROUNDS_FOR.toNanos();
		List<UUID> due;
		while (!(due = outbox.due(BATCH)).isEmpty()) {
			round(due);
			if (System.nanoTime() > until) {
				return;
			}
		}
	}

	private void round(List<UUID> due) {
		// One slow endpoint (up to 15 s an attempt) must not hold up the others.
		try (ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> sent = new ArrayList<>();
			for (Outbox.Attempt attempt : outbox.claimAll(due)) {
				sent.add(sending.submit(() -> inLine(attempt)));
			}
			for (Future<?> future : sent) {
				try {
					future.get();
				}
				catch (Exception e) {
					log.warn("A webhook attempt failed to be recorded; its lease runs out and it is tried again", e);
				}
			}
		}
	}

	/** A conversation's due deliveries one after the other, while they succeed, up to a round's share. */
	private void inLine(Outbox.Attempt first) {
		Outbox.Attempt current = first;
		for (int sent = 1; attempt(current) && sent < IN_LINE; sent++) {
			Optional<Outbox.Attempt> next = outbox.nextInLine(current).flatMap(outbox::claim);
			if (next.isEmpty()) {
				return;
			}
			current = next.get();
		}
	}

	/** Whether the receiver acknowledged it. */
	private boolean attempt(Outbox.Attempt attempt) {
		URI uri = URI.create(attempt.url());
		String refusal = targets.refusal(uri.getHost());
		if (refusal != null) {
			outbox.failed(attempt, null, null, "not sent: " + refusal);
			return false;
		}
		long timestamp = clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("User-Agent", "Kefu-Webhooks")
			.header("webhook-id", attempt.id().toString())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature",
					StandardWebhookSignature.sign(attempt.secret(), attempt.id().toString(), timestamp, attempt.payload()))
			.POST(HttpRequest.BodyPublishers.ofString(attempt.payload()))
			.build();
		long start = System.nanoTime();
		try {
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			long latency = (System.nanoTime() - start) / 1_000_000;
			if (response.statusCode() / 100 == 2) {
				outbox.delivered(attempt, response.statusCode(), latency);
				return true;
			}
			outbox.failed(attempt, response.statusCode(), latency, "HTTP " + response.statusCode());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (Exception e) {
			long latency = (System.nanoTime() - start) / 1_000_000;
			outbox.failed(attempt, null, latency, e.getClass().getSimpleName() + ": " + e.getMessage());
		}
		return false;
	}
}
