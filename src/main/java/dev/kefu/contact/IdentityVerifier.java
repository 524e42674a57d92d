package dev.kefu.contact;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;

/**
 * Checks the host site's word for a customer. An HMAC-SHA256 of the user id with the organization's secret (hex), or a
 * JWT: HS256 with that secret, or RS256/ES256 with a key from the organization's JWKS URL. A JWT must carry
 * {@code sub} (the user id), {@code exp} (at most {@link #CLOCK_SKEW} late) and an {@code aud} that names the
 * organization's slug, so a token made for one organization is useless at another. The issuer is not checked.
 */
@Component
class IdentityVerifier {

	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	/** Claims a JWT may sign along, and the contact attribute each one lands on. */
	static final Map<String, String> SIGNED_CLAIMS = Map.of("name", "name", "email", "email", "phone_number", "phone",
			"member_level", "memberLevel", "account_number", "accountNumber");

	private final Clock clock;
	/** JWKS decoders keep their fetched keys; one per URL so the keys are not fetched for each session. */
	private final Map<String, NimbusJwtDecoder> jwksDecoders = new ConcurrentHashMap<>();
	private final JwksTargets targets;
	/** Short timeouts and no redirects: a redirect could lead to an internal address the target check never saw. */
	private final RestTemplate jwksFetcher = new RestTemplate(new SimpleClientHttpRequestFactory() {
		{
			setConnectTimeout(Duration.ofSeconds(2));
			setReadTimeout(Duration.ofSeconds(3));
		}

		@Override
		protected void prepareConnection(HttpURLConnection connection, String httpMethod) throws IOException {
			super.prepareConnection(connection, httpMethod);
			connection.setInstanceFollowRedirects(false);
		}
	});

	IdentityVerifier(Clock clock, JwksTargets targets) {
		this.clock = clock;
		this.targets = targets;
	}

	VerifiedIdentity byHash(IdentitySettings settings, String userId, String userHash) {
		byte[] given;
		try {
			given = HexFormat.of().parseHex(userHash.strip());
		}
		catch (IllegalArgumentException notHex) {
			throw new IdentityRejected(IdentityRejected.INVALID, "userHash must be the hex HMAC-SHA256 of userId");
		}
		if (!MessageDigest.isEqual(hmac(settings.secret(), userId), given)) {
			throw new IdentityRejected(IdentityRejected.INVALID, "userHash does not match userId");
		}
		return new VerifiedIdentity(userId, Map.of());
	}

	VerifiedIdentity byJwt(IdentitySettings settings, String organizationSlug, String token) {
		Jwt jwt;
		try {
			jwt = decoderFor(settings, algorithmOf(token)).decode(token);
		}
		catch (JwtException bad) {
			// Nimbus says why (a bad signature, an unknown key id, a JWKS it could not fetch): the site's developer needs it.
			throw new IdentityRejected(IdentityRejected.INVALID, "the identity JWT was refused: " + bad.getMessage());
		}
		// Claims are checked here, not in the decoder, because one JWKS decoder serves every organization using its URL.
		Collection<OAuth2Error> errors = validator(organizationSlug).validate(jwt).getErrors();
		if (errors.stream().anyMatch(e -> IdentityRejected.EXPIRED.equals(e.getErrorCode()))) {
			throw new IdentityRejected(IdentityRejected.EXPIRED, "the identity JWT has expired");
		}
		if (!errors.isEmpty()) {
			throw new IdentityRejected(IdentityRejected.INVALID, "the identity JWT is not valid here: "
					+ errors.stream().map(OAuth2Error::getDescription).distinct().toList());
		}
		String subject = jwt.getSubject();
		if (subject == null || subject.isBlank() || subject.length() > 200) {
			throw new IdentityRejected(IdentityRejected.INVALID,
					"the identity JWT needs a sub (the user id) of at most 200 characters");
		}
		Map<String, String> attributes = new LinkedHashMap<>();
		SIGNED_CLAIMS.forEach((claim, attribute) -> {
			Object value = jwt.getClaims().get(claim);
			if (value != null) {
				attributes.put(attribute, value.toString());
			}
		});
		return new VerifiedIdentity(subject, attributes);
	}

	private static String algorithmOf(String token) {
		try {
			if (JWTParser.parse(token) instanceof SignedJWT signed) {
				return signed.getHeader().getAlgorithm().getName();
			}
		}
		catch (ParseException malformed) {
			// refused below
		}
		throw new IdentityRejected(IdentityRejected.INVALID, "jwt is not a signed JWT");
	}

	private NimbusJwtDecoder decoderFor(IdentitySettings settings, String algorithm) {
		if (JWSAlgorithm.HS256.getName().equals(algorithm)) {
			SecretKey key = new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
			return withoutClaimChecks(NimbusJwtDecoder.withSecretKey(key)
				.macAlgorithm(MacAlgorithm.HS256)
				.jwtProcessorCustomizer(IdentityVerifier::signatureOnly)
				.build());
		}
		if (!List.of("RS256", "ES256").contains(algorithm)) {
			throw new IdentityRejected(IdentityRejected.INVALID, "identity JWTs are signed HS256, RS256 or ES256");
		}
		String url = settings.jwksUrl();
		if (url == null) {
			throw new IdentityRejected(IdentityRejected.INVALID,
					"an " + algorithm + " identity JWT needs a JWKS URL, and the organization has none");
		}
		// Checked at each use against what the name resolves to now, as webhooks are (DNS rebinding).
		String refusal = targets.refusal(URI.create(url).getHost());
		if (refusal != null) {
			throw new IdentityRejected(IdentityRejected.INVALID, "the organization's JWKS URL may not be fetched: " + refusal);
		}
		return jwksDecoders.computeIfAbsent(url, u -> withoutClaimChecks(NimbusJwtDecoder.withJwkSetUri(u)
			.restOperations(jwksFetcher)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.jwtProcessorCustomizer(IdentityVerifier::signatureOnly)
			.build()));
	}

	/** Nimbus checks only the signature; the claims get our own checks and error codes (expired is not forged). */
	private static void signatureOnly(ConfigurableJWTProcessor<SecurityContext> processor) {
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
	}

	private static NimbusJwtDecoder withoutClaimChecks(NimbusJwtDecoder decoder) {
		decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
		return decoder;
	}

	private OAuth2TokenValidator<Jwt> validator(String organizationSlug) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
		timestamps.setClock(clock);
		return new DelegatingOAuth2TokenValidator<>(this::notExpired, timestamps,
				new JwtAudienceValidator(organizationSlug));
	}

	/** exp is required (Spring's validator lets it be absent) and reported with our own code. */
	private OAuth2TokenValidatorResult notExpired(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "exp is required", null));
		}
		if (clock.instant().minus(CLOCK_SKEW).isAfter(expiresAt)) {
			return OAuth2TokenValidatorResult.failure(new OAuth2Error(IdentityRejected.EXPIRED, "expired", null));
		}
		return OAuth2TokenValidatorResult.success();
	}

	static byte[] hmac(String secret, String userId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}
}
