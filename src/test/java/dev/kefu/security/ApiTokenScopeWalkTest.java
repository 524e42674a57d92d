package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.ApiDescription;
import dev.kefu.testing.ApiDescription.Operation;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Walks every operation in the OpenAPI description under /api/v1 with API tokens that must be refused: one of the
 * organization that lacks exactly the scope the operation needs, and one of another organization that holds every
 * scope, aimed at the first organization's real ids (a write refused for its body is tried again with a body
 * built from the description, so that the refusal is the lookup's). Operations open without any credential are left
 * out, found by calling them without one. Finally a token holding the scope calls each one: never a server error.
 * The scope table must have a decision for every operation, so an endpoint added without one fails here.
 */
@ServerTest
// The foreign token calls every operation with an id, more than one token's burst now that there are this many; the
// rate limit itself is tested on its own.
@TestPropertySource(properties = "kefu.api-tokens.burst=1000")
class ApiTokenScopeWalkTest {

	/** The smallest PNG: one transparent pixel. */
	private static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	ApiDescription description;

	@BeforeEach
	void description() {
		api = new Api(port);
		description = new ApiDescription(api);
	}

	@Test
	void theScopeTableDecidesEveryOperationInTheDescription() {
		List<Operation> undecided = description.operations().stream()
			.filter(op -> ApiScopes.decide(op.method(), op.template()) == null)
			.toList();
		assertThat(description.operations()).hasSizeGreaterThan(80);
		assertThat(undecided).as("operations the scope table has no decision for").isEmpty();
	}

	@Test
	void theDescriptionShowsTokensAndTheAuditTrailWithExamples() {
		JsonNode schemas = api.get("/v3/api-docs", null).path("components").path("schemas");
		for (String schema : List.of("NewApiToken", "IssuedApiToken", "ApiToken", "AuditEntry")) {
			assertThat(schemas.path(schema).path("example").isObject()).as("%s has an example", schema).isTrue();
		}
		assertThat(schemas.path("NewApiToken").path("properties").propertyNames()).contains("name", "scopes",
				"expiresAt");
	}

	@Test
	void everyProtectedOperationRefusesATokenWithoutItsScopeAndATokenOfAnotherOrganization() {
		TestTenant ours = TestTenant.create(context, 1, 5);
		TestTenant theirs = TestTenant.create(context, 1, 5);
		String admin = ours.adminToken(api);
		Map<String, String> ids = ApiDescription.realIds(api, ours, admin);
		ids.put("api-tokens", token(admin, "listed", List.of("reports:read")));

		Map<String, String> lacking = new HashMap<>();
		for (String scope : ApiScopes.ALL) {
			List<String> others = ApiScopes.ALL.stream().filter(s -> !s.equals(scope)).toList();
			lacking.put(scope, token(admin, "without " + scope, others));
		}
		String everything = token(admin, "everything", List.copyOf(ApiScopes.ALL));
		String foreign = token(theirs.adminToken(api), "foreign", List.copyOf(ApiScopes.ALL));

		List<String> failures = new ArrayList<>();
		Set<Operation> walked = new LinkedHashSet<>();
		for (Operation op : description.operations()) {
			String path = ApiDescription.concrete(op.template(), ids, ours.slug()) + description.requiredQuery(op);
			String body = op.method().equals("GET") || op.method().equals("DELETE") ? null : "{}";
			Api.Response anonymous = api.call(op.method(), path, null, body);
			ApiScopes.Decision decision = ApiScopes.decide(op.method(), path);
			if (anonymous.status() != 401 || decision instanceof ApiScopes.Public) {
				// Public, or authenticated by a signature of its own: tokens are beside the point.
				assertThat(anonymous.status()).as("%s without credentials", op).isLessThan(500);
				continue;
			}
			walked.add(op);
			String token = decision instanceof ApiScopes.Needs needs ? lacking.get(needs.scope(op.method())) : everything;
			Api.Response refused = api.call(op.method(), path, token, body);
			if (refused.status() != 403
					|| !Set.of("scope-missing", "not-for-api-tokens").contains(refused.code())) {
				failures.add(op + " without its scope answered " + refused.status() + " " + refused.text());
			}
			if (!op.hasVariable()) {
				continue;
			}
			Api.Response stranger = api.call(op.method(), path, foreign, body);
			if (stranger.status() == 400 || stranger.status() == 415) {
				// Refused for its body before the id was looked up: once more with a body that fits the description.
				stranger = description.multipart(op) ? api.upload(path, foreign, "walk.png", "image/png", PNG)
						: api.call(op.method(), path, foreign, description.sampleBody(op));
			}
			// A write whose body still breaks a rule that needs no lookup ("exactly one of") may be refused for it.
			boolean ok = Set.of(403, 404).contains(stranger.status())
					|| !op.method().equals("GET") && stranger.status() == 400;
			if (!ok) {
				failures.add(op + " with another organization's token answered " + stranger.status() + " "
						+ stranger.text());
			}
		}
		assertThat(walked).as("protected operations walked").hasSizeGreaterThan(60);
		assertThat(failures).isEmpty();

		// A token holding its scopes gets an answer, never a server error: reads first, then writes (which may
		// close, delete or change what later calls would use).
		String allowed = token(admin, "allowed", List.copyOf(ApiScopes.ALL));
		List<Operation> ordered = new ArrayList<>(walked.stream().filter(op -> op.method().equals("GET")).toList());
		ordered.addAll(walked.stream().filter(op -> !op.method().equals("GET")).toList());
		for (Operation op : ordered) {
			if (description.streams(op)) {
				continue; // the event stream does not end; ApiTokenTest reads it
			}
			String body = op.method().equals("GET") || op.method().equals("DELETE") ? null : "{}";
			String path = ApiDescription.concrete(op.template(), ids, ours.slug()) + description.requiredQuery(op);
			Api.Response answer = api.call(op.method(), path, allowed, body);
			if (answer.status() >= 500 || answer.status() == 401) {
				failures.add(op + " with its scope answered " + answer.status() + " " + answer.text());
			}
		}
		assertThat(failures).isEmpty();
	}

	private String token(String admin, String name, List<String> scopes) {
		JsonNode created = api.post("/api/v1/admin/api-tokens", admin, Map.of("name", name, "scopes", scopes));
		return name.equals("listed") ? created.path("token").path("id").asString() : created.path("secret").asString();
	}
}
