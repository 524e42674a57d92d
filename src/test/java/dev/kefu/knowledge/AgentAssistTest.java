package dev.kefu.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** Agent assist suggests the article for what the customer wrote; a good reply becomes a draft FAQ entry. */
@ServerTest
class AgentAssistTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	String agent;

	@BeforeEach
	void agentOnline() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
	}

	@Test
	void agentAssistSuggestsTheArticleThatAnswersTheCustomer() {
		String admin = tenant.adminToken(api);
		String shipping = publish(admin, "How long does shipping take?", "2 to 4 working days.", List.of("delivery time"));
		publish(admin, "Can I pay with Alipay?", "Yes, Alipay and WeChat Pay.", List.of("payment methods"));
		publish(admin, "How do I return an item?", "Start a return from your order page.", List.of("send it back"));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode suggestions = api.get("/api/v1/knowledge/suggestions?q="
					+ Api.encode("my parcel still hasn't arrived, when will it come?"), agent);
			assertThat(suggestions.path(0).path("articleId").asString()).isEqualTo(shipping);
			assertThat(suggestions.path(0).path("answer").asString()).isEqualTo("2 to 4 working days.");
		});
	}

	@Test
	void anAgentsReplyBecomesADraftEntryForTheQuestionItAnswered() {
		String visitor = api.visitor(tenant.slug());
		String chat = api.startChat(visitor).path("conversation").path("id").asString();
		await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/v1/conversations/mine", agent).size() == 1);
		String messages = "/api/v1/conversations/" + chat + "/messages";
		long asked = api.post(messages, visitor, Map.of("clientMsgId", "q", "text", "能开增值税专用发票吗？")).path("seq").asLong();
		long replied = api.post(messages, agent, Map.of("clientMsgId", "a", "text", "可以，在订单详情页申请专票。"))
			.path("seq").asLong();

		JsonNode draft = api.post("/api/v1/knowledge/drafts/from-reply", agent, Map.of("conversationId", chat, "seq",
				replied));

		assertThat(draft.path("title").asString()).isEqualTo("能开增值税专用发票吗？");
		assertThat(draft.path("body").asString()).isEqualTo("可以，在订单详情页申请专票。");
		assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
		assertThat(draft.path("tags").valueStream().map(JsonNode::asString)).containsExactly("from-chat");
		Api.Response notAReply = api.call("POST", "/api/v1/knowledge/drafts/from-reply", agent,
				Map.of("conversationId", chat, "seq", asked));
		assertThat(notAReply.code()).isEqualTo("invalid-reply");
	}

	private String publish(String admin, String question, String answer, List<String> phrasings) {
		return api.post("/api/v1/knowledge/articles", admin, Map.of("kind", "FAQ", "title", question, "body", answer,
				"phrasings", phrasings, "status", "PUBLISHED")).path("id").asString();
	}
}
