package dev.kefu.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The server's own OpenAPI description, read for tests that walk every operation under /api/v1: the operations, a
 * concrete path for each (real ids where known), its required query, and a request body built from its schema.
 */
public final class ApiDescription {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private final JsonNode paths;
	private final JsonNode components;
	private int counter;

	/** One operation: its method and its path template ({@code /api/v1/tickets/{id}}). */
	public record Operation(String method, String template) {

		public boolean hasVariable() {
			return VARIABLE.matcher(template).find();
		}

		@Override
		public String toString() {
			return method + " " + template;
		}
	}

	public ApiDescription(Api api) {
		JsonNode description = api.get("/v3/api-docs", null);
		paths = description.path("paths");
		components = description.path("components").path("schemas");
	}

	public List<Operation> operations() {
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

	/**
	 * The template with each variable replaced by a real id where the collection before it is known (ids by
	 * collection name: {@code conversations}, {@code groups}, ...), else by a random one.
	 */
	public static String concrete(String template, Map<String, String> ids, String slug) {
		Matcher m = VARIABLE.matcher(template);
		StringBuilder path = new StringBuilder();
		while (m.find()) {
			String before = template.substring(0, m.start());
			String[] segments = before.split("/");
			String collection = segments.length == 0 ? "" : segments[segments.length - 1];
			String value = switch (m.group(1)) {
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

	/**
	 * Real ids of an organization's things, by the name of the collection they are found in, for {@link #concrete}:
	 * a served chat with its contact, a left message, an article and a category, the group, its center and an agent.
	 */
	public static Map<String, String> realIds(Api api, TestTenant tenant, String admin) {
		Map<String, String> ids = new java.util.HashMap<>();
		ServedChat chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0)).customer("hello").agent("hi");
		ids.put("conversations", chat.id());
		ids.put("contacts", api.get("/api/v1/conversations/" + chat.id(), admin).path("contactId").asString());
		ids.put("groups", tenant.group().id().toString());
		ids.put("centers", tenant.group().centerId().toString());
		ids.put("staff", tenant.agent(0).id().toString());
		api.post("/api/v1/visitor/tickets", chat.visitor(), Map.of("clientMsgId", "walk-1", "email", "wang@example.com",
				"subject", "Invoice", "body", "Please send the invoice again"));
		ids.put("tickets", api.get("/api/v1/tickets", admin).path(0).path("id").asString());
		ids.put("articles", api.post("/api/v1/knowledge/articles", admin, Map.of("kind", "FAQ", "status", "PUBLISHED",
				"title", "How long does delivery take?", "body", "2 to 4 working days.")).path("id").asString());
		ids.put("categories",
				api.post("/api/v1/knowledge/categories", admin, Map.of("name", "Delivery")).path("id").asString());
		ids.values().forEach(id -> org.assertj.core.api.Assertions.assertThat(id).isNotBlank());
		return ids;
	}

	/** Plausible values for the operation's required query parameters, so that a refusal is not for want of them. */
	public String requiredQuery(Operation op) {
		StringBuilder query = new StringBuilder();
		for (JsonNode parameter : operation(op).path("parameters")) {
			if (parameter.path("in").asString().equals("query") && parameter.path("required").asBoolean()) {
				JsonNode schema = parameter.path("schema");
				String value = schema.path("type").asString().equals("integer") ? "1"
						: schema.path("format").asString().equals("uuid") ? UUID.randomUUID().toString() : "x";
				query.append(query.isEmpty() ? '?' : '&').append(parameter.path("name").asString()).append('=').append(value);
			}
		}
		return query.toString();
	}

	public boolean multipart(Operation op) {
		return operation(op).path("requestBody").path("content").has("multipart/form-data");
	}

	/** Whether the operation answers with an event stream, which does not end. */
	public boolean streams(Operation op) {
		return operation(op).path("responses").toString().contains("text/event-stream");
	}

	/** A JSON body built from the operation's request schema: its example, or plausible values field by field. */
	public String sampleBody(Operation op) {
		JsonNode schema = operation(op).path("requestBody").path("content").path("application/json").path("schema");
		return Api.json.writeValueAsString(sample(schema, 0));
	}

	private JsonNode operation(Operation op) {
		return paths.path(op.template()).path(op.method().toLowerCase(Locale.ROOT));
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
}
