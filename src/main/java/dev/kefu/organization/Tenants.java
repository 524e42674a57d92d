package dev.kefu.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.AfterCommit;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StateConflict;
import dev.kefu.shared.Text;
import dev.kefu.shared.TokenBucket;

/**
 * Each organization as a tenant of the installation: whether it is served ({@link Status}) and how much it may use
 * ({@link Limits}). Every staff request, widget load and channel callback asks whether its organization is active, so
 * the answer is cached for a few seconds; a suspension on this node counts at once, on other nodes within
 * {@link #CACHE_TIME}.
 */
@Service
public class Tenants {

	/** How long another node may still serve an organization suspended here. */
	static final Duration CACHE_TIME = Duration.ofSeconds(5);

	/** ACTIVE: served. SUSPENDED: its staff cannot sign in, its tokens and widget answer that it is unavailable. */
	public enum Status {
		ACTIVE, SUSPENDED
	}

	/**
	 * What an organization may use; null is unlimited.
	 *
	 * @param maxSeats enabled staff members
	 * @param maxStorageBytes bytes of attachments kept
	 * @param apiRequestsPerMinute requests of all its API tokens together, per node
	 */
	public record Limits(@Nullable Integer maxSeats, @Nullable Long maxStorageBytes,
			@Nullable Integer apiRequestsPerMinute) {

		public static final Limits NONE = new Limits(null, null, null);
	}

	/** An organization as the platform operator sees it. */
	public record Tenant(UUID id, String slug, String name, String timeZone, Status status, Instant createdAt,
			@Nullable Instant suspendedAt, @Nullable String suspendedReason, Limits limits) {
	}

	private record Cached(Status status, Limits limits, Instant cachedAt) {
	}

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();
	private final Map<UUID, Budget> apiBudgets = new ConcurrentHashMap<>();

	private record Budget(int perMinute, TokenBucket bucket) {
	}

