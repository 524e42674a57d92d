package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.SettableClock;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Two-factor sign-in over real HTTP, with the server's clock in the test's hand: codes are made the way an
 * authenticator app makes them, for the moment the server believes it is.
 */
@ServerTest
@TestPropertySource(properties = { "kefu.security.login.per-address.free-failures=1000",
		"kefu.security.login.per-account.free-failures=3", "kefu.security.login.per-account.first-delay=1m" })
class TwoFactorLoginTest {

	/** Mid-step, so that a code's step does not change under the test. */
	static final SettableClock CLOCK = new SettableClock(Instant.ofEpochSecond(Totp.step(Instant.now()) * 30 + 10));

	@TestConfiguration
	static class FixedClock {

		@Bean
		@Primary
		Clock settableClock() {
			return CLOCK;
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String admin;

	@BeforeEach
	void anOrganization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 2, 3);
		admin = tenant.adminToken(api);
	}

	@Test
	void aStaffMemberEnrolsWithTheFirstCodeAndThenLogsInOnlyWithASecondOne() {
		String agent = tenant.agentToken(api, 0);
		JsonNode enrolment = api.post("/api/v1/auth/two-factor/enrolment", agent, null);
		String secret = enrolment.path("secret").asString();
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(enrolment.path("uri").asString()).startsWith("otpauth://totp/Kefu:" + tenant.agent(0).username())
			.contains("secret=" + secret).contains("issuer=Kefu");
		assertThat(enrolment.path("qrSvg").asString()).startsWith("<svg").contains("<path");
		assertThat(api.get("/api/v1/auth/two-factor", agent).path("enabled").asBoolean()).isFalse();

		Api.Response wrong = api.call("POST", "/api/v1/auth/two-factor/enrolment/confirm", agent,
				Map.of("code", wrongCode(secret)));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.code()).isEqualTo("wrong-code");
		JsonNode confirmed = api.post("/api/v1/auth/two-factor/enrolment/confirm", agent, Map.of("code", code(secret)));
		assertThat(confirmed.path("recoveryCodes")).hasSize(10);
		JsonNode status = api.get("/api/v1/auth/two-factor", agent);
		assertThat(status.path("enabled").asBoolean()).isTrue();
		assertThat(status.path("recoveryCodesLeft").asInt()).isEqualTo(10);
		assertThat(status.toString()).doesNotContain(secret);
		String stored = context.getBean(JdbcClient.class)
			.sql("SELECT secret FROM staff_totp WHERE staff_id = ?")
			.param(tenant.agent(0).id())
			.query(String.class)
			.single();
		assertThat(stored).as("encrypted at rest").doesNotContain(secret)
			.isNotEqualTo(Base64.getEncoder().encodeToString(TwoFactorTestCodes.decode(secret)));
		assertThat(context.getBean(SecretBox.class).open(stored)).isEqualTo(TwoFactorTestCodes.decode(secret));
		assertThat(api.get("/api/v1/admin/audit", admin).path("entries").toString()).contains("staff.totp-enabled");

