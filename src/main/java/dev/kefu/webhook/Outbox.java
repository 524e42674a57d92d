package dev.kefu.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.Ids;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.Text;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deliveries waiting for, or done with, their endpoints. Rows are written by the event listeners and claimed by
 * the dispatchers of every node: a claim is a conditional UPDATE that sets a lease, so one attempt is made by one
 * node, and a node that dies mid-attempt leaves a lease that runs out and lets another retry.
 */
@Component
class Outbox {

	static final String PENDING = "PENDING";
	static final String DELIVERED = "DELIVERED";
	static final String FAILED = "FAILED";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final WebhookProperties properties;

	Outbox(JdbcClient jdbc, JsonMapper json, Clock clock, WebhookProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	/** What one event is about: {@code key} identifies the event (a republished one adds nothing). */
	record Event(UUID organizationId, WebhookEvent type, String key, UUID orderingKey, Instant at, long seq,
			Object data) {
	}

	/** One delivery row per endpoint; the body is fixed now, so every retry sends (and signs) the same bytes. */
	@Transactional
	void enqueue(Event event, List<Endpoint> endpoints) {
		enqueue(event.organizationId(), event.type().type, event.key(), event.orderingKey(), event.at(), event.seq(),
				event.data(), endpoints.stream().map(Endpoint::id).toList());
	}

	/** The same for any event type, such as a channel's callbacks (see {@link ChannelCallbacks}). */
	@Transactional
	void enqueue(UUID organizationId, String type, String key, UUID orderingKey, Instant at, long seq, Object data,
			List<UUID> endpointIds) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("timestamp", at.toString());
		body.put("data", data);
		String payload = json.writeValueAsString(body);
		Instant now = clock.instant();
		for (UUID endpointId : endpointIds) {
			jdbc.sql("""
					INSERT INTO webhook_delivery (id, endpoint_id, organization_id, event_type, event_key, ordering_key,
					                              event_at, event_seq, payload, status, next_attempt_at, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) ON CONFLICT DO NOTHING""")
				.params(Ids.newId(), endpointId, organizationId, type, key, orderingKey, SqlTime.of(at), seq, payload,
						SqlTime.of(now), SqlTime.of(now))
				.update();
		}
	}

