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
		assertThat(api.call("POST", help + "/articles/" + draft + "/votes", null, Map.of("helpful", true)).status())
			.isEqualTo(404);
		assertThat(api.call("GET", "/api/v1/help/no-such-org/articles", null, null).status()).isEqualTo(404);
	}
}
