package dev.kefu.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Admins see the providers with their schemas and manage channels checked against them; every organization has its
 * one web channel, which visitors' chats come through and which they cannot trade for another.
 */
@ServerTest
class ChannelAdminTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String admin;

	@BeforeEach
	void organization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
	}

	@Test
	void theProvidersAreListedWithTheirConfigurationSchemas() {
		JsonNode providers = api.get("/api/v1/admin/channel-providers", admin);

		assertThat(providers.valueStream().map(p -> p.path("id").asString())).contains("web", "api");
		JsonNode apiProvider = providers.valueStream().filter(p -> p.path("id").asString().equals("api")).findFirst()
			.orElseThrow();
		assertThat(apiProvider.path("signed").asBoolean()).isTrue();
		assertThat(apiProvider.path("inboundPath").asString()).isEqualTo("/api/v1/channels/{channelId}/messages");
		JsonNode callback = apiProvider.path("configuration").get(0);
		assertThat(callback.path("name").asString()).isEqualTo("callbackUrl");
		assertThat(callback.path("type").asString()).isEqualTo("URL");
		assertThat(callback.path("required").asBoolean()).isTrue();
	}

	@Test
	void aConfigurationThatBreaksTheSchemaIsRefusedWithNothingStored() {
		Api.Response missing = create(Map.of());
		Api.Response wrongType = create(Map.of("callbackUrl", 42));
		Api.Response notAUrl = create(Map.of("callbackUrl", "ftp://example.com/x"));
		Api.Response unknown = create(Map.of("callbackUrl", "https://example.com/x", "colour", "red"));
		Api.Response noSuchProvider = api.call("POST", "/api/v1/admin/channels", admin,
				Map.of("provider", "telex", "name", "Telex"));

		for (Api.Response refused : List.of(missing, wrongType, notAUrl, unknown)) {
			assertThat(refused.status()).as(refused.text()).isEqualTo(400);
			assertThat(refused.code()).isEqualTo("invalid-configuration");
		}
		assertThat(missing.body().path("detail").asString()).contains("callbackUrl");
		assertThat(noSuchProvider.code()).isEqualTo("unknown-provider");
		assertThat(api.get("/api/v1/admin/channels", admin).valueStream().map(c -> c.path("provider").asString()))
			.containsExactly("web");
	}

	@Test
	void theWebChannelIsImplicitCannotBeCreatedOrDeletedButCanBeRenamed() {
		JsonNode web = api.get("/api/v1/admin/channels", admin).get(0);
		String path = "/api/v1/admin/channels/" + web.path("id").asString();

		assertThat(web.path("implicit").asBoolean()).isTrue();
		assertThat(web.path("inboundPath").asString()).isEqualTo("/api/v1/visitor/conversations");
		assertThat(api.call("POST", "/api/v1/admin/channels", admin, Map.of("provider", "web")).code())
			.isEqualTo("implicit-channel");
		assertThat(api.call("DELETE", path, admin, null).code()).isEqualTo("implicit-channel");
		assertThat(api.put(path, admin, Map.of("name", "官网")).path("name").asString()).isEqualTo("官网");
		assertThat(api.call("POST", path + "/rotate-secret", admin, null).code()).isEqualTo("unsigned-channel");
	}

	@Test
	void aDisabledChannelTakesNoNewChatsAndAnotherEnablesItAgain() {
		String path = "/api/v1/admin/channels/" + api.get("/api/v1/admin/channels", admin).get(0).path("id").asString();
		api.status(tenant.agentToken(api, 0), "ONLINE");
		api.put(path, admin, Map.of("enabled", false));

		Api.Response refused = api.call("POST", "/api/v1/visitor/conversations", api.visitor(tenant.slug()), "{}");
		api.put(path, admin, Map.of("enabled", true));
		Api.Response accepted = api.call("POST", "/api/v1/visitor/conversations", api.visitor(tenant.slug()), "{}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("channel-disabled");
		assertThat(accepted.status()).isEqualTo(201);
	}

	@Test
	void aVisitorsChatIsAWebChatAndAVisitorCannotClaimAnotherChannel() {
		api.status(tenant.agentToken(api, 0), "ONLINE");
		String visitor = api.visitor(tenant.slug());

		Api.Response claimed = api.call("POST", "/api/v1/visitor/conversations", visitor, Map.of("channel", "api"));
		JsonNode started = api.post("/api/v1/visitor/conversations", visitor, Map.of("channel", "web"));

		assertThat(claimed.status()).isEqualTo(400);
		assertThat(claimed.code()).isEqualTo("invalid-channel");
		JsonNode conversation = started.path("conversation");
		assertThat(conversation.path("channel").asString()).isEqualTo("web");
		assertThat(conversation.path("channelId").asString())
			.isEqualTo(api.get("/api/v1/admin/channels", admin).get(0).path("id").asString());
	}

	@Test
	void aNewOrganizationsFirstVisitorsArrivingTogetherShareOneWebChannel() throws Exception {
		api.status(tenant.agentToken(api, 0), "ONLINE");
		List<String> visitors = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			visitors.add(api.visitor(tenant.slug()));
		}
		List<Callable<JsonNode>> starts = visitors.stream()
			.<Callable<JsonNode>>map(v -> () -> api.post("/api/v1/visitor/conversations", v, "{}"))
			.toList();
		List<JsonNode> started;
		try (ExecutorService together = Executors.newFixedThreadPool(6)) {
			started = together.invokeAll(starts).stream().map(Future::resultNow).toList();
		}

		assertThat(started).extracting(s -> s.path("conversation").path("channelId").asString()).doesNotContain("")
			.containsOnly(started.getFirst().path("conversation").path("channelId").asString());
		assertThat(api.get("/api/v1/admin/channels", admin).size()).isEqualTo(1);
	}

	@Test
	void theOpenApiDescriptionCoversChannelsWithExamples() {
		JsonNode docs = api.get("/v3/api-docs", null);
		JsonNode paths = docs.path("paths");

		assertThat(paths.propertyNames()).contains("/api/v1/admin/channels", "/api/v1/admin/channels/{id}",
				"/api/v1/admin/channels/{id}/rotate-secret", "/api/v1/admin/channel-providers", "/api/v1/channels",
				"/api/v1/channels/{channelId}/messages");
		String body = paths.path("/api/v1/channels/{channelId}/messages").path("post").path("requestBody")
			.path("content").path("application/json").path("schema").path("$ref").asString();
		assertThat(body).endsWith("/InboundMessage");
		JsonNode schemas = docs.path("components").path("schemas");
		assertThat(schemas.path("InboundMessage").path("example").path("externalMessageId").asString()).isNotEmpty();
		assertThat(schemas.path("ChannelRequest").path("example").path("provider").asString()).isEqualTo("api");
		assertThat(schemas.path("ChannelView").path("example").isMissingNode()).isFalse();
	}

	private Api.Response create(Map<String, Object> configuration) {
		return api.call("POST", "/api/v1/admin/channels", admin,
				Map.of("provider", "api", "name", "App", "configuration", configuration));
	}
}
