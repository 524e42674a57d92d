package dev.kefu.quality;

import static dev.kefu.quality.QualityScript.item;
import static dev.kefu.quality.QualityScript.rules;
import static dev.kefu.quality.QualityScript.score;
import static dev.kefu.quality.QualityScript.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.PublishedEvents;
import dev.kefu.testing.ServerTest;
import tools.jackson.databind.JsonNode;

/**
 * Quality end to end over real HTTP: a real chat is closed and inspected, lands in the QA queue, is scored with a
 * rubric and remarks, appealed by its agent and decided by a supervisor.
 */
@ServerTest
class QualityIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	/** Every ReviewCompleted published while a test runs, as other modules would receive them. */
	PublishedEvents<ReviewCompleted> completed;

	@BeforeEach
	void client() {
		api = new Api(port);
		completed = PublishedEvents.record(context, ReviewCompleted.class);
	}

	@AfterEach
	void stopRecording() {
		completed.close();
	}

	@Test
	void everyClosedChatIsInspectedAndOneWithFindingsIsQueued() {
		QualityScript.Desk desk = desk(0);
		ServedChat chat = desk.chat();
		chat.customer("我的银行卡被扣了两次钱");
		chat.agent("这个不归我管");
		chat.agent("您的卡号是 6222 0212 3456 7894 对吗");
		chat.close();

		JsonNode task = desk.awaitTask(chat);
		assertThat(strings(task.path("reasons"))).containsExactly("FINDINGS");
		JsonNode findings = api.get("/api/v1/quality/tasks/" + task.path("id").asString(), desk.inspector)
			.path("findings");
		assertThat(rules(findings)).containsExactlyInAnyOrder("missing-greeting", "forbidden-phrase",
				"sensitive-number", "missing-closing");
		JsonNode card = findings.valueStream()
			.filter(f -> f.path("rule").asString().equals("sensitive-number"))
			.findFirst()
			.orElseThrow();
		assertThat(card.path("seq").asLong()).isEqualTo(chat.seqs().get(2));
		assertThat(card.path("agentId").asString()).isEqualTo(desk.tenant.agent(0).id().toString());
		assertThat(card.path("detail").asString()).contains("7894").doesNotContain("6222").doesNotContain("3456");
	}

	@Test
	void aLowRatingAfterTheCloseAddsItsFindingAndReasonOnce() {
		QualityScript.Desk desk = desk(0);
		ServedChat chat = desk.chat();
		chat.customer("hello");
		chat.agent("Hi, this is not my problem");
		chat.close();
		JsonNode task = desk.awaitTask(chat);

		api.post("/api/v1/visitor/conversations/" + chat.id() + "/rating", chat.visitor(), Map.of("rating", 1));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(strings(desk.queueEntry(chat).path("reasons")))
				.containsExactlyInAnyOrder("FINDINGS", "LOW_RATING"));
		String taskPath = "/api/v1/quality/tasks/" + task.path("id").asString();
		JsonNode findings = api.get(taskPath, desk.inspector).path("findings");
		assertThat(rules(findings)).contains("low-satisfaction", "forbidden-phrase");

		context.getBean(Inspector.class).inspect(desk.tenant.id(), UUID.fromString(chat.id()));

		assertThat(api.get(taskPath, desk.inspector).path("findings").size())
			.as("inspecting again (a redelivered event) stores nothing twice")
			.isEqualTo(findings.size());
	}

	@Test
	void aChatInTheRandomShareIsQueuedWithoutFindings() {
		QualityScript.Desk desk = desk(100);
		ServedChat chat = desk.chat();
		chat.customer("Where is my parcel?");
		chat.agent("Hello! It left our warehouse today.");
		chat.agent("Anything else I can do for you?");
		chat.close();

		JsonNode task = desk.awaitTask(chat);

		assertThat(strings(task.path("reasons"))).containsExactly("RANDOM");
		assertThat(api.get("/api/v1/quality/tasks/" + task.path("id").asString(), desk.inspector).path("findings"))
			.isEmpty();
	}

	@Test
	void anInspectorScoresAReviewWithRemarksAndTheAgentAppealsOnceToASupervisor() {
		QualityScript.Desk desk = desk(0);
		ServedChat chat = desk.chat();
		chat.customer("退款什么时候到？");
		chat.agent("不归我管");
		chat.close();
		String task = desk.awaitTask(chat).path("id").asString();
		JsonNode rubric = api.post("/api/v1/quality/rubrics", desk.inspector, Map.of("name", "Chat", "items",
				List.of(item("greeting", 1, 5), item("accuracy", 3, 10), item("empathy", 2, 4))));
		List<String> items = rubric.path("items").valueStream().map(i -> i.path("id").asString()).toList();

		Api.Response scored = api.call("POST", "/api/v1/quality/tasks/" + task + "/review", desk.inspector,
				Map.of("rubricId", rubric.path("id").asString(), "scores",
						List.of(score(items.get(0), 4), score(items.get(1), 7), score(items.get(2), 3)), "comments",
						List.of(Map.of("seq", chat.seqs().get(1), "text", "请礼貌地转给财务同事")), "summary",
						"Rude answer"));

		assertThat(scored.status()).isEqualTo(201);
		JsonNode review = scored.body();
		String reviewId = review.path("id").asString();
		assertThat(review.path("score").asDouble()).isEqualTo(73.3);
		assertThat(review.path("comments").get(0).path("seq").asLong()).isEqualTo(chat.seqs().get(1));
		assertThat(completed.list()).singleElement().satisfies(e -> {
			assertThat(e.reviewId().toString()).isEqualTo(reviewId);
			assertThat(e.agentId()).isEqualTo(desk.tenant.agent(0).id());
			assertThat(e.score()).isEqualTo(73.3);
		});
		assertThat(api.get("/api/v1/quality/queue", desk.inspector).valueStream()
			.map(t -> t.path("conversationId").asString())).as("a reviewed conversation leaves the queue")
			.doesNotContain(chat.id());
		assertThat(api.call("POST", "/api/v1/quality/tasks/" + task + "/review", desk.inspector,
				Map.of("rubricId", rubric.path("id").asString(), "scores", List.of())).code())
			.isEqualTo("task-reviewed");

		String agent = desk.agents[0];
		JsonNode seen = api.get("/api/v1/quality/reviews/" + reviewId, agent);
		assertThat(seen.path("comments").get(0).path("text").asString()).isEqualTo("请礼貌地转给财务同事");
		assertThat(rules(seen.path("findings"))).contains("forbidden-phrase");
		assertThat(api.get("/api/v1/quality/reviews", agent).valueStream().map(r -> r.path("id").asString()))
			.containsExactly(reviewId);

		JsonNode appealed = api.post("/api/v1/quality/reviews/" + reviewId + "/appeal", agent,
				Map.of("reason", "财务问题确实不是客服能处理的"));
		assertThat(appealed.path("appeal").path("reason").asString()).isEqualTo("财务问题确实不是客服能处理的");
		Api.Response again = api.call("POST", "/api/v1/quality/reviews/" + reviewId + "/appeal", agent,
				Map.of("reason", "again"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("already-appealed");
		assertThat(api.get("/api/v1/quality/reviews?appeal=open", desk.admin).valueStream()
			.map(r -> r.path("id").asString())).containsExactly(reviewId);

		JsonNode decided = api.post("/api/v1/quality/reviews/" + reviewId + "/decision", desk.admin,
				Map.of("decision", "REVISED", "comment", "Accuracy was fine", "scores",
						List.of(score(items.get(0), 5), score(items.get(1), 9), score(items.get(2), 4))));

		// (1·5/5 + 3·9/10 + 2·4/4) / 6 × 100 = 95.0
		assertThat(decided.path("score").asDouble()).isEqualTo(95.0);
		assertThat(decided.path("originalScore").asDouble()).isEqualTo(73.3);
		assertThat(decided.path("appeal").path("decision").asString()).isEqualTo("REVISED");
		assertThat(decided.path("appeal").path("decidedBy").asString()).isNotBlank();
		assertThat(decided.path("items").get(1).path("revisedPoints").asInt()).isEqualTo(9);
		assertThat(completed.list()).extracting(ReviewCompleted::score).containsExactly(73.3, 95.0);
		assertThat(api.call("POST", "/api/v1/quality/reviews/" + reviewId + "/decision", desk.admin,
				Map.of("decision", "UPHELD", "comment", "again")).code()).isEqualTo("appeal-decided");
		assertThat(api.get("/api/v1/quality/reviews?appeal=open", desk.admin)).isEmpty();
	}

	@Test
	void anUpheldAppealKeepsTheScoreAndPublishesNothingNew() {
		QualityScript.Desk desk = desk(100);
		ServedChat chat = desk.chat();
		chat.agent("Hello");
		chat.close();
		JsonNode review = desk.review(chat, 2);

		api.post("/api/v1/quality/reviews/" + review.path("id").asString() + "/appeal", desk.agents[0],
				Map.of("reason", "I did my best"));
		JsonNode decided = api.post("/api/v1/quality/reviews/" + review.path("id").asString() + "/decision",
				desk.admin, Map.of("decision", "UPHELD", "comment", "The score stands"));

		assertThat(decided.path("appeal").path("decision").asString()).isEqualTo("UPHELD");
		assertThat(decided.path("score").asDouble()).isEqualTo(review.path("score").asDouble());
		assertThat(completed.list()).hasSize(1);
	}

	QualityScript.Desk desk(int samplePercent) {
		return new QualityScript.Desk(api, context, samplePercent);
	}
}
