package dev.kefu.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.organization.Tenants;
import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StandardWebhookSignature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The channel instances of each organization. An instance's configuration is checked against its provider's schema on
 * every save; an implicit provider's one instance (the web widget's) is made on first use.
 */
@Service
public class Channels {

	static final int MAX_PER_ORGANIZATION = 50;

	/** How long a node trusts what it last read about whether an organization has channels that send out. */
	private static final Duration SENDERS_FRESH = Duration.ofSeconds(5);

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final ChannelProviders providers;
	private final Tenants tenants;
	private final Map<UUID, Senders> senders = new ConcurrentHashMap<>();

	private record Senders(boolean any, Instant readAt) {
	}

	Channels(JdbcClient jdbc, JsonMapper json, Clock clock, ChannelProviders providers, Tenants tenants) {
		this.tenants = tenants;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.providers = providers;
	}

	/** What an admin sends to create or change an instance; on a change, what is null stays as it was. */
	@Schema(name = "ChannelSettingsRequest")
	record Request(@Nullable String provider, @Nullable String name,
			@Nullable Map<String, @Nullable Object> configuration, @Nullable Boolean enabled) {
	}

	/** Every instance of the organization, the implicit ones included (made now if this is their first use). */
	public List<ChannelInstance> all(UUID organizationId) {
		providers.all().stream().filter(ChannelProvider::implicit).forEach(p -> implicit(organizationId, p.id()));
		return jdbc.sql("SELECT * FROM channel WHERE organization_id = ? ORDER BY created_at, id")
			.param(organizationId)
			.query(this::map)
			.list();
	}

	public Optional<ChannelInstance> find(UUID organizationId, UUID id) {
		return jdbc.sql("SELECT * FROM channel WHERE id = ? AND organization_id = ?")
			.params(id, organizationId)
			.query(this::map)
			.optional();
	}

	public ChannelInstance require(UUID organizationId, UUID id) {
		return find(organizationId, id).orElseThrow(() -> new ResourceNotFound("channel", id));
	}

	/**
	 * An instance by id alone, for an inbound path that is not signed in as anyone yet: the instance's secret then
	 * proves the caller. Only instances of the given provider are found, so a web channel's id is no API channel.
	 */
	/**
	 * As {@link #ofProvider}, for a provider's callback: a suspended organization's answers 503, so that the provider
	 * keeps the message and retries, instead of it being taken in while nobody can answer.
	 */
	public Optional<ChannelInstance> inbound(String provider, UUID id) {
		Optional<ChannelInstance> channel = ofProvider(provider, id);
		channel.ifPresent(c -> tenants.requireServing(c.organizationId()));
		return channel;
	}

	public Optional<ChannelInstance> ofProvider(String provider, UUID id) {
		return jdbc.sql("SELECT * FROM channel WHERE id = ? AND provider = ?")
			.params(id, provider)
			.query(this::map)
			.optional();
	}

