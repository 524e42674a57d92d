package dev.kefu.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** The public help center shows published articles only, without login, and counts votes. */
@ServerTest
class HelpCenterApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void onlyPublishedArticlesAreVisibleWithoutLoginAndVotesAreCounted() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 0, 1);
		String admin = tenant.adminToken(api);
		String published = api.post("/api/v1/knowledge/articles", admin, Map.of("kind", "ARTICLE", "status", "PUBLISHED",
				"title", "Return policy", "body", "Returns within 7 days.")).path("id").asString();
		String draft = api.post("/api/v1/knowledge/articles", admin, Map.of("kind", "ARTICLE", "title",
				"Return policy (internal)", "body", "Draft.")).path("id").asString();
		String help = "/api/v1/help/" + tenant.slug();

		JsonNode found = api.get(help + "/search?q=return", null);
		assertThat(found.valueStream().map(h -> h.path("articleId").asString())).containsExactly(published);
		assertThat(api.get(help + "/articles", null).valueStream().map(a -> a.path("id").asString()))
			.containsExactly(published);
		JsonNode article = api.get(help + "/articles/" + published, null);
		assertThat(article.has("ownerId")).isFalse();
		assertThat(api.call("GET", help + "/articles/" + draft, null, null).status()).isEqualTo(404);

		api.post(help + "/articles/" + published + "/votes", null, Map.of("helpful", false));
		assertThat(api.get(help + "/articles/" + published, null).path("notHelpful").asInt()).isEqualTo(1);
		Api.Response again = api.call("POST", help + "/articles/" + published + "/votes", null, Map.of("helpful", true));
		assertThat(again.code()).isEqualTo("already-voted");
		assertThat(api.get(help + "/articles/" + published, null).path("helpful").asInt()).isZero();
		assertThat(api.call("POST", help + "/articles/" + draft + "/votes", null, Map.of("helpful", true)).status())
			.isEqualTo(404);
		assertThat(api.call("GET", "/api/v1/help/no-such-org/articles", null, null).status()).isEqualTo(404);
	}

	@Test
	void picturesUploadedForArticlesAreServedPubliclyAndOnlyRealPicturesAreTaken() throws Exception {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 1);
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };

		JsonNode stored = api.upload("/api/v1/knowledge/images", tenant.agentToken(api, 0), "steps.png", "image/png", png)
			.body();

		assertThat(stored.path("markdown").asString()).isEqualTo("![steps.png](" + stored.path("url").asString() + ")");
		java.net.http.HttpResponse<byte[]> served = api.http()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + stored.path("url").asString()))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("content-type")).contains("image/png");
		assertThat(served.body()).isEqualTo(png);
		Api.Response script = api.upload("/api/v1/knowledge/images", tenant.agentToken(api, 0), "evil.png", "image/png",
				"<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(script.status()).isEqualTo(400);
		assertThat(script.code()).isEqualTo("unsupported-file-type");
	}
}
