package dev.kefu.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
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
 * New visitor identities and new chats are limited per source address and organization (defaults: bursts of 100
 * and 30), and an organization's admin can raise its limits. The tests speak from two loopback addresses, 127.0.0.1
 * (the flood) and 127.0.0.2 (an ordinary customer).
 */
@ServerTest
class IntakeLimitsTest {

	static final int FLOOD = 160;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	Source flood;
	Source customer;

	@BeforeEach
	void twoSources() {
		api = new Api(port);
		flood = new Source("127.0.0.1");
		customer = new Source("127.0.0.2");
	}

	@Test
	void aFloodOfNewVisitorsFromOneAddressIsRefusedPastTheLimitWhileOthersAreServed() {
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String returning = flood.newVisitor(tenant.slug()).body().path("token").asString();

		List<Reply> replies = new ArrayList<>();
		for (int i = 0; i < FLOOD; i++) {
			replies.add(flood.newVisitor(tenant.slug()));
		}

		List<Reply> refused = replies.stream().filter(reply -> reply.status() == 429).toList();
		assertThat(replies.size() - refused.size()).as("admitted: at least the burst").isGreaterThanOrEqualTo(99);
		assertThat(refused).as("refused past the limit").isNotEmpty();
		assertThat(refused.getFirst().body().path("code").asString()).isEqualTo("rate-limited");
		assertThat(refused.getFirst().retryAfter()).isNotNull();
		assertThat(Long.parseLong(refused.getFirst().retryAfter())).isPositive();

		Reply stranger = customer.newVisitor(tenant.slug());
		assertThat(stranger.status()).as("a customer from another address").isEqualTo(200);
		assertThat(customer.startChat(stranger.body().path("token").asString()).status()).isBetween(200, 201);

		Reply back = flood.post("/api/v1/visitor/sessions", null,
				Map.of("organization", tenant.slug(), "token", returning));
		assertThat(back.status()).as("a returning customer behind the flooded address keeps their identity")
			.isEqualTo(200);
	}

	@Test
	void anOrganizationThatRaisedItsLimitsTakesTheSameFlood() {
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		JsonNode raised = api.put("/api/v1/admin/limits", admin, Map.of("visitorsPerMinute", 6000, "visitorsBurst",
				1000, "conversationsPerMinute", 6000, "conversationsBurst", 1000));
		assertThat(raised.path("visitorsBurst").asInt()).isEqualTo(1000);
		assertThat(api.get("/api/v1/admin/limits", admin).path("conversationsBurst").asInt()).isEqualTo(1000);

		List<String> visitors = new ArrayList<>();
		for (int i = 0; i < FLOOD; i++) {
			Reply reply = flood.newVisitor(tenant.slug());
			assertThat(reply.status()).as("new visitor %s of %s", i + 1, FLOOD).isEqualTo(200);
			visitors.add(reply.body().path("token").asString());
		}
		for (String visitor : visitors.subList(0, 60)) {
			assertThat(flood.startChat(visitor).status()).isBetween(200, 201);
		}
	}

	@Test
	void aFloodOfNewChatsFromOneAddressIsRefusedPastTheLimit() {
		TestTenant tenant = TestTenant.create(context, 1, 5);
		List<String> visitors = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			visitors.add(flood.newVisitor(tenant.slug()).body().path("token").asString());
		}
		List<Reply> replies = visitors.stream().map(flood::startChat).toList();

		assertThat(replies).filteredOn(reply -> reply.status() == 429).isNotEmpty();
		assertThat(replies).filteredOn(reply -> reply.status() < 300).hasSizeGreaterThanOrEqualTo(29);
		String stranger = customer.newVisitor(tenant.slug()).body().path("token").asString();
		assertThat(customer.startChat(stranger).status()).as("a customer from another address").isBetween(200, 201);
	}

	@Test
	void onlyAdminsSeeAndChangeTheLimitsAndNonsenseIsRefused() {
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		JsonNode defaults = api.get("/api/v1/admin/limits", admin);
		assertThat(defaults.path("visitorsBurst").asInt()).isEqualTo(100);
		assertThat(defaults.path("conversationsBurst").asInt()).isEqualTo(30);
		assertThat(api.call("GET", "/api/v1/admin/limits", tenant.agentToken(api, 0), null).status()).isEqualTo(403);
		Api.Response zero = api.call("PUT", "/api/v1/admin/limits", admin, Map.of("visitorsPerMinute", 0,
				"visitorsBurst", 10, "conversationsPerMinute", 10, "conversationsBurst", 10));
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.code()).isEqualTo("invalid-limit");
	}

	record Reply(int status, JsonNode body, @Nullable String retryAfter) {
	}

	/** A client speaking from one local address. */
	final class Source {

		private final HttpClient http;

		Source(String address) {
			try {
				this.http = HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
			}
			catch (UnknownHostException e) {
				throw new IllegalStateException(e);
			}
		}

		Reply newVisitor(String slug) {
			return post("/api/v1/visitor/sessions", null, Map.of("organization", slug));
		}

		Reply startChat(String visitorToken) {
			return post("/api/v1/visitor/conversations", visitorToken, Map.of());
		}

		Reply post(String path, @Nullable String token, Object body) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(Api.json.writeValueAsString(body)));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			try {
				HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				return new Reply(response.statusCode(), Api.json.readTree(response.body()),
						response.headers().firstValue("Retry-After").orElse(null));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}
}
