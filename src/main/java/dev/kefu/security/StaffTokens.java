package dev.kefu.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.organization.StaffRoles;
import dev.kefu.organization.Tenants;
import dev.kefu.shared.AfterCommit;
import dev.kefu.shared.Ids;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;

/**
 * Opaque bearer tokens for staff: each login is a session, listed to its owner and to admins and revocable by either.
 * Only a SHA-256 of each token is stored, so a database dump does not hand out sessions. Lookups are cached briefly
 * because every API call and WebSocket login resolves one; a session's last-seen time is written at most once a
 * minute for the same reason.
 */
@Service
public class StaffTokens {

	/** Bounds how long a revoked token or a changed role may still be honoured by another node's cache. */
	private static final Duration CACHE_TIME = Duration.ofSeconds(30);

	/** How stale a session's last-seen time may be: coarse, so that requests do not each write a row. */
	static final Duration LAST_SEEN_GRAIN = Duration.ofMinutes(1);

	/** How long an expired or revoked session's row is kept before it is deleted. */
	private static final Duration KEEP_ENDED = Duration.ofDays(1);

	private final JdbcClient jdbc;
	private final StaffMembers staff;
	private final StaffRoles roles;
	private final SecurityProperties properties;
	private final ApplicationEventPublisher events;
	private final ApiTokens apiTokens;
	private final Tenants tenants;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();
	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private record Cached(StaffCaller caller, Instant expiresAt, Instant cachedAt, @Nullable Instant lastSeen) {
	}

	/** Where a login came from, as the session list shows it. */
	public record Client(@Nullable String address, @Nullable String userAgent) {

		public static final Client UNKNOWN = new Client(null, null);
	}

	/** One open session of a staff member, as listed to them ({@code current}: the one asking) or to an admin. */
	record Session(UUID id, Instant createdAt, @Nullable Instant lastSeenAt, Instant expiresAt,
			@Nullable String clientAddress, @Nullable String userAgent, boolean current) {
	}

	/** A fresh login: the token to send as {@code Authorization: Bearer <token>} until it expires. */
	public record IssuedToken(String token, Instant expiresAt) {
	}

