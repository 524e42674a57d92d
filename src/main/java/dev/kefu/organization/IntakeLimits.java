package dev.kefu.organization;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.RateLimited;
import dev.kefu.shared.RequestRejected;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Limits how fast one source address may create visitor identities and start chats in an organization, so that a
 * script cannot fill the database or the queues. The organization's admin can raise them (a site whose customers
 * mostly come through one proxy). Counted on each node: with N nodes behind a load balancer a source gets up to N
 * times the rate.
 */
@Service
public class IntakeLimits {

	/** Sustained rates per minute and bursts, per source address. */
	@Schema(name = "IntakeLimitsSettings")
	public record Settings(int visitorsPerMinute, int visitorsBurst, int conversationsPerMinute,
			int conversationsBurst) {
	}

	/** Other nodes pick up a changed setting this soon; this node at once. */
	private static final Duration SETTINGS_LIFETIME = Duration.ofSeconds(10);

	private record Cached(Settings settings, long readAtNanos) {
	}

	private final JdbcClient jdbc;
	private final Settings defaults;
	private final AddressBuckets buckets = new AddressBuckets(System::nanoTime);
	private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

	IntakeLimits(JdbcClient jdbc, IntakeLimitProperties defaults) {
		this.jdbc = jdbc;
		this.defaults = defaults.settings();
	}

	/** A new visitor identity from this address; throws {@link RateLimited} over the limit. */
	public void admitNewVisitor(UUID organizationId, String address) {
		Settings settings = of(organizationId);
		admit(organizationId, "visitor", address, settings.visitorsPerMinute(), settings.visitorsBurst(),
				"too many new visitors from your address");
	}

	/** A request to start a chat from this address; throws {@link RateLimited} over the limit. */
	public void admitNewConversation(UUID organizationId, String address) {
		Settings settings = of(organizationId);
		admit(organizationId, "conversation", address, settings.conversationsPerMinute(),
				settings.conversationsBurst(), "too many new chats from your address");
	}

	private void admit(UUID organizationId, String kind, String address, int perMinute, int burst, String message) {
		Duration wait = buckets.take(organizationId, kind, address, perMinute, burst);
		if (!wait.isZero()) {
			throw new RateLimited(message + "; try again shortly", wait);
		}
	}

	public Settings of(UUID organizationId) {
		Cached cached = cache.get(organizationId);
		if (cached == null || System.nanoTime() - cached.readAtNanos() > SETTINGS_LIFETIME.toNanos()) {
			cached = new Cached(read(organizationId), System.nanoTime());
			cache.put(organizationId, cached);
		}
		return cached.settings();
	}

	@Transactional
	public Settings change(UUID organizationId, Settings settings) {
		requireWithin("visitorsPerMinute", settings.visitorsPerMinute(), 60_000);
		requireWithin("visitorsBurst", settings.visitorsBurst(), 10_000);
		requireWithin("conversationsPerMinute", settings.conversationsPerMinute(), 60_000);
		requireWithin("conversationsBurst", settings.conversationsBurst(), 10_000);
		int updated = jdbc.sql("""
				UPDATE intake_limits SET visitors_per_minute = ?, visitors_burst = ?, conversations_per_minute = ?,
				                         conversations_burst = ?
				WHERE organization_id = ?""")
			.params(settings.visitorsPerMinute(), settings.visitorsBurst(), settings.conversationsPerMinute(),
					settings.conversationsBurst(), organizationId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO intake_limits (organization_id, visitors_per_minute, visitors_burst,
					                           conversations_per_minute, conversations_burst)
					VALUES (?, ?, ?, ?, ?)""")
				.params(organizationId, settings.visitorsPerMinute(), settings.visitorsBurst(),
						settings.conversationsPerMinute(), settings.conversationsBurst())
				.update();
		}
		cache.remove(organizationId);
		return settings;
	}

	/** Drops the buckets of sources that have been quiet long enough to be full again, to bound memory. */
	@Scheduled(fixedDelay = 60_000)
	void forgetQuietSources() {
		buckets.forgetFull();
	}

	private Settings read(UUID organizationId) {
		return jdbc.sql("""
				SELECT visitors_per_minute, visitors_burst, conversations_per_minute, conversations_burst
				FROM intake_limits WHERE organization_id = ?""")
			.param(organizationId)
			.query((rs, row) -> new Settings(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.optional()
			.orElse(defaults);
	}

	private static void requireWithin(String field, int value, int max) {
		if (value < 1 || value > max) {
			throw new RequestRejected("invalid-limit", field + " must be between 1 and " + max);
		}
	}
}
