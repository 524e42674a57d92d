package dev.kefu.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.Ids;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StandardWebhookSignature;

/**
 * Endpoints another module owns, such as an API channel's callback URL: the same outbox, signing, retries, order per
 * conversation and SSRF guard as an admin's webhooks, but fed by their owner with whatever it enqueues, and not
 * listed among the admin's webhooks. {@code owner} is the owner's stable key for its endpoint (one per owner).
 */
@Service
public class ChannelCallbacks {

	private final JdbcClient jdbc;
	private final Outbox outbox;
	private final Targets targets;
	private final Clock clock;

	ChannelCallbacks(JdbcClient jdbc, Outbox outbox, Targets targets, Clock clock) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.targets = targets;
		this.clock = clock;
	}

	/** Why a callback endpoint is switched off, as the admin should see it; empty while it works. */
	public record Health(boolean enabled, @Nullable String disabledReason, int consecutiveFailures) {
	}

	/**
	 * Creates or changes the owner's endpoint. The URL must pass the SSRF guard ({@code forbidden-target} otherwise,
	 * unless {@code kefu.webhooks.allow-private-targets}); saving it again enables it and forgets its failures.
	 */
	@Transactional
	public void register(UUID organizationId, String owner, String url, String secret) {
		String checked = targets.check(url).toString();
		StandardWebhookSignature.checked(secret);
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				UPDATE webhook_endpoint SET url = ?, secret = ?, enabled = TRUE, disabled_reason = NULL,
				       consecutive_failures = 0, failing_since = NULL, updated_at = ?
				WHERE owner = ? AND organization_id = ?""")
			.params(checked, secret, SqlTime.of(now), owner, organizationId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO webhook_endpoint (id, organization_id, url, events, secret, enabled, created_at, updated_at,
					                              owner)
					VALUES (?, ?, ?, '', ?, TRUE, ?, ?, ?)""")
				.params(Ids.newId(), organizationId, checked, secret, SqlTime.of(now), SqlTime.of(now), owner)
				.update();
		}
	}

	/** Removes the owner's endpoint and what it had still to deliver. */
	@Transactional
	public void remove(UUID organizationId, String owner) {
		endpoint(organizationId, owner).ifPresent(id -> {
			jdbc.sql("DELETE FROM webhook_delivery WHERE endpoint_id = ?").param(id).update();
			jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ?").param(id).update();
		});
	}

	public Optional<Health> health(UUID organizationId, String owner) {
		return jdbc.sql("""
				SELECT enabled, disabled_reason, consecutive_failures FROM webhook_endpoint
				WHERE owner = ? AND organization_id = ?""")
			.params(owner, organizationId)
			.query((rs, row) -> new Health(rs.getBoolean(1), rs.getString(2), rs.getInt(3)))
			.optional();
	}

	/** The owner's delivery log, newest first, as an admin's webhook log shows it; empty without an endpoint. */
	public List<Delivery> deliveries(UUID organizationId, String owner, int limit) {
		return endpoint(organizationId, owner).map(id -> outbox.log(organizationId, id, limit)).orElse(List.of());
	}

	/**
	 * Queues one event for the owner's endpoint, if it has one: {@code key} names the event (the same key again adds
	 * nothing), {@code orderingKey} with {@code at} and {@code seq} orders the deliveries about one thing.
	 */
	public void enqueue(UUID organizationId, String owner, String type, String key, UUID orderingKey, Instant at,
			long seq, Object data) {
		endpoint(organizationId, owner).ifPresent(
				id -> outbox.enqueue(organizationId, type, key, orderingKey, at, seq, data, List.of(id)));
	}

	private Optional<UUID> endpoint(UUID organizationId, String owner) {
		return jdbc.sql("SELECT id FROM webhook_endpoint WHERE owner = ? AND organization_id = ?")
			.params(owner, organizationId)
			.query(UUID.class)
			.optional();
	}
}
