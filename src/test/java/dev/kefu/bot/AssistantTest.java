package dev.kefu.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.knowledge.Knowledge;
import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * The virtual assistant over real HTTP: it answers from the knowledge base, offers choices when unsure, and hands
 * the chat to the human queue, history and all, in each case that calls for it.
 */
@ServerTest
class AssistantTest {

	static final String REFUND_Q = "如何申请退款？";
	static final String REFUND_ASKED = "我想退款，要怎么操作";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Knowledge knowledge;

	Api api;
	TestTenant tenant;
	String admin;
	String refundId;

	@BeforeEach
	void groupWithAnAssistantAndAKnowledgeBase() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
		refundId = publish(REFUND_Q, "在订单详情页点击“申请退款”，三个工作日内原路退回。", List.of("怎么退款", "退款流程是什么"), null);
		publish("如何修改收货地址？", "发货前可在“我的订单”中修改地址。", List.of("地址填错了怎么办"), null);
		publish("发票怎么开？", "在订单详情页申请电子发票。", List.of("我要开发票"), LocalDate.now().minusDays(1));
		await().atMost(Duration.ofSeconds(60)).until(() -> !knowledge.suggestions(tenant.id(), REFUND_Q, 1).isEmpty());
		assistant(Map.of("enabled", true, "name", "小客", "greeting", "您好，我是智能助手小客。", "threshold", 0.8));
	}

	@Test
	void assistantGreetsAndAnswersAQuestionTheKnowledgeBaseCoversAndTheAnswerCanBeRated() {
		threshold(confidence(REFUND_ASKED) - 0.05);
		String visitor = api.visitor(tenant.slug());
		JsonNode started = api.startChat(visitor);
		assertThat(started.path("conversation").path("state").asString()).isEqualTo("BOT");
		String chat = started.path("conversation").path("id").asString();

		JsonNode greeting = botReply(visitor, chat, 0);
		assertThat(greeting.path("text").asString()).isEqualTo("您好，我是智能助手小客。");
		assertThat(greeting.path("sender").path("name").asString()).isEqualTo("小客");

		JsonNode answer = ask(visitor, chat, REFUND_ASKED);
		assertThat(answer.path("meta").path("kind").asString()).isEqualTo("answer");
		assertThat(answer.path("meta").path("articleId").asString()).isEqualTo(refundId);
		assertThat(answer.path("text").asString()).contains("三个工作日");
		String ratings = "/api/v1/visitor/conversations/" + chat + "/assistant-answers/";
		assertThat(api.call("POST", ratings + answer.path("seq").asLong() + "/rating", visitor, Map.of("helpful", true))
			.status()).isEqualTo(204);
		// Only answers are rated: the greeting is not one.
		assertThat(api.call("POST", ratings + greeting.path("seq").asLong() + "/rating", visitor,
				Map.of("helpful", true)).status()).isEqualTo(404);
		assertThat(state(chat)).isEqualTo("BOT");
	}

	@Test
	void unsureAssistantOffersChoicesAndHandsOverWhenStillUnsure() {
		threshold(confidence(REFUND_ASKED) + 0.05);
		String visitor = api.visitor(tenant.slug());
		String chat = greeted(visitor);

		JsonNode choices = ask(visitor, chat, REFUND_ASKED);
		assertThat(choices.path("meta").path("kind").asString()).isEqualTo("choices");
		assertThat(choices.path("meta").path("choices").path(0).path("question").asString()).isEqualTo(REFUND_Q);

		api.status(tenant.agentToken(api, 0), "ONLINE");
		api.post(messages(chat), visitor, Map.of("clientMsgId", "again", "text", REFUND_ASKED));
		assertHandedOver(chat, "repeated-misses");
	}

	@Test
	void askingForAPersonHandsOverAndTheAgentSeesWhatTheAssistantSaid() {
		String agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		String visitor = api.visitor(tenant.slug());
		String chat = greeted(visitor);

		api.post(messages(chat), visitor, Map.of("clientMsgId", "person", "text", "转人工"));

		assertHandedOver(chat, "asked-for-person");
		await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/conversations/mine", agent).size() == 1);
		JsonNode seenByAgent = api.get(messages(chat) + "?after=0", agent);
		assertThat(seenByAgent.valueStream().map(m -> m.path("sender").path("type").asString() + ":" + m.path("text")
			.asString())).contains("BOT:您好，我是智能助手小客。", "CONTACT:转人工");
	}

	@Test
	void upsetCustomerIsHandedOver() {
		api.status(tenant.agentToken(api, 0), "ONLINE");
		String visitor = api.visitor(tenant.slug());
		String chat = greeted(visitor);
		api.post(messages(chat), visitor, Map.of("clientMsgId", "angry", "text", "你们的服务太差了！！！"));
		assertHandedOver(chat, "upset");
	}

	@Test
	void questionsFarFromTheKnowledgeBaseAreHandedOverAfterOneMiss() {
		api.status(tenant.agentToken(api, 0), "ONLINE");
		String visitor = api.visitor(tenant.slug());
		String chat = greeted(visitor);
		JsonNode miss = ask(visitor, chat, "火星上的天气怎么样");
		assertThat(miss.path("meta").path("kind").asString()).isEqualTo("miss");
		api.post(messages(chat), visitor, Map.of("clientMsgId", "q2", "text", "你们喜欢什么颜色的猫"));
		assertHandedOver(chat, "cannot-answer");
	}

	@Test
	void withNothingUnansweredThereAreNoKnowledgeGaps() {
		assertThat(api.get("/api/v1/assistant/gaps", admin)).isEmpty();
	}

	@Test
	void unansweredQuestionsAreGroupedByMeaningIntoKnowledgeGaps() {
		for (String question : List.of("火星上的天气怎么样", "火星的天气如何", "你们卖不卖宠物猫")) {
			String visitor = api.visitor(tenant.slug());
			String chat = greeted(visitor);
			assertThat(ask(visitor, chat, question).path("meta").path("kind").asString()).isEqualTo("miss");
		}

		JsonNode gaps = api.get("/api/v1/assistant/gaps", admin);

		assertThat(gaps.valueStream().map(g -> g.path("count").asInt())).containsExactly(2, 1);
		assertThat(gaps.path(0).path("texts").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("火星上的天气怎么样", "火星的天气如何");
	}

	@Test
	void withNobodyOnlineTheAssistantKeepsTheChatAndOffersLeaveAMessage() {
		String visitor = api.visitor(tenant.slug());
		String chat = greeted(visitor);
		JsonNode offer = ask(visitor, chat, "人工客服");
		assertThat(offer.path("meta").path("kind").asString()).isEqualTo("leave-message");
		assertThat(offer.path("meta").path("reason").asString()).isEqualTo("NO_AGENT_ONLINE");
		assertThat(state(chat)).isEqualTo("BOT");
	}

	@Test
	void outsideBusinessHoursTheAssistantAnswersWhatItCanAndOffersLeaveAMessageForTheRest() {
		api.status(tenant.agentToken(api, 0), "ONLINE");
		int notToday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getDayOfWeek().getValue() % 7 + 1;
		api.put("/api/v1/admin/groups/" + tenant.group().id() + "/hours", admin, Map.of("hours",
				List.of(Map.of("dayOfWeek", notToday, "opensAt", "09:00", "closesAt", "18:00"))));
		threshold(confidence(REFUND_ASKED) - 0.05);
		String visitor = api.visitor(tenant.slug());
		String chat = greeted(visitor);

		assertThat(ask(visitor, chat, REFUND_ASKED).path("meta").path("kind").asString()).isEqualTo("answer");
		JsonNode offer = ask(visitor, chat, "转人工");

		assertThat(offer.path("meta").path("kind").asString()).isEqualTo("leave-message");
		assertThat(offer.path("meta").path("reason").asString()).isEqualTo("OUTSIDE_BUSINESS_HOURS");
		assertThat(state(chat)).isEqualTo("BOT");
	}

	@Test
	void expiredArticlesAreNotUsedByTheAssistant() {
		assertThat(knowledge.suggestions(tenant.id(), "我要开发票", 3))
			.extracting(Knowledge.Suggestion::question)
			.doesNotContain("发票怎么开？");
	}

	private String publish(String question, String answer, List<String> phrasings, LocalDate reviewBy) {
		Map<String, Object> entry = new HashMap<>(Map.of("kind", "FAQ", "title", question, "body", answer, "phrasings",
				phrasings, "status", "PUBLISHED"));
		if (reviewBy != null) {
			entry.put("reviewBy", reviewBy.toString());
		}
		return api.post("/api/v1/knowledge/articles", admin, entry).path("id").asString();
	}

	private void assistant(Map<String, Object> profile) {
		api.put("/api/v1/admin/groups/" + tenant.group().id() + "/assistant", admin, profile);
	}

	private void threshold(double threshold) {
		assistant(Map.of("threshold", threshold));
		// Profiles are kept 5 s in memory on each node; this test's node forgets at once.
	}

	private double confidence(String question) {
		return knowledge.suggestions(tenant.id(), question, 1).getFirst().confidence();
	}

	/** A new chat once the assistant's greeting is in: replies are counted after it. */
	private String greeted(String visitor) {
		String chat = api.startChat(visitor).path("conversation").path("id").asString();
		botReply(visitor, chat, 0);
		return chat;
	}

	private JsonNode ask(String visitor, String chat, String text) {
		int before = botMessages(visitor, chat).size();
		api.post(messages(chat), visitor, Map.of("clientMsgId", UUID.randomUUID().toString(), "text", text));
		return botReply(visitor, chat, before);
	}

	private JsonNode botReply(String visitor, String chat, int index) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> botMessages(visitor, chat), list -> list.size() > index)
			.get(index);
	}

	private List<JsonNode> botMessages(String visitor, String chat) {
		return api.get(messages(chat) + "?after=0", visitor).valueStream()
			.filter(m -> m.path("sender").path("type").asString().equals("BOT"))
			.toList();
	}

	private void assertHandedOver(String chat, String reason) {
		await().atMost(Duration.ofSeconds(10)).until(() -> !state(chat).equals("BOT"));
		JsonNode transitions = api.get("/api/v1/conversations/" + chat + "/transitions", admin);
		assertThat(transitions.valueStream()
			.filter(t -> t.path("kind").asString().equals("handed-over") || t.toString().contains("handed-over"))
			.map(t -> t.toString())).anyMatch(t -> t.contains(reason));
	}

	private String state(String chat) {
		return api.get("/api/v1/conversations/" + chat, admin).path("state").asString();
	}

	private static String messages(String chat) {
		return "/api/v1/conversations/" + chat + "/messages";
	}
}
