package dev.kefu.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.Groups;
import dev.kefu.organization.IntakeLimits;
import dev.kefu.organization.QueueAccess;
import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Agents with small capacities pick from the queue at the same time, several picks per agent at once and many agents
 * after the same chats, while routing assigns in the same group and the agents close chats to make room. Judged by
 * the picks' answers and by the recorded history: no chat given twice, no agent ever over capacity.
 */
@ServerTest
class ConcurrentPickingTest {

	static final int AGENTS = 4;
	static final int CAPACITY = 2;
	static final int CHATS_PER_GROUP = 30;
	static final int PICKERS_PER_AGENT = 2;
	static final Set<String> REFUSALS = Set.of("chat-taken", "agent-full", "pick-contended");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	BusinessGroup pickOnly;
	String admin;
	String[] agentTokens;

	record Picked(String conversationId, int agent) {
	}

	@Test
	void agentsPickingAtOnceWhileRoutingRunsNeverOverfillAnAgentOrGiveAChatTwice() throws Exception {
		api = new Api(port);
		tenant = TestTenant.create(context, AGENTS, CAPACITY, 1000);
		Groups groups = context.getBean(Groups.class);
		// "General" assigns automatically and lets agents pick; "Picks" waits for the agents.
		groups.changeQueueAccess(tenant.id(), tenant.group().id(), new QueueAccess(true, true));
		pickOnly = tenant.addGroup(context, "Picks", 1000, tenant.agents().toArray(TestTenant.Agent[]::new));
		groups.changeQueueAccess(tenant.id(), pickOnly.id(), new QueueAccess(false, true));
		context.getBean(IntakeLimits.class)
			.change(tenant.id(), new IntakeLimits.Settings(60_000, 2 * CHATS_PER_GROUP, 60_000, 2 * CHATS_PER_GROUP));
		admin = tenant.adminToken(api);
		agentTokens = IntStream.range(0, AGENTS).mapToObj(i -> tenant.agentToken(api, i)).toArray(String[]::new);
		List<LiveClient> desks = new ArrayList<>();
		try {
			for (String token : agentTokens) {
				desks.add(LiveClient.authenticated(api.http(), port, token));
				api.status(token, "ONLINE");
			}
			servedByPicksAndRouting(desks);
		}
		finally {
			desks.forEach(LiveClient::close);
		}
	}

	/** Each agent's hands share the agent's one desk connection, whose frames wake them early. */
	private void servedByPicksAndRouting(List<LiveClient> desks) throws Exception {
		List<String> chats = burst();
		Map<UUID, Integer> mostSeen = new ConcurrentHashMap<>();
		Queue<Picked> picked = new ConcurrentLinkedQueue<>();
		Queue<String> refusals = new ConcurrentLinkedQueue<>();
		AtomicBoolean serving = new AtomicBoolean(true);
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> work = new ArrayList<>();
			for (int i = 0; i < AGENTS; i++) {
				int agent = i;
				for (int p = 0; p < PICKERS_PER_AGENT; p++) {
					work.add(threads.submit(() -> pick(agent, desks.get(agent), serving, picked, refusals)));
				}
				work.add(threads.submit(() -> close(agent, desks.get(agent), serving, mostSeen)));
			}
			try {
				await().atMost(Duration.ofSeconds(120))
					.pollInterval(Duration.ofMillis(250))
					.until(() -> noneFailed(work) && allServed());
			}
			finally {
				serving.set(false);
			}
			for (Future<?> future : work) {
				future.get();
			}
		}

