package dev.kefu.security;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.audit.AuditLog;
import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.Text;
import dev.kefu.shared.TokenBucket;

/**
 * The organization's API tokens: {@code kefu_pat_} and 64 hex digits (32 random bytes), so that they are told apart
 * from staff logins and visitor tokens at a glance and secret scanners can find them. Only a SHA-256 of the secret is
 * stored; the secret is shown once, when the token is created. Lookups are cached like staff logins' and dropped on
 * every node when a token is revoked (through {@link StaffAccessChanged}, with the token's id as the staff id).
 */
@Service
class ApiTokens {

	static final String PREFIX = "kefu_pat_";
	/** Unrevoked tokens per organization: enough for every system it runs, few enough to review. */
	static final int MAX_ACTIVE = 100;
	private static final Duration CACHE_TIME = Duration.ofSeconds(30);

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final ApiTokenProperties properties;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();
	private final Map<String, Cached> cache = new ConcurrentHashMap<>();
	private final Map<UUID, TokenBucket> budgets = new ConcurrentHashMap<>();
	private final Map<UUID, Instant> lastUseWritten = new ConcurrentHashMap<>();

	/** A token that authenticated: who it acts as, and what it may do. */
	record Bearer(StaffCaller caller, Set<String> scopes, @Nullable Instant expiresAt) {

		UUID tokenId() {
			return caller.userId();
		}
	}

	private record Cached(Bearer bearer, Instant cachedAt) {
	}