	Tenants(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public List<Tenant> all() {
		return jdbc.sql("SELECT * FROM organization ORDER BY created_at, slug").query(Tenants::map).list();
	}

	public Optional<Tenant> find(UUID organizationId) {
		return jdbc.sql("SELECT * FROM organization WHERE id = ?").param(organizationId).query(Tenants::map).optional();
	}

	public Tenant require(UUID organizationId) {
		return find(organizationId).orElseThrow(() -> new ResourceNotFound("organization", organizationId));
	}

	/** Whether the organization is served; false for one that does not exist (any more). */
	public boolean active(UUID organizationId) {
		return state(organizationId).map(c -> c.status() == Status.ACTIVE).orElse(false);
	}

	/** For staff: signing in, or acting with a session or a token. */
	public void requireActive(UUID organizationId) {
		if (!active(organizationId)) {
			throw new RequestRejected("organization-suspended",
					"this organization is suspended; ask the operator of this installation", HttpStatus.FORBIDDEN);
		}
	}

	/**
	 * For customers and providers (the widget, a visitor's session, a channel's callback): 503, so that a provider
	 * retries later and nothing a customer writes is taken in and then left unanswered.
	 */
	public void requireServing(UUID organizationId) {
		if (!active(organizationId)) {
			throw new RequestRejected("service-unavailable", "the service is unavailable just now",
					HttpStatus.SERVICE_UNAVAILABLE);
		}
	}

	public Limits limits(UUID organizationId) {
		return state(organizationId).map(Cached::limits).orElse(Limits.NONE);
	}

	/** Takes one request from the organization's per-minute API budget, when it has one; false when it is spent. */
	public boolean admitApiRequest(UUID organizationId) {
		Integer perMinute = limits(organizationId).apiRequestsPerMinute();
		if (perMinute == null) {
			apiBudgets.remove(organizationId);
			return true;
		}
		if (perMinute == 0) {
			return false;
		}
		return apiBudgets
			.compute(organizationId,
					(id, budget) -> budget != null && budget.perMinute() == perMinute ? budget
							: new Budget(perMinute, new TokenBucket(perMinute / 60.0, perMinute)))
			.bucket()
			.tryTake();
	}

	/** How long until a spent per-minute API budget allows one more request, in whole seconds. */
	public long apiRetryAfterSeconds(UUID organizationId) {
		Integer perMinute = limits(organizationId).apiRequestsPerMinute();
		return perMinute == null || perMinute == 0 ? 60 : Math.max(1, (60 + perMinute - 1) / perMinute);
	}

	/**
	 * Refuses one more enabled staff member when the organization has all its seats taken. Locks the organization's
	 * row first, so two admins adding the last seat at once do not both get it.
	 */
	void requireSeat(UUID organizationId) {
		Integer max = jdbc.sql("SELECT max_seats FROM organization WHERE id = ? FOR UPDATE")
			.param(organizationId)
			.query((rs, n) -> (Integer) rs.getObject("max_seats", Integer.class))
			.optional()
			.orElse(null);
		if (max != null && seatsUsed(organizationId) >= max) {
			throw new StateConflict("seat-limit-reached",
					"all " + max + " seats of this organization are taken; disable someone or ask for more seats");
		}
	}

	public long seatsUsed(UUID organizationId) {
		return jdbc.sql("SELECT COUNT(*) FROM staff_member WHERE organization_id = ? AND enabled = TRUE")
			.param(organizationId)
			.query(Long.class)
			.single();
	}

	/** Refuses a file when the organization's attachments, {@code usedBytes} so far, would pass its storage limit. */
	public void requireStorage(UUID organizationId, long usedBytes, long addingBytes) {
		Long max = limits(organizationId).maxStorageBytes();
		if (max != null && usedBytes + addingBytes > max) {
			throw new StateConflict("storage-limit-reached",
					"this organization's storage (" + max + " bytes) is full; delete files or ask for more");
		}
	}

	/** Sets the limits; lowering one below what is used is allowed and stops growth only. */
	@Transactional
	public Tenant changeLimits(UUID organizationId, Limits limits) {
		require(organizationId);
		requireNotNegative(limits.maxSeats(), "maxSeats");
		requireNotNegative(limits.maxStorageBytes(), "maxStorageBytes");
		requireNotNegative(limits.apiRequestsPerMinute(), "apiRequestsPerMinute");
		jdbc.sql("""
				UPDATE organization SET max_seats = ?, max_storage_bytes = ?, max_api_requests_per_minute = ?
				WHERE id = ?""")
			.params(limits.maxSeats(), limits.maxStorageBytes(), limits.apiRequestsPerMinute(), organizationId)
			.update();
		forget(organizationId);
		return require(organizationId);
	}

	/** Suspends an active organization; {@link TenantSuspended} ends its sessions. Suspending twice changes nothing. */
	@Transactional
	public Tenant suspend(UUID organizationId, @Nullable String reason) {
		Tenant tenant = require(organizationId);
		String why = reason == null || reason.isBlank() ? null : Text.requireWellFormed(reason.strip(), "reason");
		if (why != null && why.length() > 500) {
			throw new RequestRejected("invalid-reason", "a reason has at most 500 characters");
		}
		if (tenant.status() == Status.SUSPENDED) {
			return tenant;
		}
		jdbc.sql("UPDATE organization SET status = ?, suspended_at = ?, suspended_reason = ? WHERE id = ?")
			.params(Status.SUSPENDED.name(), SqlTime.of(clock.instant()), why, organizationId)
			.update();
		forget(organizationId);
		events.publishEvent(new TenantSuspended(organizationId));
		return require(organizationId);
	}

	@Transactional
	public Tenant resume(UUID organizationId) {
		Tenant tenant = require(organizationId);
		if (tenant.status() == Status.ACTIVE) {
			return tenant;
		}
		jdbc.sql("UPDATE organization SET status = ?, suspended_at = NULL, suspended_reason = NULL WHERE id = ?")
			.params(Status.ACTIVE.name(), organizationId)
			.update();
		forget(organizationId);
		events.publishEvent(new TenantResumed(organizationId));
		return require(organizationId);
	}

	/** Drops this node's cached state of one organization (it changed, or was deleted). */
	public void forget(UUID organizationId) {
		cache.remove(organizationId);
		apiBudgets.remove(organizationId);
		// A request that read the row just before the change may have cached it again meanwhile.
		AfterCommit.run(() -> cache.remove(organizationId));
	}

	private Optional<Cached> state(UUID organizationId) {
		Instant now = clock.instant();
		Cached cached = cache.get(organizationId);
		if (cached != null && cached.cachedAt().plus(CACHE_TIME).isAfter(now)) {
			return Optional.of(cached);
		}
		Optional<Cached> fresh = find(organizationId).map(t -> new Cached(t.status(), t.limits(), now));
		fresh.ifPresentOrElse(c -> cache.put(organizationId, c), () -> cache.remove(organizationId));
		return fresh;
	}

	private static void requireNotNegative(@Nullable Number value, String field) {
		if (value != null && value.longValue() < 0) {
			throw new RequestRejected("invalid-limits", field + " must be 0 or more, or null for no limit");
		}
	}

	private static Tenant map(ResultSet rs, int row) throws SQLException {
		return new Tenant(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"),
				rs.getString("time_zone"), Status.valueOf(rs.getString("status")), SqlTime.read(rs, "created_at"),
				SqlTime.read(rs, "suspended_at"), rs.getString("suspended_reason"),
				new Limits(rs.getObject("max_seats", Integer.class), rs.getObject("max_storage_bytes", Long.class),
						rs.getObject("max_api_requests_per_minute", Integer.class)));
	}
}
