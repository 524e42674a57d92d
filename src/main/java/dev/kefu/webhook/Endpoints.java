package dev.kefu.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.conversation.MessageSubscribers;
import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StandardWebhookSignature;

/**
 * The webhook endpoints an admin of each organization registered (not those channels own, see
 * {@link ChannelCallbacks}); tells the message path which organizations want message.created. */
@Service
class Endpoints implements MessageSubscribers {

	static final int MAX_PER_ORGANIZATION = 20;

	/** How long a node trusts what it last read about an organization's message subscribers (another node may change them). */
	private static final Duration SUBSCRIBERS_FRESH = Duration.ofSeconds(5);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Targets targets;
	private final Map<UUID, Subscribed> messageSubscribers = new ConcurrentHashMap<>();

	private record Subscribed(boolean wanted, Instant readAt) {
	}

	Endpoints(JdbcClient jdbc, Clock clock, Targets targets) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.targets = targets;
	}

	List<Endpoint> all(UUID organizationId) {
		return jdbc.sql("SELECT * FROM webhook_endpoint WHERE organization_id = ? AND owner IS NULL ORDER BY created_at, id")
			.param(organizationId)
			.query(Endpoints::map)
			.list();
	}

	Endpoint require(UUID organizationId, UUID id) {
		return find(organizationId, id).orElseThrow(() -> new ResourceNotFound("webhook", id));
	}

	Optional<Endpoint> find(UUID organizationId, UUID id) {
		return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ? AND organization_id = ? AND owner IS NULL")
			.params(id, organizationId)
			.query(Endpoints::map)
			.optional();
	}

	/** The enabled endpoints of the organization that subscribe to this event type. */
	List<Endpoint> subscribedTo(UUID organizationId, WebhookEvent event) {
		return all(organizationId).stream().filter(e -> e.enabled() && e.events().contains(event.type)).toList();
	}

	@Transactional
	Endpoint create(UUID organizationId, Endpoint.Request request) {
		if (request.url() == null || request.events() == null) {
			throw new RequestRejected("invalid-webhook", "url and events are required");
		}
		Integer count = jdbc.sql("SELECT COUNT(*) FROM webhook_endpoint WHERE organization_id = ? AND owner IS NULL")
			.param(organizationId)
			.query(Integer.class)
			.single();
		if (count >= MAX_PER_ORGANIZATION) {
			throw new RequestRejected("too-many-webhooks", "at most " + MAX_PER_ORGANIZATION + " webhook endpoints");
		}
		String url = targets.check(request.url()).toString();
		String events = events(request.events());
		String secret = request.secret() == null ? StandardWebhookSignature.newSecret() : StandardWebhookSignature.checked(request.secret());
		UUID id = Ids.newId();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO webhook_endpoint (id, organization_id, url, events, secret, enabled, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, organizationId, url, events, secret, request.enabled() == null || request.enabled(),
					SqlTime.of(now), SqlTime.of(now))
			.update();
		messageSubscribers.remove(organizationId);
		return require(organizationId, id).withSecret(secret);
	}

	/** Changes what the request names; enabling an endpoint again clears why it was disabled. */
	@Transactional
	Endpoint update(UUID organizationId, UUID id, Endpoint.Request request) {
		Endpoint current = require(organizationId, id);
		String url = request.url() == null ? current.url() : targets.check(request.url()).toString();
		String events = request.events() == null ? String.join(",", current.events()) : events(request.events());
		boolean enabled = request.enabled() == null ? current.enabled() : request.enabled();
		boolean reenabled = enabled && !current.enabled();
		jdbc.sql("""
				UPDATE webhook_endpoint SET url = ?, events = ?, enabled = ?, updated_at = ?,
				       disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END,
				       consecutive_failures = CASE WHEN ? THEN 0 ELSE consecutive_failures END,
				       failing_since = CASE WHEN ? THEN NULL ELSE failing_since END
				WHERE id = ? AND organization_id = ?""")
			.params(url, events, enabled, SqlTime.of(clock.instant()), reenabled, reenabled, reenabled, id,
					organizationId)
			.update();
		if (request.secret() != null) {
			setSecret(organizationId, id, StandardWebhookSignature.checked(request.secret()));
		}
		messageSubscribers.remove(organizationId);
		return require(organizationId, id);
	}

	@Transactional
	Endpoint rotateSecret(UUID organizationId, UUID id) {
		require(organizationId, id);
		String secret = StandardWebhookSignature.newSecret();
		setSecret(organizationId, id, secret);
		return require(organizationId, id).withSecret(secret);
	}

	@Transactional
	void delete(UUID organizationId, UUID id) {
		require(organizationId, id);
		jdbc.sql("DELETE FROM webhook_delivery WHERE endpoint_id = ?").param(id).update();
		jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ? AND organization_id = ?").params(id, organizationId).update();
		messageSubscribers.remove(organizationId);
	}

	String secret(UUID endpointId) {
		return jdbc.sql("SELECT secret FROM webhook_endpoint WHERE id = ?").param(endpointId).query(String.class).single();
	}

	@Override
	public boolean wanted(UUID organizationId) {
		Instant now = clock.instant();
		Subscribed known = messageSubscribers.get(organizationId);
		if (known == null || known.readAt().plus(SUBSCRIBERS_FRESH).isBefore(now)) {
			known = new Subscribed(!subscribedTo(organizationId, WebhookEvent.MESSAGE_CREATED).isEmpty(), now);
			messageSubscribers.put(organizationId, known);
		}
		return known.wanted();
	}

	private void setSecret(UUID organizationId, UUID id, String secret) {
		jdbc.sql("UPDATE webhook_endpoint SET secret = ?, updated_at = ? WHERE id = ? AND organization_id = ?")
			.params(secret, SqlTime.of(clock.instant()), id, organizationId)
			.update();
	}

	private static String events(List<String> requested) {
		Set<String> events = new LinkedHashSet<>();
		for (String event : requested) {
			if (event == null || !WebhookEvent.types().contains(event)) {
				throw new RequestRejected("invalid-event",
						"unknown event " + event + "; known: " + String.join(", ", WebhookEvent.types()));
			}
			events.add(event);
		}
		if (events.isEmpty()) {
			throw new RequestRejected("invalid-event", "name at least one event");
		}
		return String.join(",", events);
	}

	private static Endpoint map(ResultSet rs, int row) throws SQLException {
		return new Endpoint(rs.getObject("id", UUID.class), rs.getString("url"),
				Arrays.asList(rs.getString("events").split(",")), rs.getBoolean("enabled"),
				rs.getString("disabled_reason"), rs.getInt("consecutive_failures"), SqlTime.read(rs, "failing_since"),
				SqlTime.read(rs, "created_at"), SqlTime.read(rs, "updated_at"), null);
	}
}
