package dev.kefu.contact;

import static dev.kefu.testing.HostSignature.hmac;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * The host site vouches for its signed-in customer with an HMAC of the user id or a JWT; Kefu finds the same contact
 * on every device and refuses anything forged, expired or made for another organization.
 */
@ServerTest
@TestPropertySource(properties = "kefu.identity.allow-private-jwks=true")
class VerifiedIdentityTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String admin;
	String secret;

	@BeforeEach
	void organizationWithSecret() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
		api.status(tenant.agentToken(api, 0), "ONLINE");
		secret = api.get("/api/v1/admin/identity", admin).path("secret").asString();
	}

	@Test
	void theFirstVisitorsOfANewOrganizationArriveTogetherAndAllGetASession() throws Exception {
		TestTenant fresh = TestTenant.create(context, 1, 5);
		String request = "{\"organization\":\"" + fresh.slug() + "\"}";
		List<Api.Response> answers;
		try (var visitors = java.util.concurrent.Executors.newFixedThreadPool(64)) {
			List<java.util.concurrent.Callable<Api.Response>> arrivals = java.util.stream.IntStream.range(0, 64)
				.<java.util.concurrent.Callable<Api.Response>>mapToObj(
						i -> () -> api.raw("POST", "/api/v1/visitor/sessions", null, "application/json", request))
				.toList();
			answers = new java.util.ArrayList<>();
			for (var answer : visitors.invokeAll(arrivals)) {
				answers.add(answer.get());
			}
		}
		assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.text()).isEqualTo(200));
	}

	@Test
	void aGoodHmacGivesTheSameVerifiedContactOnASecondDeviceWithItsHistory() {
		JsonNode laptop = session(Map.of("userId", "cust-42", "userHash", hmac(secret, "cust-42"), "name", "Li Lei",
				"memberLevel", "gold", "accountNumber", "6222 0212 3456 7894"));
		String conversation = api.startChat(laptop.path("token").asString()).path("conversation").path("id").asString();

		JsonNode phone = session(Map.of("userId", "cust-42", "userHash", hmac(secret, "cust-42")));

		assertThat(phone.path("contact").path("id").asString()).isEqualTo(laptop.path("contact").path("id").asString());
		assertThat(phone.path("contact").path("verified").asBoolean()).isTrue();
		assertThat(phone.path("contact").path("externalId").asString()).isEqualTo("cust-42");
		assertThat(phone.path("contact").path("name").asString()).isEqualTo("Li Lei");
		assertThat(phone.path("contact").path("attributes").path("memberLevel").asString()).isEqualTo("gold");
		assertThat(phone.path("contact").path("attributes").path("accountNumber").asString()).isEqualTo("****7894");
		assertThat(api.get("/api/v1/visitor/conversations", phone.path("token").asString()).findValuesAsString("id"))
			.contains(conversation);
	}

	@Test
	void aGoodHs256JwtIsAcceptedAndSignedClaimsLandOnTheContact() throws JOSEException {
		String jwt = jwt(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256, "cust-7",
				tenant.slug(), Instant.now().plusSeconds(300), Map.of("email", "han@example.com"));

		JsonNode first = session(Map.of("jwt", jwt));
		JsonNode second = session(Map.of("jwt", jwt));

		assertThat(first.path("contact").path("verified").asBoolean()).isTrue();
		assertThat(first.path("contact").path("email").asString()).isEqualTo("han@example.com");
		assertThat(second.path("contact").path("id").asString()).isEqualTo(first.path("contact").path("id").asString());
	}

	@Test
	void rs256AndEs256JwtsAreVerifiedWithKeysFromTheOrganizationsJwksUrl() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("site-1").generate();
		ECKey ecKey = new ECKeyGenerator(Curve.P_256).keyID("site-ec").generate();
		HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] keys = new JWKSet(List.of(key.toPublicJWK(), ecKey.toPublicJWK())).toString()
			.getBytes(StandardCharsets.UTF_8);
		jwks.createContext("/jwks.json", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, keys.length);
			exchange.getResponseBody().write(keys);
			exchange.close();
		});
		jwks.start();
		try {
			api.put("/api/v1/admin/identity", admin,
					Map.of("jwksUrl", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json"));
			String jwt = jwt(new RSASSASigner(key), JWSAlgorithm.RS256, "cust-rsa", tenant.slug(),
					Instant.now().plusSeconds(300), Map.of());

			JsonNode session = session(Map.of("jwt", jwt));

			assertThat(session.path("contact").path("externalId").asString()).isEqualTo("cust-rsa");
			String ecJwt = jwt(new ECDSASigner(ecKey), JWSAlgorithm.ES256, "cust-ec", tenant.slug(),
					Instant.now().plusSeconds(300), Map.of(), "site-ec");
			assertThat(session(Map.of("jwt", ecJwt)).path("contact").path("externalId").asString()).isEqualTo("cust-ec");
			RSAKey stranger = new RSAKeyGenerator(2048).keyID("site-1").generate();
			assertRefused(Map.of("jwt", jwt(new RSASSASigner(stranger), JWSAlgorithm.RS256, "cust-rsa", tenant.slug(),
					Instant.now().plusSeconds(300), Map.of())), "invalid-identity");
		}
		finally {
			jwks.stop(0);
		}
	}

	@Test
	void forgedExpiredAndForeignSignaturesAreRefused() throws JOSEException {
		TestTenant other = TestTenant.create(context, 1, 5);
		String otherSecret = api.get("/api/v1/admin/identity", other.adminToken(api)).path("secret").asString();
		String forger = "f".repeat(64);

		assertRefused(Map.of("userId", "cust-42", "userHash", hmac(forger, "cust-42")), "invalid-identity");
		assertRefused(Map.of("userId", "cust-42", "userHash", hmac(otherSecret, "cust-42")), "invalid-identity");
		assertRefused(Map.of("jwt", jwt(new MACSigner(forger.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256,
				"cust-42", tenant.slug(), Instant.now().plusSeconds(300), Map.of())), "invalid-identity");
		assertRefused(Map.of("jwt", jwt(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256,
				"cust-42", tenant.slug(), Instant.now().minusSeconds(600), Map.of())), "identity-expired");
		// Signed with this organization's secret but addressed to another organization.
		assertRefused(Map.of("jwt", jwt(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256,
				"cust-42", other.slug(), Instant.now().plusSeconds(300), Map.of())), "invalid-identity");
	}

	@Test
	void anAnonymousVisitorClaimingAVerifiedUserIdCannotReadItsHistory() {
		JsonNode customer = session(Map.of("userId", "cust-9", "userHash", hmac(secret, "cust-9")));
		String customerToken = customer.path("token").asString();
		String conversation = api.startChat(customerToken).path("conversation").path("id").asString();
		api.post("/api/v1/visitor/tickets", customerToken,
				Map.of("clientMsgId", "m-1", "body", "Where is my card?", "email", "c9@example.com"));

		assertRefused(Map.of("userId", "cust-9"), "invalid-identity");
		assertRefused(Map.of("userId", "cust-9", "userHash", "00"), "invalid-identity");
		Map<String, Object> resume = new HashMap<>(Map.of("organization", tenant.slug()));
		resume.put("token", customerToken);
		JsonNode withoutSignature = api.post("/api/v1/visitor/sessions", null, resume);
		String intruder = withoutSignature.path("token").asString();

		assertThat(withoutSignature.path("contact").path("id").asString())
			.isNotEqualTo(customer.path("contact").path("id").asString());
		assertThat(api.get("/api/v1/visitor/conversations", intruder).size()).isZero();
		assertThat(api.get("/api/v1/visitor/tickets", intruder).size()).isZero();
		assertThat(api.call("GET", "/api/v1/visitor/conversations/" + conversation + "/transcript", intruder, null)
			.status()).isIn(403, 404);
	}

	@Test
	void anOrganizationCanTurnAwayVisitorsItsSiteDoesNotVouchFor() {
		api.put("/api/v1/admin/identity", admin, Map.of("allowAnonymous", false));

		assertRefused(Map.of(), "identity-required");
		assertThat(session(Map.of("userId", "cust-1", "userHash", hmac(secret, "cust-1"))).path("token").asString())
			.isNotBlank();
	}

	@Test
	void rotatingTheSecretRetiresTheOldOne() {
		String rotated = api.post("/api/v1/admin/identity/secret", admin, null).path("secret").asString();

		assertThat(rotated).isNotEqualTo(secret);
		assertRefused(Map.of("userId", "cust-1", "userHash", hmac(secret, "cust-1")), "invalid-identity");
		assertThat(session(Map.of("userId", "cust-1", "userHash", hmac(rotated, "cust-1"))).path("token").asString())
			.isNotBlank();
	}

	@Test
	void onlyAdminsSeeTheSecret() {
		assertThat(api.call("GET", "/api/v1/admin/identity", tenant.agentToken(api, 0), null).status()).isEqualTo(403);
	}

	private JsonNode session(Map<String, String> identity) {
		Map<String, Object> body = new HashMap<>(identity);
		body.put("organization", tenant.slug());
		return api.post("/api/v1/visitor/sessions", null, body);
	}

	private void assertRefused(Map<String, String> identity, String code) {
		Map<String, Object> body = new HashMap<>(identity);
		body.put("organization", tenant.slug());
		Api.Response response = api.call("POST", "/api/v1/visitor/sessions", null, body);
		assertThat(response.status()).as(response.text()).isEqualTo(401);
		assertThat(response.code()).as(response.text()).isEqualTo(code);
	}

	static String jwt(JWSSigner signer, JWSAlgorithm algorithm, String subject, String audience, Instant expires,
			Map<String, Object> claims) throws JOSEException {
		return jwt(signer, algorithm, subject, audience, expires, claims, "site-1");
	}

	static String jwt(JWSSigner signer, JWSAlgorithm algorithm, String subject, String audience, Instant expires,
			Map<String, Object> claims, String keyId) throws JOSEException {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(subject)
			.audience(audience)
			.issueTime(Date.from(expires.minusSeconds(300)))
			.expirationTime(Date.from(expires))
			.jwtID(UUID.randomUUID().toString());
		claims.forEach(builder::claim);
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), builder.build());
		jwt.sign(signer);
		return jwt.serialize();
	}
}
