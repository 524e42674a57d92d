package dev.kefu.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;

/**
 * Opaque bearer tokens for staff. Only a SHA-256 of each token is stored, so a database dump does not hand out
 * sessions. Lookups are cached briefly because every API call and WebSocket login resolves one.
 */
@Service
public class StaffTokens {

	/** Bounds how long a revoked token or a changed role may still be honoured by another node's cache. */
	private static final Duration CACHE_TIME = Duration.ofSeconds(30);

	private final JdbcClient jdbc;
	private final StaffMembers staff;
	private final SecurityProperties properties;
	private final ApplicationEventPublisher events;
	private final ApiTokens apiTokens;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();
	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private record Cached(StaffCaller caller, Instant expiresAt, Instant cachedAt) {
	}

	/** A fresh login: the token to send as {@code Authorization: Bearer <token>} until it expires. */
	public record IssuedToken(String token, Instant expiresAt) {
	}

	StaffTokens(JdbcClient jdbc, StaffMembers staff, SecurityProperties properties, ApplicationEventPublisher events,
			ApiTokens apiTokens, Clock clock) {
		this.jdbc = jdbc;
		this.apiTokens = apiTokens;
		this.events = events;
		this.staff = staff;
		this.properties = properties;
		this.clock = clock;
	}

	public IssuedToken issue(StaffMember member) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = "s_" + HexFormat.of().formatHex(bytes);
		Instant now = clock.instant();
		Instant expiresAt = now.plus(properties.staffTokenLifetime());
		jdbc.sql("""
				INSERT INTO access_token (token_hash, staff_id, organization_id, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(hash(token), member.id(), member.organizationId(), SqlTime.of(now), SqlTime.of(expiresAt))
			.update();
		return new IssuedToken(token, expiresAt);
	}

	/**
	 * The staff member a login token belongs to, or the API token's caller for an API token (so that live connections
	 * opened with one are checked again, and ended, like a login's).
	 */
	public Optional<StaffCaller> authenticate(String token) {
		if (token.startsWith(ApiTokens.PREFIX)) {
			return apiTokens.authenticate(token).map(ApiTokens.Bearer::caller);
		}
		if (!token.startsWith("s_") || token.length() > 100) {
			return Optional.empty();
		}
		String hash = hash(token);
		Instant now = clock.instant();
		Cached cached = cache.get(hash);
		if (cached != null && cached.cachedAt().plus(CACHE_TIME).isAfter(now) && cached.expiresAt().isAfter(now)) {
			return Optional.of(cached.caller());
		}
		cache.remove(hash);
		record Row(UUID staffId, UUID organizationId, Instant expiresAt) {
		}
		Optional<StaffCaller> caller = jdbc
			.sql("SELECT staff_id, organization_id, expires_at FROM access_token WHERE token_hash = ?")
			.param(hash)
			.query((rs, n) -> new Row(rs.getObject("staff_id", UUID.class), rs.getObject("organization_id", UUID.class),
					SqlTime.read(rs, "expires_at")))
			.optional()
			.filter(row -> row.expiresAt().isAfter(now))
			.flatMap(row -> staff.find(row.organizationId(), row.staffId())
				.filter(StaffMember::enabled)
				.map(m -> new StaffCaller(m.id(), m.organizationId(), m.displayName(), m.roles()))
				.map(c -> {
					cache.put(hash, new Cached(c, row.expiresAt(), now));
					return c;
				}));
		return caller;
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
				jdbc.sql("DELETE FROM access_token WHERE token_hash = ?").param(hash).update();
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
		jdbc.sql("DELETE FROM access_token WHERE staff_id = ?").param(staffId).update();
		forget(staffId);
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
