package dev.kefu.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kefu.shared.Ids;
import dev.kefu.shared.SqlTime;
import dev.kefu.testing.ServerTest;

/** Old finished deliveries leave the log; recent ones and anything still pending stay, however old. */
@ServerTest
class DeliveryLogPruningTest {

	@Autowired
	DeliveryLogPruning pruning;

	@Autowired
	JdbcClient jdbc;

	@Test
	void deliveriesOlderThanTheLogKeepsAreDeletedUnlessStillPending() {
		UUID endpoint = Ids.newId();
		Instant now = Instant.now();
		jdbc.sql("""
				INSERT INTO webhook_endpoint (id, organization_id, url, events, secret, enabled, created_at, updated_at)
				VALUES (?, ?, 'https://example.com/hook', 'conversation.opened', 'whsec_x', TRUE, ?, ?)""")
			.params(endpoint, Ids.newId(), SqlTime.of(now), SqlTime.of(now))
			.update();
		UUID oldDelivered = delivery(endpoint, "DELIVERED", now.minus(31, ChronoUnit.DAYS));
		UUID oldFailed = delivery(endpoint, "FAILED", now.minus(40, ChronoUnit.DAYS));
		UUID oldPending = delivery(endpoint, "PENDING", now.minus(40, ChronoUnit.DAYS));
		UUID recent = delivery(endpoint, "DELIVERED", now.minus(1, ChronoUnit.DAYS));

		pruning.prune();

		assertThat(jdbc.sql("SELECT id FROM webhook_delivery WHERE endpoint_id = ?").param(endpoint).query(UUID.class).list())
			.containsExactlyInAnyOrder(oldPending, recent)
			.doesNotContain(oldDelivered, oldFailed);
	}

	private UUID delivery(UUID endpoint, String status, Instant at) {
		UUID id = Ids.newId();
		jdbc.sql("""
				INSERT INTO webhook_delivery (id, endpoint_id, organization_id, event_type, event_key, ordering_key,
				                              event_at, event_seq, payload, status, next_attempt_at, created_at)
				VALUES (?, ?, ?, 'conversation.opened', ?, ?, ?, 0, '{}', ?, ?, ?)""")
			.params(id, endpoint, Ids.newId(), "k:" + id, Ids.newId(), SqlTime.of(at), status, SqlTime.of(at),
					SqlTime.of(at))
			.update();
		return id;
	}
}