		Map<String, Long> wins = picked.stream().collect(Collectors.groupingBy(Picked::conversationId, Collectors.counting()));
		assertThat(wins).as("chats picked more than once").allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
		assertThat(refusals).as("refusals").allMatch(REFUSALS::contains);
		assertThat(refusals).as("picks that lost a race").contains("chat-taken");
		assertThat(mostSeen.values()).as("most chats an agent was seen holding").allMatch(n -> n <= CAPACITY);
		Map<String, UUID> assignedTo = everyChatClosedAfterOneAssignmentAndNoAgentWasEverOverCapacity(chats);
		picked.forEach(p -> assertThat(assignedTo.get(p.conversationId())).as("who holds picked %s", p.conversationId())
			.isEqualTo(tenant.agent(p.agent()).id()));
		assertThat(chats.stream().filter(id -> !wins.containsKey(id)).count()).as("chats routing assigned")
			.isPositive();
		assertThat(wins).as("chats agents picked").isNotEmpty();
	}

	/** Half the chats in each group, all at once. */
	private List<String> burst() throws Exception {
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<String>> started = new ArrayList<>();
			for (int n = 0; n < 2 * CHATS_PER_GROUP; n++) {
				int visitor = n;
				started.add(threads.submit(() -> {
					String token = api.visitor(tenant.slug());
					JsonNode answer = visitor % 2 == 0 ? api.startChat(token) : api.startChat(token, pickOnly.id());
					assertThat(answer.path("conversation").isObject()).as("intake answered %s", answer).isTrue();
					return answer.path("conversation").path("id").asString();
				}));
			}
			List<String> chats = new ArrayList<>();
			for (Future<String> chat : started) {
				chats.add(chat.get());
			}
			return chats;
		}
	}

	/**
	 * One of an agent's picking hands: the chat waiting longest (which every agent goes for) or a random one. A free
	 * slot or a new chat wakes it through the queue frames.
	 */
	private void pick(int agent, LiveClient desk, AtomicBoolean serving, Queue<Picked> picked, Queue<String> refusals) {
		String token = agentTokens[agent];
		while (serving.get()) {
			List<String> waiting = api.get("/api/v1/queue", token)
				.path("waiting")
				.valueStream()
				.map(w -> w.path("conversationId").asString())
				.toList();
			if (waiting.isEmpty()) {
				desk.poll(Duration.ofMillis(100));
				continue;
			}
			String id = ThreadLocalRandom.current().nextBoolean() ? waiting.getFirst()
					: waiting.get(ThreadLocalRandom.current().nextInt(waiting.size()));
			Api.Response response = api.call("POST", "/api/v1/queue/" + id + "/pick", token, null);
			assertThat(response.status()).as(response.text()).isIn(200, 409);
			if (response.status() == 200) {
				picked.add(new Picked(id, agent));
			}
			else {
				refusals.add(response.code());
			}
			desk.poll(Duration.ofMillis(20)); // a person's next click; also keeps the hands from starving the pool
		}
	}

	/** The agent closes whatever they hold, noting the most they were ever seen holding. */
	private void close(int agent, LiveClient desk, AtomicBoolean serving, Map<UUID, Integer> mostSeen) {
		String token = agentTokens[agent];
		while (serving.get()) {
			JsonNode mine = api.get("/api/v1/conversations/mine", token);
			int active = api.get("/api/v1/agents/me", token).path("active").asInt();
			mostSeen.merge(tenant.agent(agent).id(), Math.max(mine.size(), active), Math::max);
			if (mine.isEmpty()) {
				desk.poll(Duration.ofMillis(100));
				continue;
			}
			for (JsonNode chat : mine) {
				Api.Response closed = api.call("POST", "/api/v1/conversations/" + chat.path("id").asString()
						+ "/close", token, "{\"reason\":\"resolved\"}");
				assertThat(closed.status()).as(closed.text()).isEqualTo(200);
			}
		}
	}

	/** A hand that failed ends the wait at once, with its failure. */
	private static boolean noneFailed(List<Future<?>> work) throws Exception {
		for (Future<?> future : work) {
			if (future.isDone()) {
				future.get();
			}
		}
		return true;
	}

	private boolean allServed() {
		if (api.get("/api/v1/queue", admin).path("waitingCount").asInt() > 0) {
			return false;
		}
		return api.get("/api/v1/groups/" + tenant.group().id() + "/queue", admin)
			.path("agents")
			.valueStream()
			.mapToInt(a -> a.path("active").asInt())
			.sum() == 0;
	}

	/**
	 * From each conversation's recorded transitions: exactly one assignment, then closed; replaying assignments and
	 * closes in time order, no agent ever held more than their capacity. Answers who each chat was assigned to.
	 */
	private Map<String, UUID> everyChatClosedAfterOneAssignmentAndNoAgentWasEverOverCapacity(List<String> chats) {
		record Step(Instant at, UUID agentId, int change) {
		}
		List<Step> steps = new ArrayList<>();
		Map<String, UUID> assignedTo = new ConcurrentHashMap<>();
		for (String id : chats) {
			List<JsonNode> transitions = api.get("/api/v1/conversations/" + id + "/transitions", admin)
				.valueStream()
				.toList();
			List<String> kinds = transitions.stream().map(t -> t.path("kind").asString()).toList();
			assertThat(kinds).as("transitions of %s", id).containsExactly("opened", "assigned", "closed");
			JsonNode assigned = transitions.get(1);
			UUID agentId = UUID.fromString(assigned.path("agentId").asString());
			assignedTo.put(id, agentId);
			steps.add(new Step(Instant.parse(assigned.path("at").asString()), agentId, +1));
			steps.add(new Step(Instant.parse(transitions.getLast().path("at").asString()), agentId, -1));
		}
		// At the same instant a close counts before an assignment: the slot was freed first.
		steps.sort(Comparator.comparing(Step::at).thenComparing(Step::change));
		Map<UUID, Integer> holding = new ConcurrentHashMap<>();
		for (Step step : steps) {
			int now = holding.merge(step.agentId(), step.change(), Integer::sum);
			assertThat(now).as("chats agent %s held at %s", step.agentId(), step.at()).isLessThanOrEqualTo(CAPACITY);
		}
		return assignedTo;
	}
}
