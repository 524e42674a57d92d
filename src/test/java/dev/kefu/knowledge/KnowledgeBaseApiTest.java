package dev.kefu.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** The knowledge base over HTTP: editing with versions, proposals, categories, and search in Chinese and English. */
@ServerTest
class KnowledgeBaseApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Articles articles;

	@Autowired
	Categories categories;

	@Autowired
	FaqModels models;

	Api api;
	TestTenant tenant;
	String editor;

	@BeforeEach
	void editorOfAFreshOrganization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 2, 5);
		editor = tenant.adminToken(api);
	}

	@Test
	void searchFindsChineseAndEnglishArticlesByTheirWordsAndMarksThem() {
		String refund = create(faq("如何申请退款？", "在订单详情页点击“申请退款”，三个工作日内原路退回。", "PUBLISHED")).path("id").asString();
		String password = create(faq("How do I reset my password?",
				"Open Settings, choose Security and follow the reset link we e-mail you.", "PUBLISHED")).path("id")
			.asString();

		JsonNode chinese = api.get("/api/v1/knowledge/search?q=" + Api.encode("退款多久到账"), editor);
		assertThat(chinese.path(0).path("articleId").asString()).isEqualTo(refund);
		assertThat(chinese.path(0).path("title").asString()).contains("<mark>退款</mark>");

		JsonNode english = api.get("/api/v1/knowledge/search?q=" + Api.encode("resetting passwords"), editor);
		assertThat(english.path(0).path("articleId").asString()).isEqualTo(password);
		assertThat(english.path(0).path("title").asString()).contains("<mark>reset</mark>");
		assertThat(english.path(0).path("snippet").asString()).contains("<mark>reset</mark>");
	}

	@Test
	void searchFindsArticlesByParaphrasesThatShareNoWordWithThem() {
		String password = create(faq("How do I reset my password?", "Use the reset link on the sign-in page.",
				"PUBLISHED")).path("id").asString();
		String refund = create(faq("如何申请退款？", "在订单详情页点击“申请退款”。", "PUBLISHED")).path("id").asString();
		create(faq("Which payment methods do you accept?", "Cards, Alipay and WeChat Pay.", "PUBLISHED"));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(ids("/api/v1/knowledge/search?q=" + Api.encode("I forgot my login credentials")))
				.first().isEqualTo(password);
			assertThat(ids("/api/v1/knowledge/search?q=" + Api.encode("钱能退回来吗"))).first().isEqualTo(refund);
		});
	}

	@Test
	void similarPhrasingsAreSearchedAndHtmlInArticlesIsEscaped() {
		Map<String, Object> entry = faq("Where is my parcel?", "Track it under <Orders> & deliveries.", "PUBLISHED");
		entry.put("phrasings", List.of("my delivery has not arrived", "  ", "My delivery has not arrived"));
		JsonNode created = create(entry);
		assertThat(created.path("phrasings").valueStream().map(JsonNode::asString)).containsExactly("my delivery has not arrived");

		JsonNode hits = api.get("/api/v1/knowledge/search?q=delivery+arrived", editor);
		assertThat(hits.path(0).path("articleId").asString()).isEqualTo(created.path("id").asString());
		assertThat(api.get("/api/v1/knowledge/search?q=orders", editor).path(0).path("snippet").asString())
			.contains("&lt;<mark>Orders</mark>&gt; &amp;");
	}

	@Test
	void searchFiltersByCategoryWithItsSubcategoriesTagAndStatus() {
		String payments = api.post("/api/v1/knowledge/categories", editor, Map.of("name", "Payments")).path("id").asString();
		String cards = api.post("/api/v1/knowledge/categories", editor, Map.of("name", "Cards", "parentId", payments))
			.path("id").asString();
		Map<String, Object> card = faq("Card payment declined", "Check the card limit.", "PUBLISHED");
		card.putAll(Map.of("categoryId", cards, "tags", List.of("Cards", "limits")));
		String cardId = create(card).path("id").asString();
		create(faq("Payment declined by the bank", "Call your bank.", "DRAFT"));

		assertThat(ids("/api/v1/knowledge/search?q=declined&categoryId=" + payments)).containsExactly(cardId);
		assertThat(ids("/api/v1/knowledge/search?q=declined&tag=cards")).containsExactly(cardId);
		assertThat(ids("/api/v1/knowledge/search?q=declined&status=PUBLISHED")).containsExactly(cardId);
		assertThat(ids("/api/v1/knowledge/search?q=declined")).hasSize(2);
		assertThat(api.call("DELETE", "/api/v1/knowledge/categories/" + payments, editor, null).code())
			.isEqualTo("category-in-use");
	}

	@Test
	void everySaveIsAVersionThatCanBeComparedAndRestored() {
		JsonNode first = create(faq("Opening hours", "We open at 9.\nWe close at 18.", "PUBLISHED"));
		String path = "/api/v1/knowledge/articles/" + first.path("id").asString();
		Map<String, Object> edit = faq("Opening hours", "We open at 9.\nWe close at 20.", "PUBLISHED");
		edit.put("expectedVersion", 1);
		assertThat(api.put(path, editor, edit).path("version").asInt()).isEqualTo(2);

		Api.Response stale = api.call("PUT", path, editor, edit);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.code()).isEqualTo("stale-version");

		JsonNode diff = api.get(path + "/compare?from=1&to=2", editor);
		assertThat(diff.path("body").valueStream().map(l -> l.path("op").asString() + l.path("text").asString()))
			.containsExactly("=We open at 9.", "-We close at 18.", "+We close at 20.");
		JsonNode restored = api.post(path + "/versions/1/restore", editor, null);
		assertThat(restored.path("version").asInt()).isEqualTo(3);
		assertThat(restored.path("body").asString()).isEqualTo("We open at 9.\nWe close at 18.");
		assertThat(api.get(path + "/versions", editor).valueStream().map(v -> v.path("version").asInt()))
			.containsExactly(3, 2, 1);
	}

	@Test
	void agentsProposeDraftsButOnlyEditorsPublish() {
		String agent = tenant.agentToken(api, 0);
		Api.Response publish = api.call("POST", "/api/v1/knowledge/articles", agent,
				faq("Gift wrapping", "We wrap gifts for free.", "PUBLISHED"));
		assertThat(publish.status()).isEqualTo(403);

		JsonNode proposal = api.post("/api/v1/knowledge/articles", agent, faq("Gift wrapping", "We wrap gifts.", null));
		assertThat(proposal.path("status").asString()).isEqualTo("DRAFT");
		String path = "/api/v1/knowledge/articles/" + proposal.path("id").asString();
		assertThat(api.call("PUT", path, tenant.agentToken(api, 1), faq("Gift wrapping", "Mine now", null)).status())
			.isEqualTo(403);
		api.put(path, agent, faq("Gift wrapping", "We wrap gifts for free.", null));
		assertThat(api.put(path, editor, faq("Gift wrapping", "We wrap gifts for free.", "PUBLISHED")).path("status")
			.asString()).isEqualTo("PUBLISHED");
		assertThat(api.call("PUT", path, agent, faq("Gift wrapping", "Changed", null)).status()).isEqualTo(403);
	}

	@Test
	void articlesPastTheirReviewDateAreListedForTheirOwner() {
		Map<String, Object> stale = faq("Old shipping rates", "5 yuan.", "PUBLISHED");
		stale.put("reviewBy", LocalDate.now().minusDays(1).toString());
		String staleId = create(stale).path("id").asString();
		Map<String, Object> fresh = faq("New shipping rates", "8 yuan.", "PUBLISHED");
		fresh.put("reviewBy", LocalDate.now().plusDays(30).toString());
		create(fresh);

		assertThat(ids("/api/v1/knowledge/articles?reviewDue=true&owner=me")).containsExactly(staleId);
		assertThat(ids("/api/v1/knowledge/articles?reviewDue=true&owner=" + tenant.agent(0).id())).isEmpty();
	}

	@Test
	void badArticlesAreRefusedWithAReason() {
		assertThat(api.call("POST", "/api/v1/knowledge/articles", editor, faq(" ", "x", null)).code())
			.isEqualTo("invalid-title");
		assertThat(api.call("POST", "/api/v1/knowledge/articles", editor, faq("Question", "", null)).code())
			.isEqualTo("invalid-body");
		Map<String, Object> tooLongTag = faq("Question", "Answer", null);
		tooLongTag.put("tags", List.of("x".repeat(65)));
		assertThat(api.call("POST", "/api/v1/knowledge/articles", editor, tooLongTag).code()).isEqualTo("invalid-tag");
		assertThat(api.get("/api/v1/knowledge/articles", editor)).isEmpty();
	}

	@Test
	void aMissingIndexIsRebuiltFromTheDatabase(@TempDir Path dataDir) throws Exception {
		String id = create(faq("积分可以兑换什么？", "积分可兑换优惠券和礼品。", "PUBLISHED")).path("id").asString();
		KnowledgeSearch fresh = new KnowledgeSearch(articles, categories, models, dataDir.resolve("index"));
		try {
			fresh.catchUp();
			assertThat(fresh.search(tenant.id(), "积分兑换", SearchFilter.published(), 5))
				.extracting(SearchHit::articleId)
				.containsExactly(java.util.UUID.fromString(id));
		}
		finally {
			fresh.destroy();
		}
	}

	private JsonNode create(Map<String, Object> article) {
		return api.post("/api/v1/knowledge/articles", editor, article);
	}

	private List<String> ids(String path) {
		JsonNode found = api.get(path, editor);
		return found.valueStream().map(a -> a.has("articleId") ? a.path("articleId").asString() : a.path("id").asString())
			.toList();
	}

	static Map<String, Object> faq(String question, String answer, String status) {
		Map<String, Object> entry = new HashMap<>(Map.of("kind", "FAQ", "title", question, "body", answer));
		if (status != null) {
			entry.put("status", status);
		}
		return entry;
	}
}