	/**
	 * Due deliveries this node may try: old enough to have settled, of enabled endpoints, not leased, and the earliest
	 * pending one of their conversation (ticket, contact) for their endpoint, so a later event waits for an earlier.
	 * The earliest is found by numbering each conversation's pending rows once, not by asking of every row whether an
	 * earlier one exists: after an outage thousands are pending, and that question made each round quadratic.
	 */
	List<UUID> due(int limit) {
		Instant now = clock.instant();
		return jdbc.sql("""
				SELECT h.id FROM (
				    SELECT d.id, d.endpoint_id, d.next_attempt_at, d.created_at, d.lease_until,
				           ROW_NUMBER() OVER (PARTITION BY d.endpoint_id, d.ordering_key
				                              ORDER BY d.event_at, d.event_seq, d.id) AS place
				    FROM webhook_delivery d WHERE d.status = 'PENDING') h
				JOIN webhook_endpoint e ON e.id = h.endpoint_id
				WHERE h.place = 1 AND h.next_attempt_at <= :now AND h.created_at <= :settled AND e.enabled
				  AND (h.lease_until IS NULL OR h.lease_until < :now)
				ORDER BY h.next_attempt_at
				LIMIT :limit""")
			.param("now", SqlTime.of(now))
			.param("settled", SqlTime.of(now.minus(properties.settle())))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/** An attempt this node now owns, or empty when another node claimed it first. */
	Optional<Attempt> claim(UUID deliveryId) {
		return claimAll(List.of(deliveryId)).stream().findFirst();
	}

	/**
	 * The attempts this node now owns among these deliveries: one conditional UPDATE marks them with a lease and this
	 * round's own id, and the rows carrying that id are read back. Others' leases are respected, so no two nodes
	 * make the same attempt; one statement and one commit a round, not one per delivery.
	 */
	List<Attempt> claimAll(List<UUID> deliveryIds) {
		if (deliveryIds.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		UUID round = UUID.randomUUID();
		int claimed = jdbc.sql("""
				UPDATE webhook_delivery SET lease_until = :until, lease_owner = :round, attempts = attempts + 1
				WHERE id IN (:ids) AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < :now)""")
			.param("until", SqlTime.of(now.plus(properties.lease())))
			.param("round", round)
			.param("ids", deliveryIds)
			.param("now", SqlTime.of(now))
			.update();
		if (claimed == 0) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT d.id, d.endpoint_id, d.ordering_key, d.payload, d.attempts, d.created_at, e.url, e.secret
				FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
				WHERE d.id IN (:ids) AND d.lease_owner = :round""")
			.param("ids", deliveryIds)
			.param("round", round)
			.query((rs, row) -> new Attempt(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
					rs.getObject("ordering_key", UUID.class), rs.getString("url"), rs.getString("secret"),
					rs.getString("payload"), rs.getInt("attempts"), SqlTime.read(rs, "created_at")))
			.list();
	}

	record Attempt(UUID id, UUID endpointId, UUID orderingKey, String url, String secret, String payload,
			int attempts, Instant createdAt) {
	}

	/**
	 * After a delivery, the next one of the same conversation for the same endpoint, if it is due now: the sender
	 * goes on with it at once instead of waiting for the next round, so a busy conversation is not held to one
	 * delivery a round.
	 */
	Optional<UUID> nextInLine(Attempt delivered) {
		Instant now = clock.instant();
		return jdbc.sql("""
				SELECT id, next_attempt_at, created_at, lease_until FROM webhook_delivery
				WHERE endpoint_id = ? AND ordering_key = ? AND status = 'PENDING'
				ORDER BY event_at, event_seq, id LIMIT 1""")
			.params(delivered.endpointId(), delivered.orderingKey())
			.query((rs, row) -> {
				Instant lease = SqlTime.read(rs, "lease_until");
				boolean due = !SqlTime.read(rs, "next_attempt_at").isAfter(now)
						&& !SqlTime.read(rs, "created_at").isAfter(now.minus(properties.settle()))
						&& (lease == null || lease.isBefore(now));
				return due ? rs.getObject("id", UUID.class) : null;
			})
			.optional();
	}

	/**
	 * A 2xx: delivered, never sent again. If it ends a run of failures, the endpoint is back: its other deliveries stop
	 * waiting out their backoff, so the backlog of an outage drains now rather than over the next hour.
	 */
	@Transactional
	void delivered(Attempt attempt, int status, long latencyMs) {
		Instant now = clock.instant();
		jdbc.sql("""
				UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = ?, response_status = ?, latency_ms = ?,
				       last_error = NULL, lease_until = NULL
				WHERE id = ?""")
			.params(SqlTime.of(now), status, (int) latencyMs, attempt.id())
			.update();
		int recovered = jdbc.sql("""
				UPDATE webhook_endpoint SET consecutive_failures = 0, failing_since = NULL
				WHERE id = ? AND (consecutive_failures > 0 OR failing_since IS NOT NULL)""")
			.param(attempt.endpointId())
			.update();
		if (recovered > 0) {
			jdbc.sql("""
					UPDATE webhook_delivery SET next_attempt_at = ?
					WHERE endpoint_id = ? AND status = 'PENDING' AND next_attempt_at > ?""")
				.params(SqlTime.of(now), attempt.endpointId(), SqlTime.of(now))
				.update();
		}
	}

	/**
	 * Anything else: tried again after an exponential, jittered wait until {@code retryFor} has passed since the
	 * event. An endpoint is disabled, with the reason, when it has failed for {@code retryFor}, or failed
	 * {@code maxConsecutiveFailures} attempts in a row over at least {@code disableGrace}: under load a short outage
	 * makes hundreds of failures in seconds, and a receiver down for a minute must not need an admin to come back.
	 */
	@Transactional
	void failed(Attempt attempt, @Nullable Integer status, @Nullable Long latencyMs, String error) {
		Instant now = clock.instant();
		boolean givingUp = !now.isBefore(attempt.createdAt().plus(properties.retryFor()));
		jdbc.sql("""
				UPDATE webhook_delivery SET status = ?, next_attempt_at = ?, response_status = ?, latency_ms = ?,
				       last_error = ?, lease_until = NULL
				WHERE id = ?""")
			.params(givingUp ? FAILED : PENDING, SqlTime.of(now.plus(backoff(attempt.attempts()))), status,
					latencyMs == null ? null : latencyMs.intValue(), Text.cut(error, 1000), attempt.id())
			.update();
		jdbc.sql("""
				UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1,
				       failing_since = COALESCE(failing_since, ?)
				WHERE id = ?""")
			.params(SqlTime.of(now), attempt.endpointId())
			.update();
		jdbc.sql("""
				UPDATE webhook_endpoint SET enabled = FALSE, updated_at = ?,
				       disabled_reason = 'every delivery failed since ' || CAST(failing_since AS VARCHAR(40))
				                         || ' (' || CAST(consecutive_failures AS VARCHAR(12)) || ' attempts in a row); last: ' || ?
				WHERE id = ? AND enabled
				  AND ((consecutive_failures >= ? AND failing_since <= ?) OR failing_since <= ?)""")
			.params(SqlTime.of(now), Text.cut(error, 500), attempt.endpointId(), properties.maxConsecutiveFailures(),
					SqlTime.of(now.minus(properties.disableGrace())), SqlTime.of(now.minus(properties.retryFor())))
			.update();
	}

	/** base * 2^(attempts-1), at most the cap, then between 80% and 120% of that so retries of many spread out. */
	Duration backoff(int attempts) {
		long base = properties.retryBase().toMillis();
		long wait = Math.min(properties.retryCap().toMillis(), base << Math.min(Math.max(attempts - 1, 0), 30));
		return Duration.ofMillis((long) (wait * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
	}

	List<Delivery> log(UUID organizationId, UUID endpointId, int limit) {
		return jdbc.sql("""
				SELECT * FROM webhook_delivery WHERE endpoint_id = ? AND organization_id = ?
				ORDER BY created_at DESC, event_at DESC, event_seq DESC LIMIT ?""")
			.params(endpointId, organizationId, limit)
			.query(Outbox::map)
			.list();
	}

	/** Sends it again, with the same id (receivers deduplicate by it), as soon as its endpoint is enabled. */
	@Transactional
	Delivery redeliver(UUID organizationId, UUID endpointId, UUID deliveryId) {
		int updated = jdbc.sql("""
				UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = ?, lease_until = NULL
				WHERE id = ? AND endpoint_id = ? AND organization_id = ?""")
			.params(SqlTime.of(clock.instant()), deliveryId, endpointId, organizationId)
			.update();
		if (updated == 0) {
			throw new ResourceNotFound("webhook delivery", deliveryId);
		}
		return jdbc.sql("SELECT * FROM webhook_delivery WHERE id = ?").param(deliveryId).query(Outbox::map).single();
	}

	private static Delivery map(ResultSet rs, int row) throws SQLException {
		String status = rs.getString("status");
		return new Delivery(rs.getObject("id", UUID.class), rs.getString("event_type"), status, rs.getInt("attempts"),
				rs.getObject("response_status", Integer.class), rs.getObject("latency_ms", Integer.class),
				rs.getString("last_error"), PENDING.equals(status) ? SqlTime.read(rs, "next_attempt_at") : null,
				SqlTime.read(rs, "created_at"), SqlTime.read(rs, "delivered_at"));
	}
}