		JsonNode first = password(0);
		assertThat(first.has("token")).as("a right password alone is not a session").isFalse();
		assertThat(first.path("next").asString()).isEqualTo("two-factor");
		Api.Response refused = second(first, wrongCode(secret));
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.code()).isEqualTo("wrong-code");

		CLOCK.advance(Duration.ofSeconds(30));
		Api.Response loggedIn = second(first, code(secret));
		assertThat(loggedIn.status()).as(loggedIn.text()).isEqualTo(200);
		String token = loggedIn.body().path("token").asString();
		assertThat(api.get("/api/v1/auth/me", token).path("id").asString()).isEqualTo(tenant.agent(0).id().toString());
		assertThat(second(first, code(secret)).code()).as("the challenge is used up").isEqualTo("challenge-expired");
	}

	@Test
	void aCodeIsNotAcceptedTwiceNorOneOfAnEarlierStep() {
		String secret = enrol(0);
		CLOCK.advance(Duration.ofSeconds(30));
		String now = code(secret);
		assertThat(second(password(0), now).status()).isEqualTo(200);

		Api.Response replayed = second(password(0), now);
		assertThat(replayed.status()).isEqualTo(401);
		assertThat(replayed.code()).isEqualTo("wrong-code");
		String previous = TwoFactorTestCodes.code(secret, CLOCK.instant().minusSeconds(30));
		assertThat(second(password(0), previous).status()).as("a step before the last one used").isEqualTo(401);
	}

	@Test
	void aCodeOfTheStepBeforeIsAcceptedButAnExpiredOneIsNot() {
		String secret = enrol(0);
		CLOCK.advance(Duration.ofSeconds(90));
		String expired = TwoFactorTestCodes.code(secret, CLOCK.instant().minusSeconds(60));
		assertThat(second(password(0), expired).status()).isEqualTo(401);
		String late = TwoFactorTestCodes.code(secret, CLOCK.instant().minusSeconds(30));
		assertThat(second(password(0), late).status()).as("a phone half a minute behind").isEqualTo(200);
	}

	@Test
	void aRecoveryCodeWorksOnceOnly() {
		String agent = tenant.agentToken(api, 0);
		String secret = api.post("/api/v1/auth/two-factor/enrolment", agent, null).path("secret").asString();
		List<String> codes = new ArrayList<>();
		api.post("/api/v1/auth/two-factor/enrolment/confirm", agent, Map.of("code", code(secret)))
			.path("recoveryCodes")
			.forEach(c -> codes.add(c.asString()));
		assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));

		Api.Response recovered = second(password(0), codes.get(3).toUpperCase().replace("-", " "));
		assertThat(recovered.status()).as(recovered.text()).isEqualTo(200);
		String token = recovered.body().path("token").asString();
		assertThat(api.get("/api/v1/auth/two-factor", token).path("recoveryCodesLeft").asInt()).isEqualTo(9);
		assertThat(second(password(0), codes.get(3)).status()).as("the same recovery code again").isEqualTo(401);
	}

	@Test
	void wrongCodesAreSlowedLikeWrongPasswords() {
		String secret = enrol(0);
		JsonNode first = password(0);
		List<Integer> answers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			answers.add(second(first, wrongCode(secret)).status());
		}
		assertThat(answers).containsExactly(401, 401, 401, 401, 429);
		CLOCK.advance(Duration.ofSeconds(30));
		Api.Response waiting = second(password(0), code(secret));
		assertThat(waiting.status()).as("even the right code waits").isEqualTo(429);
		assertThat(waiting.code()).isEqualTo("too-many-attempts");
		assertThat(tenant.agentToken(api, 1)).as("another account is not slowed").startsWith("s_");
	}

	@Test
	void theSecondStepMustFollowWithinFiveMinutes() {
		String secret = enrol(0);
		JsonNode first = password(0);
		CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
		Api.Response late = second(first, code(secret));
		assertThat(late.status()).isEqualTo(401);
		assertThat(late.code()).isEqualTo("challenge-expired");
		Api.Response forged = api.call("POST", "/api/v1/auth/login/two-factor", null,
				Map.of("challenge", "c_" + "0".repeat(64), "code", code(secret)));
		assertThat(forged.code()).isEqualTo("challenge-expired");
	}

	@Test
	void anOrganizationThatRequiresTwoFactorMakesStaffEnrolBeforeTheyGetASession() {
		TestTenant other = TestTenant.create(context, 1, 3);
		Api.Response refused = api.call("PUT", "/api/v1/admin/sign-in", tenant.agentToken(api, 1),
				Map.of("requireTwoFactor", true));
		assertThat(refused.status()).as("agents do not set it").isEqualTo(403);
		assertThat(api.call("PUT", "/api/v1/admin/sign-in", admin, Map.of()).status()).isEqualTo(400);
		api.put("/api/v1/admin/sign-in", admin, Map.of("requireTwoFactor", true));
		assertThat(api.get("/api/v1/admin/sign-in", admin).path("requireTwoFactor").asBoolean()).isTrue();

		JsonNode first = password(0);
		assertThat(first.has("token")).isFalse();
		assertThat(first.path("next").asString()).isEqualTo("two-factor-enrolment");
		Api.Response notACode = second(first, "123456");
		assertThat(notACode.code()).as("an enrolment challenge is no code challenge").isEqualTo("challenge-expired");
		JsonNode enrolment = api.post("/api/v1/auth/login/two-factor/enrolment", null,
				Map.of("challenge", first.path("challenge").asString()));
		String secret = enrolment.path("secret").asString();
		JsonNode loggedIn = api.post("/api/v1/auth/login/two-factor/enrolment/confirm", null,
				Map.of("challenge", first.path("challenge").asString(), "code", code(secret)));
		assertThat(loggedIn.path("token").asString()).startsWith("s_");
		assertThat(loggedIn.path("recoveryCodes")).hasSize(10);

		String enrolled = loggedIn.path("token").asString();
		Api.Response off = api.call("POST", "/api/v1/auth/two-factor/disable", enrolled,
				Map.of("code", TwoFactorTestCodes.code(secret, CLOCK.instant().plusSeconds(30))));
		assertThat(off.status()).isEqualTo(409);
		assertThat(off.code()).isEqualTo("two-factor-required");

		assertThat(api.post("/api/v1/auth/login", null,
				Map.of("username", other.agent(0).username(), "password", TestTenant.PASSWORD)).path("token").asString())
			.as("another organization's staff are not held to it")
			.startsWith("s_");
	}

	@Test
	void anAdminResetsAStaffMembersSecondFactorAndItIsAudited() {
		String secret = enrol(0);
		TestTenant other = TestTenant.create(context, 1, 3);
		assertThat(api.call("DELETE", "/api/v1/admin/staff/" + tenant.agent(0).id() + "/two-factor",
				other.adminToken(api), null).status()).as("another organization's admin").isEqualTo(404);
		assertThat(api.get("/api/v1/admin/staff/" + tenant.agent(0).id() + "/two-factor", admin).path("enabled")
			.asBoolean()).isTrue();

		api.delete("/api/v1/admin/staff/" + tenant.agent(0).id() + "/two-factor", admin);

		assertThat(password(0).path("token").asString()).as("no second step any more").startsWith("s_");
		JsonNode entries = api.get("/api/v1/admin/audit?action=staff.totp", admin).path("entries");
		assertThat(entries.get(0).path("action").asString()).isEqualTo("staff.totp-reset");
		assertThat(entries.get(0).path("target").asString()).isEqualTo("staff:" + tenant.agent(0).id());
		assertThat(secret).isNotBlank();
	}

	@Test
	void aStaffMemberTurnsTheirOwnSecondFactorOffWithACode() {
		String secret = enrol(0);
		CLOCK.advance(Duration.ofSeconds(30));
		String token = second(password(0), code(secret)).body().path("token").asString();
		CLOCK.advance(Duration.ofSeconds(30));
		assertThat(api.call("POST", "/api/v1/auth/two-factor/disable", token, Map.of("code", wrongCode(secret)))
			.code()).isEqualTo("wrong-code");
		api.post("/api/v1/auth/two-factor/disable", token, Map.of("code", code(secret)));
		assertThat(password(0).path("token").asString()).startsWith("s_");
		assertThat(api.get("/api/v1/admin/audit?action=staff.totp", admin).path("entries").get(0).path("action")
			.asString()).isEqualTo("staff.totp-disabled");
	}

	/** Here because this test holds the clock: a session's last-seen time moves at most once a minute. */
	@Test
	void aSessionsLastSeenTimeIsCoarse() {
		String agent = tenant.agentToken(api, 0);
		String signedIn = api.get("/api/v1/auth/sessions", agent).get(0).path("lastSeenAt").asString();
		CLOCK.advance(Duration.ofSeconds(50));
		assertThat(api.get("/api/v1/auth/sessions", agent).get(0).path("lastSeenAt").asString()).isEqualTo(signedIn);
		CLOCK.advance(Duration.ofSeconds(20));
		api.get("/api/v1/auth/me", agent);
		assertThat(Instant.parse(api.get("/api/v1/auth/sessions", agent).get(0).path("lastSeenAt").asString()))
			.isEqualTo(CLOCK.instant());
	}

	/** Enrols agent {@code index} and answers the secret; the code of the current step is then used up. */
	private String enrol(int index) {
		String agent = tenant.agentToken(api, index);
		String secret = api.post("/api/v1/auth/two-factor/enrolment", agent, null).path("secret").asString();
		api.post("/api/v1/auth/two-factor/enrolment/confirm", agent, Map.of("code", code(secret)));
		return secret;
	}

	private JsonNode password(int agent) {
		return api.post("/api/v1/auth/login", null,
				Map.of("username", tenant.agent(agent).username(), "password", TestTenant.PASSWORD));
	}

	private Api.Response second(JsonNode first, String code) {
		return api.call("POST", "/api/v1/auth/login/two-factor", null,
				Map.of("challenge", first.path("challenge").asString(), "code", code));
	}

	private static String code(String secret) {
		return TwoFactorTestCodes.code(secret, CLOCK.instant());
	}

	/** A six-digit code that is none of the three the server accepts now. */
	private static String wrongCode(String secret) {
		for (int n = 0;; n++) {
			String candidate = String.format("%06d", (n * 7919) % 1_000_000);
			if (!candidate.equals(TwoFactorTestCodes.code(secret, CLOCK.instant()))
					&& !candidate.equals(TwoFactorTestCodes.code(secret, CLOCK.instant().minusSeconds(30)))
					&& !candidate.equals(TwoFactorTestCodes.code(secret, CLOCK.instant().plusSeconds(30)))) {
				return candidate;
			}
		}
	}
}