	StaffTokens(JdbcClient jdbc, StaffMembers staff, StaffRoles roles, SecurityProperties properties,
			ApplicationEventPublisher events, ApiTokens apiTokens, Tenants tenants, Clock clock) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.apiTokens = apiTokens;
		this.events = events;
		this.staff = staff;
		this.roles = roles;
		this.properties = properties;
		this.clock = clock;
	}

	public IssuedToken issue(StaffMember member) {
		return issue(member, Client.UNKNOWN);
	}

	public IssuedToken issue(StaffMember member, Client client) {
		// Every way in (password, second factor, single sign-on) ends here: a suspended organization's staff stay out.
		tenants.requireActive(member.organizationId());
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = "s_" + HexFormat.of().formatHex(bytes);
		Instant now = clock.instant();
		Instant expiresAt = now.plus(properties.staffTokenLifetime());
		jdbc.sql("""
				INSERT INTO access_token (token_hash, id, staff_id, organization_id, created_at, expires_at, last_seen_at,
				                          client_address, user_agent)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(hash(token), Ids.newId(), member.id(), member.organizationId(), SqlTime.of(now),
					SqlTime.of(expiresAt), SqlTime.of(now), cut(client.address(), 100), cut(client.userAgent(), 300))
			.update();
		return new IssuedToken(token, expiresAt);
	}

	/**
	 * The staff member a login token belongs to, or the API token's caller for an API token (so that live connections
	 * opened with one are checked again, and ended, like a login's).
	 */
	public Optional<StaffCaller> authenticate(String token) {
		if (token.startsWith(ApiTokens.PREFIX)) {
			return apiTokens.authenticate(token).map(ApiTokens.Bearer::caller)
				.filter(caller -> tenants.active(caller.organizationId()));
		}
		if (!token.startsWith("s_") || token.length() > 100) {
			return Optional.empty();
		}
		String hash = hash(token);
		Instant now = clock.instant();
		Cached cached = cache.get(hash);
		if (cached != null && cached.cachedAt().plus(CACHE_TIME).isAfter(now) && cached.expiresAt().isAfter(now)) {
			if (!tenants.active(cached.caller().organizationId())) {
				return Optional.empty();
			}
			seen(hash, cached, now);
			return Optional.of(cached.caller());
		}
		cache.remove(hash);
		record Row(UUID staffId, UUID organizationId, Instant expiresAt, @Nullable Instant lastSeen) {
		}
		Optional<StaffCaller> caller = jdbc.sql("""
				SELECT staff_id, organization_id, expires_at, last_seen_at FROM access_token
				WHERE token_hash = ? AND revoked_at IS NULL""")
			.param(hash)
			.query((rs, n) -> new Row(rs.getObject("staff_id", UUID.class), rs.getObject("organization_id", UUID.class),
					SqlTime.read(rs, "expires_at"), SqlTime.read(rs, "last_seen_at")))
			.optional()
			.filter(row -> row.expiresAt().isAfter(now))
			.filter(row -> tenants.active(row.organizationId()))
			.flatMap(row -> staff.find(row.organizationId(), row.staffId())
				.filter(StaffMember::enabled)
				.map(m -> new StaffCaller(m.id(), m.organizationId(), m.displayName(), m.roles(), roles.accessOf(m),
						false))
				.map(c -> {
					Cached fresh = new Cached(c, row.expiresAt(), now, row.lastSeen());
					cache.put(hash, fresh);
					seen(hash, fresh, now);
					return c;
				}));
		return caller;
	}

	/** Moves the session's last-seen time on, when it is more than a minute old. */
	private void seen(String hash, Cached cached, Instant now) {
		Instant last = cached.lastSeen();
		if (last != null && last.plus(LAST_SEEN_GRAIN).isAfter(now)) {
			return;
		}
		cache.replace(hash, cached, new Cached(cached.caller(), cached.expiresAt(), cached.cachedAt(), now));
		jdbc.sql("""
				UPDATE access_token SET last_seen_at = ?
				WHERE token_hash = ? AND (last_seen_at IS NULL OR last_seen_at < ?)""")
			.params(SqlTime.of(now), hash, SqlTime.of(now.minus(LAST_SEEN_GRAIN)))
			.update();
	}

	/** The open sessions of one staff member, newest first; {@code currentToken} marks the one asking. */
	List<Session> sessions(UUID organizationId, UUID staffId, @Nullable String currentToken) {
		String current = currentToken == null ? "" : hash(currentToken);
		return jdbc.sql("""
				SELECT token_hash, id, created_at, last_seen_at, expires_at, client_address, user_agent FROM access_token
				WHERE organization_id = ? AND staff_id = ? AND revoked_at IS NULL AND expires_at > ?
				ORDER BY created_at DESC, id""")
			.params(organizationId, staffId, SqlTime.of(clock.instant()))
			.query((rs, n) -> new Session(rs.getObject("id", UUID.class), SqlTime.read(rs, "created_at"),
					SqlTime.read(rs, "last_seen_at"), SqlTime.read(rs, "expires_at"), rs.getString("client_address"),
					rs.getString("user_agent"), rs.getString("token_hash").equals(current)))
			.list();
	}

	/**
	 * Revokes one session of a staff member: its token is refused from now on, on every node, and its live connections
	 * are closed. False when the staff member has no such open session.
	 */
	@Transactional
	boolean revokeSession(UUID organizationId, UUID staffId, UUID sessionId) {
		Optional<String> hash = jdbc.sql("""
				SELECT token_hash FROM access_token
				WHERE organization_id = ? AND staff_id = ? AND id = ? AND revoked_at IS NULL""")
			.params(organizationId, staffId, sessionId)
			.query(String.class)
			.optional();
		if (hash.isEmpty()) {
			return false;
		}
		jdbc.sql("UPDATE access_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")
			.params(SqlTime.of(clock.instant()), hash.get())
			.update();
		cache.remove(hash.get());
		// A request that read the row just before the update may have cached it again meanwhile.
		AfterCommit.run(() -> cache.remove(hash.get()));
		events.publishEvent(new StaffAccessChanged(organizationId, staffId));
		return true;
	}

	/** Ends one session (logout); its open live connections are closed on every node. */
	@Transactional
	public void revoke(String token) {
		String hash = hash(token);
		cache.remove(hash);
		record Owner(UUID organizationId, UUID staffId) {
		}
		jdbc.sql("SELECT organization_id, staff_id FROM access_token WHERE token_hash = ?")
			.param(hash)
			.query((rs, n) -> new Owner(rs.getObject("organization_id", UUID.class), rs.getObject("staff_id", UUID.class)))
			.optional()
			.ifPresent(owner -> {
				jdbc.sql("UPDATE access_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")
					.params(SqlTime.of(clock.instant()), hash)
					.update();
				events.publishEvent(new StaffAccessChanged(owner.organizationId(), owner.staffId()));
			});
	}

	/**
	 * Drops this node's cached lookups of one staff member (or of one API token, by its id), so a disabled account,
	 * a changed role or a revoked API token counts at once.
	 */
	public void forget(UUID staffId) {
		apiTokens.forget(staffId);
		cache.values().removeIf(cached -> cached.caller().userId().equals(staffId));
	}

	/** Drops every cached lookup: news of revocations may have been missed (the relay between nodes was down). */
	public void forgetAll() {
		apiTokens.forgetAll();
		cache.clear();
	}

	/** Ends every session of one staff member. */
	void revokeAll(UUID staffId) {
		jdbc.sql("UPDATE access_token SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL")
			.params(SqlTime.of(clock.instant()), staffId)
			.update();
		forget(staffId);
	}

	/**
	 * Ends every session of a suspended organization's staff and drops this node's cached lookups of them and of its
	 * API tokens (kept, and refused while it is suspended); returns whose sessions and which tokens they were, so that
	 * their live connections can be closed.
	 */
	List<UUID> revokeOrganization(UUID organizationId) {
		List<UUID> callers = new ArrayList<>(jdbc
			.sql("SELECT DISTINCT staff_id FROM access_token WHERE organization_id = ? AND revoked_at IS NULL")
			.param(organizationId)
			.query(UUID.class)
			.list());
		callers.addAll(jdbc.sql("SELECT id FROM api_token WHERE organization_id = ? AND revoked_at IS NULL")
			.param(organizationId)
			.query(UUID.class)
			.list());
		jdbc.sql("UPDATE access_token SET revoked_at = ? WHERE organization_id = ? AND revoked_at IS NULL")
			.params(SqlTime.of(clock.instant()), organizationId)
			.update();
		cache.values().removeIf(cached -> cached.caller().organizationId().equals(organizationId));
		apiTokens.forgetOrganization(organizationId);
		return callers;
	}

	/** Ended sessions are kept a day (the list no longer shows them), then deleted. */
	@Scheduled(fixedDelay = 3_600_000, initialDelay = 300_000)
	void dropEnded() {
		Object before = SqlTime.of(clock.instant().minus(KEEP_ENDED));
		jdbc.sql("DELETE FROM access_token WHERE expires_at < ? OR revoked_at < ?").params(before, before).update();
	}

	private static @Nullable String cut(@Nullable String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	static String hash(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
