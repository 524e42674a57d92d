package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServedChat;
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

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	/** The smallest PNG: one transparent pixel. */
	private static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	JsonNode paths;
	JsonNode components;
	int counter;

	record Operation(String method, String template) {

		@Override
		public String toString() {
			return method + " " + template;
		}
	}

	@BeforeEach
	void description() {
		api = new Api(port);
		JsonNode description = api.get("/v3/api-docs", null);
		paths = description.path("paths");
		components = description.path("components").path("schemas");
	}

	@Test
	void theScopeTableDecidesEveryOperationInTheDescription() {
		List<Operation> undecided = operations().stream()
			.filter(op -> ApiScopes.decide(op.method(), op.template()) == null)
			.toList();
		assertThat(operations()).hasSizeGreaterThan(80);
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
		Map<String, String> ids = realIds(ours, admin);

		Map<String, String> lacking = new HashMap<>();
		for (String scope : ApiScopes.ALL) {
			List<String> others = ApiScopes.ALL.stream().filter(s -> !s.equals(scope)).toList();
			lacking.put(scope, token(admin, "without " + scope, others));
		}
		String everything = token(admin, "everything", List.copyOf(ApiScopes.ALL));
		String foreign = token(theirs.adminToken(api), "foreign", List.copyOf(ApiScopes.ALL));

		List<String> failures = new ArrayList<>();
		Set<Operation> walked = new LinkedHashSet<>();
		for (Operation op : operations()) {
			String path = concrete(op.template(), ids, ours.slug()) + requiredQuery(op);
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
			if (!VARIABLE.matcher(op.template()).find()) {
				continue;
			}
			Api.Response stranger = api.call(op.method(), path, foreign, body);
			if (stranger.status() == 400 || stranger.status() == 415) {
				// Refused for its body before the id was looked up: once more with a body that fits the description.
				stranger = multipart(op) ? api.upload(path, foreign, "walk.png", "image/png", PNG)
						: api.call(op.method(), path, foreign, sampleBody(op));
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
			if (streams(op)) {
				continue; // the event stream does not end; ApiTokenTest reads it
			}
			String body = op.method().equals("GET") || op.method().equals("DELETE") ? null : "{}";
			Api.Response answer = api.call(op.method(), concrete(op.template(), ids, ours.slug()) + requiredQuery(op),
					allowed, body);
			if (answer.status() >= 500 || answer.status() == 401) {
				failures.add(op + " with its scope answered " + answer.status() + " " + answer.text());
			}
		}
		assertThat(failures).isEmpty();
	}

	/** A JSON body built from the operation's request schema: its example, or plausible values field by field. */
	private String sampleBody(Operation op) {
		JsonNode schema = paths.path(op.template())
			.path(op.method().toLowerCase(Locale.ROOT))
			.path("requestBody")
			.path("content")
			.path("application/json")
			.path("schema");
		return Api.json.writeValueAsString(sample(schema, 0));
	}

	private Object sample(JsonNode schema, int depth) {
		if (schema.has("$ref")) {
			String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
			return sample(components.path(name), depth);
		}
		if (schema.has("example")) {
			return schema.path("example");
		}
		if (schema.has("enum")) {
			return schema.path("enum").path(0);
		}
		String type = schema.path("type").asString("object");
		return switch (type) {
			case "string" -> switch (schema.path("format").asString("")) {
				case "uuid" -> UUID.randomUUID().toString();
				case "date-time" -> java.time.Instant.now().plusSeconds(86_400).toString();
				case "date" -> java.time.LocalDate.now().toString();
				case "partial-time" -> "09:00:00";
				default -> "walk-7391";
			};
			case "integer", "number" -> ++counter; // rising, so that "warn before alert" and the like hold
			case "boolean" -> true;
			case "array" -> depth > 3 ? List.of() : List.of(sample(schema.path("items"), depth + 1));
			default -> {
				Map<String, Object> object = new java.util.LinkedHashMap<>();
				if (depth <= 3) {
					for (String property : schema.path("properties").propertyNames()) {
						object.put(property, sample(schema.path("properties").path(property), depth + 1));
					}
				}
				yield object;
			}
		};
	}

	private boolean multipart(Operation op) {
		return paths.path(op.template())
			.path(op.method().toLowerCase(Locale.ROOT))
			.path("requestBody")
			.path("content")
			.has("multipart/form-data");
	}

	private boolean streams(Operation op) {
		return paths.path(op.template())
			.path(op.method().toLowerCase(Locale.ROOT))
			.path("responses")
			.toString()
			.contains("text/event-stream");
	}

	/** Real ids of our organization's things, by the name of the collection they are found in. */
	private Map<String, String> realIds(TestTenant ours, String admin) {
		Map<String, String> ids = new HashMap<>();
		ServedChat chat = ServedChat.start(api, ours, ours.agentToken(api, 0)).customer("hello").agent("hi");
		JsonNode conversation = api.get("/api/v1/conversations/" + chat.id(), admin);
		ids.put("conversations", chat.id());
		ids.put("contacts", conversation.path("contactId").asString());
		ids.put("groups", ours.group().id().toString());
		ids.put("staff", ours.agent(0).id().toString());
		ids.put("api-tokens", token(admin, "listed", List.of("reports:read")));
		api.post("/api/v1/visitor/tickets", chat.visitor(), Map.of("clientMsgId", "walk-1", "email", "wang@example.com",
				"subject", "Invoice", "body", "Please send the invoice again"));
		ids.put("tickets", api.get("/api/v1/tickets", admin).path(0).path("id").asString());
		ids.put("articles", api.post("/api/v1/knowledge/articles", admin, Map.of("kind", "FAQ", "status", "PUBLISHED",
				"title", "How long does delivery take?", "body", "2 to 4 working days.")).path("id").asString());
		ids.put("categories",
				api.post("/api/v1/knowledge/categories", admin, Map.of("name", "Delivery")).path("id").asString());
		ids.values().forEach(id -> assertThat(id).isNotBlank());
		return ids;
	}

	private String token(String admin, String name, List<String> scopes) {
		JsonNode created = api.post("/api/v1/admin/api-tokens", admin, Map.of("name", name, "scopes", scopes));
		return name.equals("listed") ? created.path("token").path("id").asString() : created.path("secret").asString();
	}

	/** The template with each variable replaced by a real id where the collection before it is known. */
	private static String concrete(String template, Map<String, String> ids, String slug) {
		Matcher m = VARIABLE.matcher(template);
		StringBuilder path = new StringBuilder();
		while (m.find()) {
			String before = template.substring(0, m.start());
			String[] segments = before.split("/");
			String collection = segments.length == 0 ? "" : segments[segments.length - 1];
			String name = m.group(1);
			String value = switch (name) {
				case "organization", "organizationSlug" -> slug;
				case "version", "seq" -> "1";
				case "groupId" -> ids.get("groups");
				case "contactId" -> ids.get("contacts");
				default -> ids.getOrDefault(collection, UUID.randomUUID().toString());
			};
			m.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		m.appendTail(path);
		return path.toString();
	}

	/** Plausible values for the operation's required query parameters, so that a refusal is not for want of them. */
	private String requiredQuery(Operation op) {
		StringBuilder query = new StringBuilder();
		for (JsonNode parameter : paths.path(op.template()).path(op.method().toLowerCase(Locale.ROOT)).path("parameters")) {
			if (parameter.path("in").asString().equals("query") && parameter.path("required").asBoolean()) {
				JsonNode schema = parameter.path("schema");
				String value = schema.path("type").asString().equals("integer") ? "1"
						: schema.path("format").asString().equals("uuid") ? UUID.randomUUID().toString() : "x";
				query.append(query.isEmpty() ? '?' : '&').append(parameter.path("name").asString()).append('=').append(value);
			}
		}
		return query.toString();
	}

	private List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			if (!path.startsWith("/api/v1/")) {
				continue;
			}
			for (String method : paths.path(path).propertyNames()) {
				if (Set.of("get", "post", "put", "patch", "delete", "head").contains(method)) {
					operations.add(new Operation(method.toUpperCase(Locale.ROOT), path));
				}
			}
		}
		return operations;
	}
}
