package dev.kefu.quality;

import static dev.kefu.quality.QualityScript.item;
import static dev.kefu.quality.QualityScript.score;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what in quality: agents see only their own reviews and findings and neither score nor decide; QA
 * inspectors score but do not decide appeals; nothing crosses organizations. Another agent's review is not found, as
 * another organization's is; a step the caller's role does not allow is forbidden.
 */
@ServerTest
class QualityAccessTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	@Test
	void anAgentSeesNeitherAnotherAgentsReviewsNorTheirFindings() {
		Reviewed reviewed = reviewedChatOfTheFirstAgent();
		String otherAgent = reviewed.desk.agents[1];
		String firstAgent = reviewed.desk.tenant.agent(0).id().toString();

		assertStatus(api.call("GET", "/api/v1/quality/reviews/" + reviewed.id, otherAgent, null), 404, "not-found");
		assertThat(api.get("/api/v1/quality/reviews", otherAgent)).isEmpty();
		assertStatus(api.call("GET", "/api/v1/quality/reviews?agentId=" + firstAgent, otherAgent, null), 403,
				"forbidden");
		assertThat(api.get("/api/v1/quality/findings", otherAgent)).isEmpty();
		assertStatus(api.call("GET", "/api/v1/quality/findings?agentId=" + firstAgent, otherAgent, null), 403,
				"forbidden");
		assertStatus(api.call("POST", "/api/v1/quality/reviews/" + reviewed.id + "/appeal", otherAgent,
				Map.of("reason", "not mine")), 404, "not-found");

		assertThat(api.get("/api/v1/quality/findings", reviewed.desk.agents[0]).valueStream()
			.map(f -> f.path("agentId").asString())).isNotEmpty().containsOnly(firstAgent);
	}

	@Test
	void anAgentNeitherWorksTheQueueNorScoresNorDecides() {
		Reviewed reviewed = reviewedChatOfTheFirstAgent();
		String agent = reviewed.desk.agents[0];

		assertStatus(api.call("GET", "/api/v1/quality/queue", agent, null), 403, "forbidden");
		assertStatus(api.call("GET", "/api/v1/quality/tasks/" + reviewed.taskId, agent, null), 403, "forbidden");
		assertStatus(api.call("POST", "/api/v1/quality/tasks/" + reviewed.taskId + "/review", agent,
				Map.of("rubricId", reviewed.rubricId, "scores", List.of())), 403, "forbidden");
		api.post("/api/v1/quality/reviews/" + reviewed.id + "/appeal", agent, Map.of("reason", "unfair"));
		assertStatus(api.call("POST", "/api/v1/quality/reviews/" + reviewed.id + "/decision", agent,
				Map.of("decision", "UPHELD", "comment", "I agree with myself")), 403, "forbidden");
		assertStatus(api.call("POST", "/api/v1/quality/rubrics", agent,
				Map.of("name", "Mine", "items", List.of(item("overall", 1, 5)))), 403, "forbidden");
		assertStatus(api.call("PUT", "/api/v1/quality/settings", agent, settings(50)), 403, "forbidden");
	}

	@Test
	void aQaInspectorScoresButDoesNotDecideAppealsNorChangeSettings() {
		Reviewed reviewed = reviewedChatOfTheFirstAgent();
		api.post("/api/v1/quality/reviews/" + reviewed.id + "/appeal", reviewed.desk.agents[0],
				Map.of("reason", "unfair"));

		assertStatus(api.call("POST", "/api/v1/quality/reviews/" + reviewed.id + "/decision", reviewed.desk.inspector,
				Map.of("decision", "UPHELD", "comment", "stands")), 403, "forbidden");
		assertStatus(api.call("POST", "/api/v1/quality/reviews/" + reviewed.id + "/appeal", reviewed.desk.inspector,
				Map.of("reason", "on their behalf")), 403, "forbidden");
		assertStatus(api.call("PUT", "/api/v1/quality/settings", reviewed.desk.inspector, settings(50)), 403,
				"forbidden");
		assertThat(api.get("/api/v1/quality/reviews/" + reviewed.id, reviewed.desk.inspector).path("id").asString())
			.isEqualTo(reviewed.id);
	}

	@Test
	void anotherOrganizationsReviewsAndTasksAreNotFound() {
		Reviewed reviewed = reviewedChatOfTheFirstAgent();
		TestTenant other = TestTenant.create(context, 1, 3);
		String otherAdmin = other.adminToken(api);

		assertStatus(api.call("GET", "/api/v1/quality/reviews/" + reviewed.id, otherAdmin, null), 404, "not-found");
		assertStatus(api.call("GET", "/api/v1/quality/tasks/" + reviewed.taskId, otherAdmin, null), 404, "not-found");
		assertStatus(api.call("POST", "/api/v1/quality/reviews/" + reviewed.id + "/decision", otherAdmin,
				Map.of("decision", "UPHELD", "comment", "x")), 404, "not-found");
		assertThat(api.get("/api/v1/quality/reviews", otherAdmin)).isEmpty();
		assertThat(api.get("/api/v1/quality/queue", otherAdmin)).isEmpty();
		assertStatus(api.call("GET", "/api/v1/quality/rubrics/" + reviewed.rubricId, otherAdmin, null), 404,
				"not-found");
	}

	@Test
	void invalidRubricsScoresAndSettingsAreRefusedWithAReason() {
		QualityScript.Desk desk = desk(100);
		JsonNode rubric = api.post("/api/v1/quality/rubrics", desk.inspector,
				Map.of("name", "Chat", "items", List.of(item("greeting", 1, 5), item("accuracy", 2, 10))));

		assertStatus(api.call("POST", "/api/v1/quality/rubrics", desk.inspector,
				Map.of("name", "Bad", "items", List.of(item("greeting", 0, 5)))), 400, "invalid-rubric");
		assertStatus(api.call("POST", "/api/v1/quality/rubrics", desk.inspector,
				Map.of("name", "Bad", "items", List.of())), 400, "invalid-request");
		assertStatus(api.call("PUT", "/api/v1/quality/settings", desk.admin, settings(101)), 400,
				"invalid-sample-percent");

		ServedChat chat = desk.chat();
		chat.agent("Hello");
		chat.close();
		String task = desk.awaitTask(chat).path("id").asString();
		String greeting = rubric.path("items").get(0).path("id").asString();
		String accuracy = rubric.path("items").get(1).path("id").asString();
		String path = "/api/v1/quality/tasks/" + task + "/review";
		String rubricId = rubric.path("id").asString();

		Api.Response missing = api.call("POST", path, desk.inspector,
				Map.of("rubricId", rubricId, "scores", List.of(score(greeting, 3))));
		assertStatus(missing, 400, "invalid-scores");
		assertThat(missing.body().path("detail").asString()).contains("accuracy is not scored");
		assertStatus(api.call("POST", path, desk.inspector,
				Map.of("rubricId", rubricId, "scores", List.of(score(greeting, 6), score(accuracy, 3)))), 400,
				"invalid-scores");
		assertStatus(api.call("POST", path, desk.inspector, Map.of("rubricId", rubricId, "scores",
				List.of(score(greeting, 3), score(accuracy, 3)), "comments", List.of(Map.of("seq", 999, "text", "x")))),
				400, "invalid-comments");
		assertThat(api.call("POST", path, desk.inspector,
				Map.of("rubricId", rubricId, "scores", List.of(score(greeting, 5), score(accuracy, 10)))).status())
			.as("nothing was stored by the refused attempts")
			.isEqualTo(201);
	}

	record Reviewed(QualityScript.Desk desk, String id, String taskId, String rubricId) {
	}

	private Reviewed reviewedChatOfTheFirstAgent() {
		QualityScript.Desk desk = desk(0);
		ServedChat chat = desk.chat();
		chat.customer("hello");
		chat.agent("that is not my problem");
		chat.close();
		String taskId = desk.awaitTask(chat).path("id").asString();
		JsonNode rubric = api.post("/api/v1/quality/rubrics", desk.inspector,
				Map.of("name", "Quick", "items", List.of(item("overall", 1, 5))));
		JsonNode review = api.post("/api/v1/quality/tasks/" + taskId + "/review", desk.inspector,
				Map.of("rubricId", rubric.path("id").asString(), "scores",
						List.of(score(rubric.path("items").get(0).path("id").asString(), 2))));
		return new Reviewed(desk, review.path("id").asString(), taskId, rubric.path("id").asString());
	}

	private QualityScript.Desk desk(int samplePercent) {
		return new QualityScript.Desk(api, context, samplePercent);
	}

	private static Map<String, Object> settings(int samplePercent) {
		return Map.of("samplePercent", samplePercent, "includeFindings", true, "includeLowRatings", true,
				"silenceLimitSeconds", 120, "greetings", List.of("hello"), "closings", List.of("bye"), "forbidden",
				List.of());
	}

	private static void assertStatus(Api.Response response, int status, String code) {
		assertThat(response.status()).as("answered %s", response.text()).isEqualTo(status);
		assertThat(response.code()).isEqualTo(code);
	}
}