	/**
	 * The one instance of an implicit provider (the web widget) in the organization, made on its first use. Two first
	 * uses at once (a new organization's first visitors) both get the one row: the insert of the loser does nothing.
	 */
	public ChannelInstance implicit(UUID organizationId, String providerId) {
		ChannelProvider provider = providers.require(providerId);
		if (!provider.implicit()) {
			throw new IllegalArgumentException(providerId + " is not an implicit channel provider");
		}
		Optional<ChannelInstance> known = singleton(organizationId, providerId);
		if (known.isPresent()) {
			return known.get();
		}
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO channel (id, organization_id, provider, name, configuration, secret, enabled, singleton,
				                     created_at, updated_at)
				VALUES (?, ?, ?, ?, '{}', NULL, TRUE, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(Ids.newId(), organizationId, providerId, provider.displayName(), providerId, SqlTime.of(now),
					SqlTime.of(now))
			.update();
		return singleton(organizationId, providerId).orElseThrow();
	}

	private Optional<ChannelInstance> singleton(UUID organizationId, String providerId) {
		return jdbc.sql("SELECT * FROM channel WHERE organization_id = ? AND singleton = ?")
			.params(organizationId, providerId)
			.query(this::map)
			.optional();
	}

	/** A new instance; for a signing provider the answer carries the secret, this once. */
	@Transactional
	ChannelInstance create(UUID organizationId, Request request) {
		if (request.provider() == null) {
			throw new RequestRejected("invalid-channel", "provider is required; see /api/v1/admin/channel-providers");
		}
		ChannelProvider provider = providers.require(request.provider());
		if (provider.implicit()) {
			throw new RequestRejected("implicit-channel",
					"every organization has its one " + provider.id() + " channel already; change that one");
		}
		Integer count = jdbc.sql("SELECT COUNT(*) FROM channel WHERE organization_id = ?")
			.param(organizationId)
			.query(Integer.class)
			.single();
		if (count >= MAX_PER_ORGANIZATION) {
			throw new RequestRejected("too-many-channels", "at most " + MAX_PER_ORGANIZATION + " channels");
		}
		String name = name(request.name() == null ? provider.displayName() : request.name());
		Map<String, Object> configuration = ChannelConfiguration.checked(provider,
				request.configuration() == null ? Map.of() : request.configuration(), Map.of());
		String secret = provider.signed() ? StandardWebhookSignature.newSecret() : null;
		UUID id = Ids.newId();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO channel (id, organization_id, provider, name, configuration, secret, enabled, created_at,
				                     updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, organizationId, provider.id(), name, json.writeValueAsString(configuration), secret,
					request.enabled() == null || request.enabled(), SqlTime.of(now), SqlTime.of(now))
			.update();
		ChannelInstance created = require(organizationId, id);
		provider.saved(created);
		senders.remove(organizationId);
		return created;
	}

	/** Changes what the request names; secret settings left out (or sent back masked) keep their stored value. */
	@Transactional
	ChannelInstance update(UUID organizationId, UUID id, Request request) {
		ChannelInstance current = require(organizationId, id);
		if (request.provider() != null && !request.provider().equals(current.provider())) {
			throw new RequestRejected("invalid-channel", "a channel's provider cannot change; create another channel");
		}
		ChannelProvider provider = providers.require(current.provider());
		String name = request.name() == null ? current.name() : name(request.name());
		Map<String, Object> configuration = request.configuration() == null ? current.configuration()
				: ChannelConfiguration.checked(provider, request.configuration(), current.configuration());
		boolean enabled = request.enabled() == null ? current.enabled() : request.enabled();
		jdbc.sql("""
				UPDATE channel SET name = ?, configuration = ?, enabled = ?, updated_at = ?
				WHERE id = ? AND organization_id = ?""")
			.params(name, json.writeValueAsString(configuration), enabled, SqlTime.of(clock.instant()), id,
					organizationId)
			.update();
		ChannelInstance changed = require(organizationId, id);
		provider.saved(changed);
		senders.remove(organizationId);
		return changed;
	}

	/**
	 * An instance as it would be with these settings, not saved: for "test the connection" before (or instead of)
	 * saving. Secret settings left out are taken from the stored instance {@code id}, if given; no settings at all
	 * test the stored instance as it is.
	 */
	ChannelInstance draft(UUID organizationId, @Nullable UUID id, Request request) {
		@Nullable ChannelInstance stored = id == null ? null : require(organizationId, id);
		String providerId = stored != null ? stored.provider() : request.provider();
		if (providerId == null) {
			throw new RequestRejected("invalid-channel", "provider is required; see /api/v1/admin/channel-providers");
		}
		ChannelProvider provider = providers.require(providerId);
		Map<String, Object> configuration = request.configuration() == null && stored != null ? stored.configuration()
				: ChannelConfiguration.checked(provider,
						request.configuration() == null ? Map.of() : request.configuration(),
						stored == null ? Map.of() : stored.configuration());
		Instant now = clock.instant();
		return new ChannelInstance(stored == null ? Ids.newId() : stored.id(), organizationId, providerId,
				request.name() == null ? provider.displayName() : request.name(), configuration,
				stored == null ? null : stored.secret(), true, now, now);
	}

	/** A new secret for a signing channel; the old one stops working at once. The answer carries it, this once. */
	@Transactional
	ChannelInstance rotateSecret(UUID organizationId, UUID id) {
		ChannelInstance current = require(organizationId, id);
		ChannelProvider provider = providers.require(current.provider());
		if (!provider.signed()) {
			throw new RequestRejected("unsigned-channel", "a " + provider.id() + " channel has no secret");
		}
		jdbc.sql("UPDATE channel SET secret = ?, updated_at = ? WHERE id = ? AND organization_id = ?")
			.params(StandardWebhookSignature.newSecret(), SqlTime.of(clock.instant()), id, organizationId)
			.update();
		ChannelInstance rotated = require(organizationId, id);
		provider.saved(rotated);
		return rotated;
	}

	/**
	 * Deletes a channel and what it knew of its customers' external ids; their contacts and conversations stay. The
	 * implicit web channel is disabled instead, never deleted.
	 */
	@Transactional
	void delete(UUID organizationId, UUID id) {
		ChannelInstance current = require(organizationId, id);
		ChannelProvider provider = providers.require(current.provider());
		if (provider.implicit()) {
			throw new RequestRejected("implicit-channel",
					"the " + provider.id() + " channel cannot be deleted; disable it instead");
		}
		provider.removed(current);
		jdbc.sql("DELETE FROM channel_message WHERE channel_id = ?").param(id).update();
		jdbc.sql("DELETE FROM channel_customer WHERE channel_id = ?").param(id).update();
		jdbc.sql("DELETE FROM channel WHERE id = ? AND organization_id = ?").params(id, organizationId).update();
		senders.remove(organizationId);
	}

	/**
	 * Whether the organization has an enabled channel whose provider sends out: only then do its conversations'
	 * messages need to be durable events (see {@link ChannelOutbound}). Cached briefly; this node's changes at once.
	 */
	boolean sendsOut(UUID organizationId) {
		Instant now = clock.instant();
		Senders known = senders.get(organizationId);
		if (known == null || known.readAt().plus(SENDERS_FRESH).isBefore(now)) {
			Set<String> sending = Set.copyOf(providers.all().stream().filter(ChannelProvider::sendsOut)
				.map(ChannelProvider::id).toList());
			boolean any = !sending.isEmpty() && jdbc.sql("""
					SELECT COUNT(*) FROM channel WHERE organization_id = :org AND enabled AND provider IN (:providers)""")
				.param("org", organizationId)
				.param("providers", sending)
				.query(Integer.class)
				.single() > 0;
			known = new Senders(any, now);
			senders.put(organizationId, known);
		}
		return known.any();
	}

	private static String name(String given) {
		String name = given.strip();
		if (name.isEmpty() || name.length() > 100) {
			throw new RequestRejected("invalid-name", "a channel's name is 1-100 characters");
		}
		return name;
	}

	private ChannelInstance map(ResultSet rs, int row) throws SQLException {
		Map<String, Object> configuration = new LinkedHashMap<>(
				json.readValue(rs.getString("configuration"), new TypeReference<Map<String, Object>>() {
				}));
		return new ChannelInstance(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getString("provider"), rs.getString("name"), configuration, rs.getString("secret"),
				rs.getBoolean("enabled"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "updated_at"));
	}
}
