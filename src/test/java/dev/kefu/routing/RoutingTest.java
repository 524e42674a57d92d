package dev.kefu.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.Role;
import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** Who gets a new chat, who waits and in which order, and how chats move between agents and groups. */
@ServerTest
class RoutingTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	record Chat(String visitorToken, String id) {
	}

	@Test
	void newChatGoesToAgentWithMostFreeCapacity() {
		TestTenant tenant = TestTenant.create(context, 2, 3);
		Desk desk = new Desk(tenant);
		api.status(desk.agents[0], "ONLINE");
		Chat first = startChat(tenant);
		Chat second = startChat(tenant);
		assertThat(awaitAssigned(desk, first)).isEqualTo(tenant.agent(0).id());
		assertThat(awaitAssigned(desk, second)).isEqualTo(tenant.agent(0).id());

		api.status(desk.agents[1], "ONLINE");
		// Agent 2 has 3 free slots against agent 1's one: the next two chats are theirs.
		assertThat(awaitAssigned(desk, startChat(tenant))).isEqualTo(tenant.agent(1).id());
		assertThat(awaitAssigned(desk, startChat(tenant))).isEqualTo(tenant.agent(1).id());
		assertThat(api.get("/api/v1/conversations/mine", desk.agents[0]).size()).isEqualTo(2);
		assertThat(api.get("/api/v1/conversations/mine", desk.agents[1]).size()).isEqualTo(2);
	}

	@Test
	void groupsListTheirAgentsWithStatusAndLoadForTransfers() {
		TestTenant tenant = TestTenant.create(context, 2, 3);
		Desk desk = new Desk(tenant);
		api.status(desk.agents[0], "ONLINE");
		awaitAssigned(desk, startChat(tenant));

		JsonNode groups = api.get("/api/v1/groups", desk.agents[1]);

		assertThat(groups).hasSize(1);
		assertThat(groups.get(0).path("name").asString()).isEqualTo(tenant.group().name());
		JsonNode first = groups.get(0).path("agents").findParents("staffId").stream()
			.filter(a -> a.path("staffId").asString().equals(tenant.agent(0).id().toString()))
			.findFirst()
			.orElseThrow();
		assertThat(first.path("status").asString()).isEqualTo("ONLINE");
		assertThat(first.path("active").asInt()).isEqualTo(1);
		assertThat(api.call("GET", "/api/v1/groups", api.visitor(tenant.slug()), null).status()).isEqualTo(403);
	}

	@Test
	void equalFreeCapacityGoesToAgentWhoseLastChatIsLongestAgo() {
		TestTenant tenant = TestTenant.create(context, 2, 3);
		Desk desk = new Desk(tenant);
		api.status(desk.agents[0], "ONLINE");
		api.status(desk.agents[1], "ONLINE");
		UUID firstServed = awaitAssigned(desk, startChat(tenant));
		UUID secondServed = awaitAssigned(desk, startChat(tenant));
		assertThat(secondServed).as("the other agent had more free capacity").isNotEqualTo(firstServed);

		// Both have two free slots now; the one who got a chat longest ago is next, then it alternates.
		assertThat(awaitAssigned(desk, startChat(tenant))).isEqualTo(firstServed);
		assertThat(awaitAssigned(desk, startChat(tenant))).isEqualTo(secondServed);
	}

	@Test
	void waitingChatsAreServedOldestFirstWhenASlotFrees() {
		TestTenant tenant = TestTenant.create(context, 1, 1);
		Desk desk = new Desk(tenant);
		api.status(desk.agents[0], "ONLINE");
		Chat served = startChat(tenant);
		awaitAssigned(desk, served);
		Chat oldest = startChat(tenant);
		Chat middle = startChat(tenant);
		Chat newest = startChat(tenant);

		JsonNode oldestPlace = queue(oldest);
		JsonNode middlePlace = queue(middle);
		JsonNode newestPlace = queue(newest);
		assertThat(oldestPlace.path("position").asInt()).isEqualTo(1);
		assertThat(middlePlace.path("position").asInt()).isEqualTo(2);
		assertThat(newestPlace.path("position").asInt()).isEqualTo(3);
		assertThat(oldestPlace.path("estimatedWaitSeconds").asLong()).isPositive();
		assertThat(middlePlace.path("estimatedWaitSeconds").asLong())
			.isGreaterThan(oldestPlace.path("estimatedWaitSeconds").asLong());
		assertThat(newestPlace.path("estimatedWaitSeconds").asLong())
			.isGreaterThan(middlePlace.path("estimatedWaitSeconds").asLong());

		close(desk.agents[0], served);
		assertThat(awaitAssigned(desk, oldest)).isEqualTo(tenant.agent(0).id());
		assertThat(state(desk, middle)).isEqualTo("QUEUED");
		assertThat(queue(middle).path("position").asInt()).isEqualTo(1);
		assertThat(queue(newest).path("position").asInt()).isEqualTo(2);

		close(desk.agents[0], oldest);
		assertThat(awaitAssigned(desk, middle)).isEqualTo(tenant.agent(0).id());
		assertThat(state(desk, newest)).isEqualTo("QUEUED");
		assertThat(queue(newest).path("position").asInt()).isEqualTo(1);
	}

	@Test
	void agentWhoIsAwayOrOfflineGetsNoNewChats() {
		TestTenant tenant = TestTenant.create(context, 3, 2);
		Desk desk = new Desk(tenant);
		api.status(desk.agents[0], "AWAY");
		api.status(desk.agents[1], "ONLINE");
		api.status(desk.agents[2], "OFFLINE");
		Chat first = startChat(tenant);
		Chat second = startChat(tenant);
		Chat third = startChat(tenant);
		assertThat(awaitAssigned(desk, first)).isEqualTo(tenant.agent(1).id());
		assertThat(awaitAssigned(desk, second)).isEqualTo(tenant.agent(1).id());
		stillQueued(desk, third);
		assertThat(api.get("/api/v1/conversations/mine", desk.agents[0]).size()).isZero();
		assertThat(api.get("/api/v1/conversations/mine", desk.agents[2]).size()).isZero();

		api.status(desk.agents[0], "ONLINE");
		assertThat(awaitAssigned(desk, third)).isEqualTo(tenant.agent(0).id());
	}

	@Test
	void withNoAgentOnlineTheVisitorIsToldSoInsteadOfQueued() {
		TestTenant tenant = TestTenant.create(context, 2, 2);
		Desk desk = new Desk(tenant);
		String visitor = api.visitor(tenant.slug());
		assertThat(api.startChat(visitor).path("unavailable").asString()).isEqualTo("NO_AGENT_ONLINE");

		api.status(desk.agents[0], "AWAY");
		api.status(desk.agents[1], "ONLINE");
		api.status(desk.agents[1], "OFFLINE");
		JsonNode answer = api.startChat(visitor);
		assertThat(answer.path("unavailable").asString()).isEqualTo("NO_AGENT_ONLINE");
		assertThat(answer.has("conversation")).isFalse();
		assertThat(api.call("GET", "/api/v1/visitor/conversations/current", visitor, null).status()).isEqualTo(404);
	}

	@Test
	void chatsBeyondTheGroupsQueueLimitAreRefusedAsQueueFull() {
		TestTenant tenant = TestTenant.create(context, 1, 1, 2);
		Desk desk = new Desk(tenant);
		api.status(desk.agents[0], "ONLINE");
		Chat served = startChat(tenant);
		awaitAssigned(desk, served);
		startChat(tenant);
		startChat(tenant);

		String late = api.visitor(tenant.slug());
		JsonNode answer = api.startChat(late);
		assertThat(answer.path("unavailable").asString()).isEqualTo("QUEUE_FULL");
		assertThat(answer.has("conversation")).isFalse();
		assertThat(api.get("/api/v1/groups/" + tenant.group().id() + "/queue", desk.admin).path("waiting").size())
			.isEqualTo(2);

		close(desk.agents[0], served);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> api.get("/api/v1/groups/" + tenant.group().id() + "/queue", desk.admin).path("waiting")
				.size() == 1);
		assertThat(api.startChat(late).path("conversation").path("state").asString()).isEqualTo("QUEUED");
	}

	@Test
	void transferToAnotherAgentWithANoteShowsTheReceiverTheWholeHistory() {
		TestTenant tenant = TestTenant.create(context, 2, 2);
		Desk desk = new Desk(tenant);
		api.status(desk.agents[0], "ONLINE");
		Chat chat = startChat(tenant);
		awaitAssigned(desk, chat);
		api.status(desk.agents[1], "ONLINE");
		send(chat.visitorToken(), chat, "v-1", "我的订单没有到");
		send(desk.agents[0], chat, "a-1", "Let me check the courier");

		api.post("/api/v1/conversations/" + chat.id() + "/transfer", desk.agents[0],
				"{\"toAgentId\":\"" + tenant.agent(1).id() + "\",\"note\":\"refund approved, needs a new address\"}");

		assertThat(api.get("/api/v1/conversations/mine", desk.agents[1]).valueStream().map(c -> c.path("id").asString()))
			.containsExactly(chat.id());
		assertThat(api.get("/api/v1/conversations/mine", desk.agents[0]).size()).isZero();
		assertThat(texts(desk.agents[1], chat)).contains("我的订单没有到", "Let me check the courier");
		assertThat(api.get("/api/v1/conversations/" + chat.id() + "/notes", desk.agents[1]).valueStream()
			.map(n -> n.path("text").asString())).anyMatch(text -> text.contains("refund approved, needs a new address"));
		JsonNode transfer = api.get("/api/v1/conversations/" + chat.id() + "/transitions", desk.agents[1])
			.valueStream()
			.filter(t -> t.path("kind").asString().equals("transferred"))
			.findFirst()
			.orElseThrow();
		assertThat(transfer.path("agentId").asString()).isEqualTo(tenant.agent(1).id().toString());
		assertThat(transfer.path("note").asString()).isEqualTo("refund approved, needs a new address");
		assertThat(load(desk.agents[0]).path("active").asInt()).isZero();
		assertThat(load(desk.agents[1]).path("active").asInt()).isEqualTo(1);

		// The receiver now writes in the chat and the customer gets it; the previous agent no longer can.
		try (LiveClient visitor = LiveClient.authenticated(api.http(), port, chat.visitorToken())) {
			send(desk.agents[1], chat, "b-1", "I have your new address");
			assertThat(visitor.next(f -> f.path("type").asString().equals("message")
					&& f.path("message").path("clientMsgId").asString().equals("b-1"), "reply of the new agent")
				.path("message").path("sender").path("name").asString()).isEqualTo(tenant.agent(1).name());
		}
		assertThat(api.call("POST", "/api/v1/conversations/" + chat.id() + "/messages", desk.agents[0],
				"{\"clientMsgId\":\"a-2\",\"text\":\"still here?\"}").status()).isEqualTo(403);
	}

	@Test
	void transferToAnotherGroupWithANoteGoesToThatGroupsAgentWithTheWholeHistory() {
		TestTenant tenant = TestTenant.create(context, 2, 2);
		BusinessGroup tier2 = tenant.addGroup(context, "Tier 2", 10, tenant.agent(1));
		Desk desk = new Desk(tenant);
		api.status(desk.agents[0], "ONLINE");
		Chat chat = startChat(tenant);
		assertThat(awaitAssigned(desk, chat)).isEqualTo(tenant.agent(0).id());
		send(chat.visitorToken(), chat, "v-1", "I was charged twice");

		api.post("/api/v1/conversations/" + chat.id() + "/transfer", desk.agents[0],
				"{\"toGroupId\":\"" + tier2.id() + "\",\"note\":\"double charge on 3 May\"}");
		assertThat(state(desk, chat)).isEqualTo("QUEUED");
		assertThat(load(desk.agents[0]).path("active").asInt()).isZero();

		api.status(desk.agents[1], "ONLINE");
		assertThat(awaitAssigned(desk, chat)).isEqualTo(tenant.agent(1).id());
		assertThat(api.get("/api/v1/conversations/" + chat.id(), desk.agents[1]).path("groupId").asString())
			.isEqualTo(tier2.id().toString());
		assertThat(texts(desk.agents[1], chat)).contains("I was charged twice");
		assertThat(api.get("/api/v1/conversations/" + chat.id() + "/notes", desk.agents[1]).valueStream()
			.map(n -> n.path("text").asString())).anyMatch(text -> text.contains("double charge on 3 May"));
	}

	@Test
	void slotFreedByClosingAChatServesWaitingChatsOfTheAgentsOtherGroups() {
		TestTenant tenant = TestTenant.create(context, 1, 1);
		BusinessGroup vip = tenant.addGroup(context, "VIP", 10, tenant.agent(0));
		Desk desk = new Desk(tenant);
		api.status(desk.agents[0], "ONLINE");
		Chat general = startChat(tenant);
		awaitAssigned(desk, general);
		String vipVisitor = api.visitor(tenant.slug());
		Chat waiting = new Chat(vipVisitor, api.startChat(vipVisitor, vip.id()).path("conversation").path("id").asString());
		stillQueued(desk, waiting);

		close(desk.agents[0], general);
		assertThat(awaitAssigned(desk, waiting)).isEqualTo(tenant.agent(0).id());
	}

	@Test
	void slotFreedByTransferringAChatAwayServesTheNextWaitingChat() {
		TestTenant tenant = TestTenant.create(context, 2, 1);
		// The receiver serves another group only, so the waiting chat can only go to the agent who transfers.
		TestTenant.Agent receiver = tenant.agent(1);
		context.getBean(StaffMembers.class)
			.update(tenant.id(), receiver.id(), new StaffMembers.Profile(receiver.name(), null,
					Set.of(Role.AGENT), 1, true,
					List.of(tenant.addGroup(context, "Returns", 10).id())));
		Desk desk = new Desk(tenant);
		api.status(desk.agents[0], "ONLINE");
		api.status(desk.agents[1], "ONLINE");
		Chat first = startChat(tenant);
		assertThat(awaitAssigned(desk, first)).isEqualTo(tenant.agent(0).id());
		Chat next = startChat(tenant);
		stillQueued(desk, next);

		api.post("/api/v1/conversations/" + first.id() + "/transfer", desk.agents[0],
				"{\"toAgentId\":\"" + receiver.id() + "\",\"note\":\"return request\"}");
		assertThat(awaitAssigned(desk, next)).isEqualTo(tenant.agent(0).id());
	}

	/** Tokens of one tenant's staff. */
	final class Desk {

		final String[] agents;
		final String admin;

		Desk(TestTenant tenant) {
			agents = new String[tenant.agents().size()];
			for (int i = 0; i < agents.length; i++) {
				agents[i] = tenant.agentToken(api, i);
			}
			admin = tenant.adminToken(api);
		}
	}

	private Chat startChat(TestTenant tenant) {
		String visitor = api.visitor(tenant.slug());
		JsonNode started = api.startChat(visitor);
		assertThat(started.path("conversation").isObject()).as("intake answered %s", started).isTrue();
		return new Chat(visitor, started.path("conversation").path("id").asString());
	}

	private UUID awaitAssigned(Desk desk, Chat chat) {
		await().atMost(Duration.ofSeconds(5)).until(() -> state(desk, chat).equals("ASSIGNED"));
		return UUID.fromString(api.get("/api/v1/conversations/" + chat.id(), desk.admin).path("agentId").asString());
	}

	/** The chat waits and keeps waiting: no assignment shows up within a second. */
	private void stillQueued(Desk desk, Chat chat) {
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
			.until(() -> state(desk, chat).equals("QUEUED"));
	}

	private String state(Desk desk, Chat chat) {
		return api.get("/api/v1/conversations/" + chat.id(), desk.admin).path("state").asString();
	}

	private JsonNode queue(Chat chat) {
		return api.get("/api/v1/visitor/conversations/" + chat.id() + "/queue", chat.visitorToken());
	}

	private JsonNode load(String agentToken) {
		return api.get("/api/v1/agents/me", agentToken);
	}

	private void close(String agentToken, Chat chat) {
		api.post("/api/v1/conversations/" + chat.id() + "/close", agentToken, "{\"reason\":\"resolved\"}");
	}

	private void send(String token, Chat chat, String clientMsgId, String text) {
		api.post("/api/v1/conversations/" + chat.id() + "/messages", token,
				Api.json.writeValueAsString(Map.of("clientMsgId", clientMsgId, "text", text)));
	}

	private List<String> texts(String token, Chat chat) {
		return api.get("/api/v1/conversations/" + chat.id() + "/messages?after=0", token).valueStream()
			.map(m -> m.path("text").asString())
			.toList();
	}
}