	ApiTokens(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, ApiTokenProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	public ApiToken.IssuedApiToken create(StaffCaller admin, ApiToken.NewApiToken request,
			@Nullable String sourceAddress) {
		String name = name(request.name());
		Set<String> scopes = scopes(request.scopes());
		Instant now = clock.instant();
		if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
			throw new RequestRejected("invalid-expiry", "expiresAt must be in the future");
		}
		long active = jdbc.sql("SELECT COUNT(*) FROM api_token WHERE organization_id = ? AND revoked_at IS NULL")
			.param(admin.organizationId())
			.query(Long.class)
			.single();
		if (active >= MAX_ACTIVE) {
			throw new RequestRejected("too-many-tokens",
					"an organization may have " + MAX_ACTIVE + " unrevoked API tokens; revoke one first", HttpStatus.CONFLICT);
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + HexFormat.of().formatHex(bytes);
		UUID id = Ids.newId();
		String lastFour = secret.substring(secret.length() - 4);
		jdbc.sql("""
				INSERT INTO api_token (id, organization_id, name, token_hash, last_four, scopes, created_at, created_by,
				                       created_by_name, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, admin.organizationId(), name, StaffTokens.hash(secret), lastFour, String.join(" ", scopes),
					SqlTime.of(now), admin.userId(), Text.cut(admin.displayName(), 200), SqlTime.of(request.expiresAt()))
			.update();
		audit.record(admin, "api-token.created", "api-token:" + id,
				name + " (" + String.join(" ", scopes) + ")"
						+ (request.expiresAt() == null ? "" : ", expires " + request.expiresAt()),
				sourceAddress);
		ApiToken token = new ApiToken(id, name, List.copyOf(scopes), PREFIX + "…" + lastFour, now, admin.userId(),
				admin.displayName(), request.expiresAt(), null, null);
		return new ApiToken.IssuedApiToken(token, secret);
	}

	List<ApiToken> all(UUID organizationId) {
		return jdbc.sql("SELECT * FROM api_token WHERE organization_id = ? ORDER BY created_at DESC, id DESC")
			.param(organizationId)
			.query(ApiTokens::token)
			.list();
	}

	ApiToken require(UUID organizationId, UUID id) {
		return jdbc.sql("SELECT * FROM api_token WHERE organization_id = ? AND id = ?")
			.params(organizationId, id)
			.query(ApiTokens::token)
			.optional()
			.orElseThrow(() -> new ResourceNotFound("API token", id));
	}

	private static ApiToken token(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"),
				List.of(rs.getString("scopes").split(" ")), PREFIX + "…" + rs.getString("last_four"),
				SqlTime.read(rs, "created_at"), rs.getObject("created_by", UUID.class), rs.getString("created_by_name"),
				SqlTime.read(rs, "expires_at"), SqlTime.read(rs, "last_used_at"), SqlTime.read(rs, "revoked_at"));
	}

	/**
	 * Revokes a token at once: its next request is refused on this node, and every node drops its cached lookup and
	 * ends the token's open event streams. Revoking a revoked token changes nothing.
	 */
	@Transactional
	public void revoke(StaffCaller admin, UUID id, @Nullable String sourceAddress) {
		ApiToken token = require(admin.organizationId(), id);
		if (token.revokedAt() != null) {
			return;
		}
		jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND organization_id = ? AND revoked_at IS NULL")
			.params(SqlTime.of(clock.instant()), id, admin.organizationId())
			.update();
		forget(id);
		audit.record(admin, "api-token.revoked", "api-token:" + id, token.name(), sourceAddress);
		events.publishEvent(new StaffAccessChanged(admin.organizationId(), id));
	}

	/** The token's caller, if it is one of ours, unrevoked and unexpired. */
	Optional<Bearer> authenticate(String token) {
		if (!token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		String hash = StaffTokens.hash(token);
		Instant now = clock.instant();
		Cached cached = cache.get(hash);
		if (cached != null && cached.cachedAt().plus(CACHE_TIME).isAfter(now)) {
			return usable(cached.bearer(), now);
		}
		cache.remove(hash);
		Optional<Bearer> found = jdbc
			.sql("SELECT id, organization_id, name, scopes, expires_at FROM api_token WHERE token_hash = ? "
					+ "AND revoked_at IS NULL")
			.param(hash)
			.query((rs, n) -> new Bearer(
					StaffCaller.forApiToken(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
							rs.getString("name")),
					Set.copyOf(Arrays.asList(rs.getString("scopes").split(" "))), SqlTime.read(rs, "expires_at")))
			.optional();
		found.ifPresent(bearer -> cache.put(hash, new Cached(bearer, now)));
		return found.flatMap(bearer -> usable(bearer, now));
	}

	private static Optional<Bearer> usable(Bearer bearer, Instant now) {
		return bearer.expiresAt() == null || bearer.expiresAt().isAfter(now) ? Optional.of(bearer) : Optional.empty();
	}

	/** Takes one request from the token's budget; false when it is spent. */
	boolean admit(UUID tokenId) {
		return budgets.computeIfAbsent(tokenId, id -> new TokenBucket(properties.perSecond(), properties.burst()))
			.tryTake();
	}

	/** How long until a spent budget allows one more request. */
	Duration retryAfter() {
		return Duration.ofMillis((long) Math.ceil(1000 / properties.perSecond()));
	}

	/** Notes that a token was used; written at most once per {@code lastUsedPrecision} per token and node. */
	void used(UUID tokenId) {
		Instant now = clock.instant();
		Instant written = lastUseWritten.get(tokenId);
		if (written != null && written.plus(properties.lastUsedPrecision()).isAfter(now)) {
			return;
		}
		// Only the request that swaps the timestamp writes; those racing with it skip.
		boolean mine = written == null ? lastUseWritten.putIfAbsent(tokenId, now) == null
				: lastUseWritten.replace(tokenId, written, now);
		if (mine) {
			jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(SqlTime.of(now), tokenId).update();
		}
	}

	/** Drops this node's cached lookup of one token (it was revoked here or on another node). */
	void forget(UUID tokenId) {
		cache.values().removeIf(cached -> cached.bearer().tokenId().equals(tokenId));
	}

	void forgetAll() {
		cache.clear();
	}

	void forgetOrganization(UUID organizationId) {
		cache.values().removeIf(cached -> cached.bearer().caller().organizationId().equals(organizationId));
	}

	/** Forgets the budgets nobody has drawn on lately, so that the map does not grow with every token ever used. */
	@Scheduled(fixedDelay = 60_000)
	void sweep() {
		budgets.values().removeIf(TokenBucket::isFull);
	}

	private static String name(@Nullable String name) {
		if (name == null || name.isBlank()) {
			throw new RequestRejected("invalid-name", "a token needs a name");
		}
		String n = Text.requireWellFormed(name.strip(), "name");
		if (n.length() > 100) {
			throw new RequestRejected("invalid-name", "a token's name has at most 100 characters");
		}
		return n;
	}

	private static Set<String> scopes(@Nullable List<String> requested) {
		if (requested == null || requested.isEmpty()) {
			throw new RequestRejected("invalid-scope", "a token needs at least one scope; known scopes: " + ApiScopes.ALL);
		}
		Set<String> scopes = new LinkedHashSet<>();
		for (String scope : requested) {
			if (scope == null || !ApiScopes.ALL.contains(scope)) {
				throw new RequestRejected("invalid-scope",
						"unknown scope '" + scope + "'; known scopes: " + String.join(", ", ApiScopes.ALL));
			}
			scopes.add(scope);
		}
		// Stored in the table's order, so that two tokens with the same scopes read alike.
		return ApiScopes.ALL.stream().filter(scopes::contains).collect(Collectors.toCollection(LinkedHashSet::new));
	}
}
