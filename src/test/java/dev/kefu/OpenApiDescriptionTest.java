package dev.kefu;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description is generated from the controllers, so new endpoints appear without hand editing. */
@ServerTest
class OpenApiDescriptionTest {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	/**
	 * The description names each body's schema by the type's simple name: two records called {@code Settings} in two
	 * modules would silently share one schema, and one endpoint would be described with the other's fields.
	 */
	@Test
	void noTwoBodyTypesShareASchemaName() {
		Map<String, TreeSet<String>> typesByName = new HashMap<>();
		handlers.getHandlerMethods().values().forEach(handler -> {
			Method method = handler.getMethod();
			if (!method.getDeclaringClass().getName().startsWith("dev.kefu.")) {
				return;
			}
			List<Class<?>> types = new java.util.ArrayList<>(List.of(method.getReturnType()));
			for (Parameter parameter : method.getParameters()) {
				if (parameter.isAnnotationPresent(RequestBody.class)) {
					types.add(parameter.getType());
				}
			}
			types.stream()
				.filter(type -> type.getName().startsWith("dev.kefu."))
				.forEach(type -> typesByName.computeIfAbsent(schemaName(type), name -> new TreeSet<>())
					.add(type.getName()));
		});
		assertThat(typesByName).isNotEmpty();
		assertThat(typesByName.entrySet().stream().filter(entry -> entry.getValue().size() > 1).toList())
			.as("schema names used by more than one type").isEmpty();
	}

	private static String schemaName(Class<?> type) {
		Schema schema = type.getAnnotation(Schema.class);
		return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
	}

	@Test
	void describesTheAdminWidgetAndCannedResponsePaths() {
		JsonNode paths = new Api(port).get("/v3/api-docs", null).path("paths");

		assertThat(paths.propertyNames()).contains("/api/v1/admin/centers", "/api/v1/admin/centers/{id}",
				"/api/v1/admin/groups", "/api/v1/admin/groups/{id}", "/api/v1/admin/groups/{id}/hours",
				"/api/v1/admin/groups/{id}/holidays",
				"/api/v1/admin/staff", "/api/v1/admin/staff/{id}", "/api/v1/admin/staff/{id}/password",
				"/api/v1/admin/widget", "/api/v1/widget/{organizationSlug}", "/api/v1/canned-responses",
				"/api/v1/canned-responses/{id}");
		for (String method : List.of("get", "post", "put", "delete")) {
			assertThat(paths.path("/api/v1/admin/groups").has(method) || paths.path("/api/v1/admin/groups/{id}").has(method))
				.as("admin groups %s", method)
				.isTrue();
		}
		assertThat(paths.path("/api/v1/canned-responses").path("get").path("parameters").valueStream()
			.map(p -> p.path("name").asString())).contains("q").doesNotContain("caller");
	}

	@Test
	void integrationEndpointsComeWithExamples() {
		JsonNode docs = new Api(port).get("/v3/api-docs", null);

		JsonNode webhook = requestSchema(docs, "/api/v1/admin/webhooks", "post");
		assertThat(webhook.path("properties").path("url").path("example").asString()).startsWith("https://");
		assertThat(webhook.path("properties").path("events").path("example").isMissingNode()).isFalse();
		JsonNode identity = requestSchema(docs, "/api/v1/admin/identity", "put");
		assertThat(identity.path("properties").path("jwksUrl").path("example").asString()).startsWith("https://");
		JsonNode session = requestSchema(docs, "/api/v1/visitor/sessions", "post");
		assertThat(session.path("properties").path("userId").path("example").asString()).isEqualTo("cust-42");
	}

	@Test
	void conversationSearchDescribesEachFilter() {
		JsonNode search = new Api(port).get("/v3/api-docs", null)
			.path("paths")
			.path("/api/v1/conversations/search")
			.path("get");

		assertThat(search.path("summary").asString()).contains("newest first");
		assertThat(search.path("parameters").valueStream().map(p -> p.path("name").asString())).contains("q", "from",
				"to", "agent", "group", "channel", "state", "rating", "tag", "page", "size").doesNotContain("caller");
		assertThat(search.path("parameters").valueStream()
			.filter(p -> p.path("name").asString().equals("q"))
			.map(p -> p.path("description").asString())).singleElement().asString().contains("200 characters");
	}

	@Test
	void contactsDescribeSearchHistoryAndMerge() {
		JsonNode paths = new Api(port).get("/v3/api-docs", null).path("paths");

		assertThat(paths.path("/api/v1/contacts").path("get").path("summary").asString()).contains("newest activity");
		assertThat(paths.path("/api/v1/contacts").path("get").path("parameters").valueStream()
			.map(p -> p.path("name").asString())).contains("q", "page", "size").doesNotContain("caller");
		assertThat(paths.path("/api/v1/contacts/{id}/history").path("get").path("summary").asString())
			.contains("conversations", "tickets");
		assertThat(paths.path("/api/v1/contacts/{id}/merge").path("post").path("summary").asString())
			.contains("verified-identities-differ");
	}

	private static JsonNode requestSchema(JsonNode docs, String path, String method) {
		JsonNode schema = docs.path("paths").path(path).path(method).path("requestBody").path("content")
			.path("application/json").path("schema");
		String ref = schema.path("$ref").asString();
		return ref.isEmpty() ? schema : docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
	}
}
