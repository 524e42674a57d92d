package dev.kefu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.organization.Groups;
import dev.kefu.organization.ReplyTargets;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.Role;
import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** The supervisor's live view and moves over real HTTP and WebSocket, and who may make them. */
@ServerTest
class SupervisionTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	/** One agent with room for one chat, online, and one who has never been online; one chat served, one waiting. */
	record Desk(TestTenant tenant, String agent, String admin, String served, String servedVisitor, String waiting) {
	}

	Desk busyDesk() {
		TestTenant tenant = TestTenant.create(context, 2, 1);
		String agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		String servedVisitor = api.visitor(tenant.slug());
		String served = api.startChat(servedVisitor).path("conversation").path("id").asString();
		await().until(() -> api.get("/api/v1/conversations/" + served, agent).path("state").asString().equals("ASSIGNED"));
		String waiting = api.startChat(api.visitor(tenant.slug())).path("conversation").path("id").asString();
		return new Desk(tenant, agent, tenant.adminToken(api), served, servedVisitor, waiting);
	}

	@Test
	void supervisorSeesEachGroupsAgentsLoadQueueAndChatsWaitingPastTheirTarget() {
		Desk desk = busyDesk();
		context.getBean(Groups.class).changeReplyTargets(desk.tenant().id(), desk.tenant().group().id(),
				ReplyTargets.ofSeconds(1, 2));

		JsonNode group = await().until(() -> api.get("/api/v1/supervision/overview", desk.admin())
			.path("centers").path(0).path("groups").path(0), g -> g.path("late").asInt() == 1);

		assertThat(group.path("name").asString()).isEqualTo("General");
		assertThat(group.path("firstResponseTargetSeconds").asInt()).isEqualTo(1);
		assertThat(group.path("waiting").asInt()).isEqualTo(1);
		assertThat(group.path("served").asInt()).isEqualTo(1);
		assertThat(group.path("longestWaitSeconds").asLong()).isGreaterThanOrEqualTo(1);
		// Only the queued customer waits for a person: the served one has written nothing yet.
		assertThat(group.path("waits").valueStream().map(JsonNode::asLong)).singleElement()
			.isEqualTo(group.path("longestWaitSeconds").asLong());
		JsonNode agent = group.path("agents").path(0);
		assertThat(agent.path("name").asString()).isEqualTo(desk.tenant().agent(0).name());
		assertThat(agent.path("status").asString()).isEqualTo("ONLINE");
		assertThat(agent.path("active").asInt()).isEqualTo(1);
		assertThat(agent.path("capacity").asInt()).isEqualTo(1);
		JsonNode neverOnline = group.path("agents").path(1);
		assertThat(neverOnline.path("name").asString()).isEqualTo(desk.tenant().agent(1).name());
		assertThat(neverOnline.path("status").asString()).isEqualTo("OFFLINE");
		assertThat(neverOnline.has("secondsInStatus")).isFalse();

		JsonNode chats = api.get("/api/v1/supervision/groups/" + desk.tenant().group().id() + "/conversations",
				desk.admin());
		assertThat(chats.valueStream().map(c -> c.path("id").asString())).containsExactly(desk.served(), desk.waiting());
		JsonNode waiting = chats.get(1);
		assertThat(waiting.path("state").asString()).isEqualTo("QUEUED");
		assertThat(waiting.path("late").asBoolean()).isTrue();
		assertThat(chats.get(0).path("agentName").asString()).isEqualTo(desk.tenant().agent(0).name());
	}

	@Test
	void aWhisperReachesTheAgentLiveSetApartAndNeverTheCustomer() {
		Desk desk = busyDesk();
		try (LiveClient agent = LiveClient.authenticated(api.http(), port, desk.agent())) {
			Api.Response whispered = api.call("POST", "/api/v1/supervision/conversations/" + desk.served() + "/whisper",
					desk.admin(), Map.of("text", "Offer the customer a refund."));
			assertThat(whispered.status()).isEqualTo(201);

			JsonNode note = agent.next("note").path("note");
			assertThat(note.path("text").asString()).isEqualTo("Offer the customer a refund.");
			assertThat(note.path("whisper").asBoolean()).isTrue();
		}
		assertThat(api.get("/api/v1/conversations/" + desk.served() + "/messages", desk.servedVisitor())
			.valueStream().map(m -> m.path("text").asString())).doesNotContain("Offer the customer a refund.");
		JsonNode audit = api.get("/api/v1/supervision/audit?conversationId=" + desk.served(), desk.admin());
		assertThat(audit.path(0).path("action").asString()).isEqualTo("WHISPERED");
		assertThat(audit.path(0).path("supervisorName").asString()).isEqualTo("Admin");
	}

	@Test
	void aSupervisorTakesAChatOverFreeingTheAgentsSlotForTheNextCustomer() {
		Desk desk = busyDesk();
		UUID adminId = UUID.fromString(api.get("/api/v1/auth/me", desk.admin()).path("id").asString());

		JsonNode taken = api.post("/api/v1/supervision/conversations/" + desk.served() + "/take-over", desk.admin(),
				Map.of("note", "VIP customer"));

		assertThat(taken.path("agentId").asString()).isEqualTo(adminId.toString());
		assertThat(api.get("/api/v1/supervision/groups/" + desk.tenant().group().id() + "/conversations", desk.admin())
			.valueStream().filter(c -> c.path("id").asString().equals(desk.served())).findFirst().orElseThrow()
			.path("agentName").asString()).as("a supervisor outside the group is named too").isEqualTo("Admin");
		// The agent's freed slot goes to the customer who was waiting.
		await().until(() -> api.get("/api/v1/conversations/" + desk.waiting(), desk.agent()).path("state").asString()
			.equals("ASSIGNED"));
		assertThat(api.get("/api/v1/conversations/" + desk.served() + "/messages", desk.servedVisitor()).valueStream()
			.map(m -> m.path("text").asString())).contains("Transferred to Admin");
		assertThat(api.get("/api/v1/supervision/audit?conversationId=" + desk.served(), desk.admin()).path(0)
			.path("action").asString()).isEqualTo("TOOK_OVER");
		Api.Response again = api.call("POST", "/api/v1/supervision/conversations/" + desk.served() + "/take-over",
				desk.admin(), null);
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.code()).isEqualTo("same-agent");
	}

	@Test
	void watchingAChatIsAudited() {
		Desk desk = busyDesk();
		try (LiveClient supervisor = LiveClient.authenticated(api.http(), port, desk.admin())) {
			supervisor.send("{\"type\":\"watch\",\"id\":\"w\",\"conversationId\":\"" + desk.served() + "\"}");
			supervisor.next("watching");
		}

		List<String> actions = api.get("/api/v1/supervision/audit?conversationId=" + desk.served(), desk.admin())
			.valueStream().map(e -> e.path("action").asString()).toList();
		assertThat(actions).containsExactly("WATCHED");
	}

	@Test
	void onlySupervisorsOfTheGroupMaySuperviseIt() {
		Desk desk = busyDesk();
		String path = "/api/v1/supervision/conversations/" + desk.served();

		assertThat(api.call("GET", "/api/v1/supervision/overview", desk.agent(), null).status()).isEqualTo(403);
		assertThat(api.call("POST", path + "/whisper", desk.agent(), Map.of("text", "hi")).status()).isEqualTo(403);
		assertThat(api.call("POST", path + "/take-over", desk.agent(), null).status()).isEqualTo(403);

		UUID elsewhere = desk.tenant().addGroup(context, "VIP", 10).id();
		context.getBean(StaffMembers.class).create(desk.tenant().id(), desk.tenant().slug() + "-lead",
				TestTenant.PASSWORD, new StaffMembers.Profile("Lead", null, Set.of(Role.SUPERVISOR), 1, true,
						List.of(elsewhere)));
		String lead = api.login(desk.tenant().slug() + "-lead", TestTenant.PASSWORD);
		assertThat(api.call("POST", path + "/take-over", lead, null).status()).isEqualTo(403);
		try (LiveClient watcher = LiveClient.authenticated(api.http(), port, lead)) {
			watcher.send("{\"type\":\"watch\",\"id\":\"w\",\"conversationId\":\"" + desk.served() + "\"}");
			assertThat(watcher.next("error").path("code").asString()).isEqualTo("forbidden");
		}
		assertThat(api.call("GET", "/api/v1/supervision/groups/" + desk.tenant().group().id() + "/conversations", lead,
				null).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/supervision/overview", lead).path("centers").path(0).path("groups")
			.valueStream().map(g -> g.path("name").asString())).containsExactly("VIP");
		assertThat(api.get("/api/v1/conversations/" + desk.served(), desk.agent()).path("agentId").asString())
			.as("nothing changed").isEqualTo(desk.tenant().agent(0).id().toString());
		assertThat(api.get("/api/v1/supervision/audit?conversationId=" + desk.served(), desk.admin())).isEmpty();
	}
}
