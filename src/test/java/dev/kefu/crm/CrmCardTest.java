package dev.kefu.crm;

import static dev.kefu.testing.HostSignature.hmac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.CrmStub;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * A chat's opening asks the organization's CRM (a real HTTP server here) about the customer, signed; the card is
 * cached, a slow or failing CRM holds up no chat and the card says why it is missing, and what the CRM answers is
 * shown only as safe text and web links.
 */
@ServerTest
@TestPropertySource(properties = "kefu.crm.allow-private-targets=true")
class CrmCardTest {

	static final String CARD = """
			{"fields": [{"label": "会员等级", "value": "金卡"}, {"label": "Open orders", "value": 2}],
			 "links": [{"label": "Open in CRM", "url": "https://crm.example.com/customers/cust-42"}]}""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String admin;
	String agent;
	String identitySecret;
	CrmStub crm;
	String crmSecret;

	@BeforeEach
	void organizationWithACrm() throws Exception {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
		agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		identitySecret = api.get("/api/v1/admin/identity", admin).path("secret").asString();
		crm = new CrmStub().answer(CARD);
		crmSecret = api.put("/api/v1/admin/crm", admin, Map.of("lookupUrl", crm.url(), "enabled", true))
			.path("secret")
			.asString();
	}

	@AfterEach
	void stopCrm() {
		crm.close();
	}

	@Test
	void aChatOpeningLooksTheVerifiedCustomerUpWithASignedRequestAndTheDeskGetsTheCard() {
		JsonNode session = verifiedSession("cust-42", "li.lei@example.com", "+86 138 0013 8000");

		api.startChat(token(session));

		await().atMost(Duration.ofSeconds(5)).until(() -> crm.lookups().size() == 1);
		CrmStub.Lookup lookup = crm.lookups().getFirst();
		assertThat(crmSecret).startsWith("whsec_");
		assertThat(lookup.signedWith(crmSecret)).as("signature %s", lookup.signature()).isTrue();
		JsonNode customer = lookup.json().path("contact");
		assertThat(customer.path("externalId").asString()).isEqualTo("cust-42");
		assertThat(customer.path("verified").asBoolean()).isTrue();
		assertThat(customer.path("email").asString()).isEqualTo("li.lei@example.com");
		assertThat(customer.path("phone").asString()).isEqualTo("+86 138 0013 8000");
		assertThat(customer.path("id").asString()).isEqualTo(contactId(session));
		assertThat(lookup.json().has("test")).isFalse();
		JsonNode card = card(contactId(session));
		assertThat(card.path("status").asString()).isEqualTo("ok");
		assertThat(card.path("fields").findValuesAsString("label")).containsExactly("会员等级", "Open orders");
		assertThat(card.path("fields").findValuesAsString("value")).containsExactly("金卡", "2");
		assertThat(card.path("links").get(0).path("url").asString()).isEqualTo("https://crm.example.com/customers/cust-42");
		assertThat(card.path("fetchedAt").asString()).isNotEmpty();
	}

	@Test
	void aSecondChatWithinTheCacheTimeIsServedFromTheCacheUntilTheAgentRefreshes() {
		JsonNode session = verifiedSession("cust-7", null, null);
		String first = chatOf(session);
		await().atMost(Duration.ofSeconds(5)).until(() -> crm.lookups().size() == 1);
		String fetchedAt = card(contactId(session)).path("fetchedAt").asString();
		api.post("/api/v1/conversations/" + first + "/close", agent, Map.of("reason", "resolved"));

		chatOf(verifiedSession("cust-7", null, null));

		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> crm.lookups().size() == 1);
		assertThat(card(contactId(session)).path("fetchedAt").asString()).isEqualTo(fetchedAt);
		JsonNode refreshed = api.get("/api/v1/contacts/" + contactId(session) + "/card?refresh=true", agent);
		assertThat(refreshed.path("status").asString()).isEqualTo("ok");
		assertThat(crm.lookups()).hasSize(2);
	}

	@Test
	void aSlowCrmHoldsUpNeitherTheChatNorItsMessagesAndTheCardSaysItTimedOut() {
		crm.delay(Duration.ofSeconds(5));
		JsonNode session = verifiedSession("cust-slow", null, null);

		long opening = System.nanoTime();
		String chat = chatOf(session);
		api.post("/api/v1/conversations/" + chat + "/messages", token(session),
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", "Is my card blocked?"));
		api.post("/api/v1/conversations/" + chat + "/messages", agent,
				Map.of("clientMsgId", UUID.randomUUID().toString(), "text", "Let me check."));
		long chatted = millisSince(opening);

		assertThat(crm.lookups()).hasSize(1);
		assertThat(chatted).as("the chat opened and two messages were sent while the CRM was still thinking")
			.isLessThan(1500);
		JsonNode card = await().atMost(Duration.ofSeconds(6))
			.until(() -> card(contactId(session)), c -> c.path("status").asString().equals("unavailable"));
		long failed = millisSince(opening);
		assertThat(card.path("reasonCode").asString()).isEqualTo("timeout");
		assertThat(card.path("reason").asString()).isEqualTo("CRM did not answer within 2 s");
		assertThat(failed).isBetween(1800L, 4500L);
	}

	@Test
	void aCrmThatAnswers500OrSomethingThatIsNotACardMakesTheCardUnavailable() {
		crm.status(500);
		JsonNode failing = verifiedSession("cust-500", null, null);
		chatOf(failing);

		JsonNode card = await().atMost(Duration.ofSeconds(5))
			.until(() -> card(contactId(failing)), c -> !c.path("status").asString().equals("loading"));
		assertThat(card.path("status").asString()).isEqualTo("unavailable");
		assertThat(card.path("reason").asString()).isEqualTo("CRM answered HTTP 500");

		crm.status(200).answer("<html>CRM maintenance</html>");
		JsonNode garbled = verifiedSession("cust-html", null, null);
		chatOf(garbled);
		card = await().atMost(Duration.ofSeconds(5))
			.until(() -> card(contactId(garbled)), c -> !c.path("status").asString().equals("loading"));
		assertThat(card.path("status").asString()).isEqualTo("unavailable");
		assertThat(card.path("reasonCode").asString()).isEqualTo("bad-answer");
	}

	@Test
	void onlyWebLinksAndPlainTextWithinLimitsReachTheDesk() {
		crm.answer("""
				{"fields": [{"label": "Note", "value": "<img src=x onerror=alert(1)>"}, {"label": "Nested", "value": {"a": 1}},
				            {"label": "Long", "value": "%s"}],
				 "links": [{"label": "Run", "url": "javascript:alert(1)"}, {"label": "Data", "url": "data:text/html,hi"},
				           {"label": "CRM", "url": "https://crm.example.com/c/1"}, {"label": "Relative", "url": "/c/1"}]}"""
			.formatted("x".repeat(2000)));
		JsonNode session = verifiedSession("cust-js", null, null);

		chatOf(session);

		JsonNode card = await().atMost(Duration.ofSeconds(5))
			.until(() -> card(contactId(session)), c -> c.path("status").asString().equals("ok"));
		assertThat(card.path("links").findValuesAsString("url")).containsExactly("https://crm.example.com/c/1");
		assertThat(card.path("fields").findValuesAsString("label")).containsExactly("Note", "Long");
		assertThat(card.path("fields").get(0).path("value").asString()).isEqualTo("<img src=x onerror=alert(1)>");
		assertThat(card.path("fields").get(1).path("value").asString()).hasSize(CardAnswer.MAX_VALUE);
	}

	@Test
	void anotherOrganizationsStaffDoNotFindTheContactsCard() {
		JsonNode session = verifiedSession("cust-9", null, null);
		chatOf(session);
		TestTenant other = TestTenant.create(context, 1, 5);

		Api.Response answer = api.call("GET", "/api/v1/contacts/" + contactId(session) + "/card",
				other.agentToken(api, 0), null);

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.code()).isEqualTo("not-found");
	}

	@Test
	void withoutALookupUrlOrWhenDisabledTheCardIsNotConfiguredAndNothingIsAsked() {
		api.put("/api/v1/admin/crm", admin, Map.of("enabled", false));
		JsonNode session = verifiedSession("cust-off", null, null);

		chatOf(session);

		assertThat(card(contactId(session)).path("status").asString()).isEqualTo("not-configured");
		assertThat(crm.lookups()).isEmpty();
		TestTenant fresh = TestTenant.create(context, 1, 5);
		JsonNode settings = api.get("/api/v1/admin/crm", fresh.adminToken(api));
		assertThat(settings.path("enabled").asBoolean()).isFalse();
		assertThat(settings.path("cacheSeconds").asInt()).isEqualTo(300);
	}

	@Test
	void onlyAdminsConfigureTheLookupAndTheSecretIsShownOnlyWhenItIsMade() {
		assertThat(api.call("PUT", "/api/v1/admin/crm", agent, Map.of("enabled", false)).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/admin/crm", admin).has("secret")).isFalse();
		assertThat(api.call("PUT", "/api/v1/admin/crm", admin, Map.of("lookupUrl", "javascript:alert(1)")).code())
			.isEqualTo("invalid-url");
		assertThat(api.call("PUT", "/api/v1/admin/crm", admin, Map.of("cacheSeconds", 1)).code())
			.isEqualTo("invalid-cache-time");
		assertThat(api.call("PUT", "/api/v1/admin/crm", admin, "{\"cacheSeconds\": \"soon\"}").status()).isEqualTo(400);
		assertThat(api.call("GET", "/api/v1/contacts/not-a-contact/card", agent, null).status()).isEqualTo(400);
		assertThat(api.call("POST", "/api/v1/admin/crm/test", agent, null).status()).isEqualTo(403);

		String rotated = api.post("/api/v1/admin/crm/secret", admin, null).path("secret").asString();
		JsonNode session = verifiedSession("cust-rotated", null, null);
		chatOf(session);

		assertThat(rotated).startsWith("whsec_").isNotEqualTo(crmSecret);
		await().atMost(Duration.ofSeconds(5)).until(() -> crm.lookups().size() == 1);
		assertThat(crm.lookups().getFirst().signedWith(rotated)).isTrue();
		assertThat(crm.lookups().getFirst().signedWith(crmSecret)).isFalse();
	}

	@Test
	void anAdminTestsTheLookupWithAMadeUpCustomer() {
		JsonNode card = api.post("/api/v1/admin/crm/test", admin, Map.of("externalId", "sample-1", "email", "s@example.com"));

		assertThat(card.path("status").asString()).isEqualTo("ok");
		assertThat(card.path("fields").findValuesAsString("value")).contains("金卡");
		assertThat(crm.lookups().getFirst().json().path("contact").path("externalId").asString()).isEqualTo("sample-1");
		assertThat(crm.lookups().getFirst().json().path("contact").has("phone")).as("unknown fields are left out").isFalse();
		assertThat(crm.lookups().getFirst().json().path("test").asBoolean()).isTrue();
	}

	@Test
	void theOpenApiDescriptionHasTheCrmPathsWithExamples() {
		JsonNode description = api.get("/v3/api-docs", null);

		assertThat(description.path("paths").propertyNames()).contains("/api/v1/admin/crm", "/api/v1/admin/crm/secret",
				"/api/v1/admin/crm/test", "/api/v1/contacts/{contactId}/card");
		JsonNode schemas = description.path("components").path("schemas");
		assertThat(schemas.path("CrmCard").path("properties").path("status").path("example").asString()).isEqualTo("ok");
		assertThat(schemas.path("Field").path("properties").path("value").path("example").asString()).isEqualTo("金卡");
	}

	private JsonNode verifiedSession(String userId, String email, String phone) {
		Map<String, Object> body = new HashMap<>();
		body.put("organization", tenant.slug());
		body.put("userId", userId);
		body.put("userHash", hmac(identitySecret, userId));
		body.put("name", "Li Lei");
		if (email != null) {
			body.put("email", email);
		}
		if (phone != null) {
			body.put("phone", phone);
		}
		return api.post("/api/v1/visitor/sessions", null, body);
	}

	/** The customer opens a chat, which the online agent is given. */
	private String chatOf(JsonNode session) {
		String id = api.startChat(token(session)).path("conversation").path("id").asString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/conversations/" + id, agent).path("state").asString().equals("ASSIGNED"));
		return id;
	}

	private JsonNode card(String contactId) {
		return api.get("/api/v1/contacts/" + contactId + "/card", agent);
	}

	private static String token(JsonNode session) {
		return session.path("token").asString();
	}

	private static String contactId(JsonNode session) {
		return session.path("contact").path("id").asString();
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}
}
