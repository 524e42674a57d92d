package dev.kefu.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.IntakeLimits;
import dev.kefu.testing.Api;
import dev.kefu.testing.LiveClient;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Routing under load, judged by its recorded history: many visitors at once, agents closing chats and changing status
 * at the same time, visitors giving up while they wait. Every agent serves two groups, so the two groups' dispatchers
 * compete for the same slots.
 */
@ServerTest
class ConcurrentRoutingTest {

	static final int AGENTS = 5;
	static final int CAPACITY = 2;
	static final int VISITORS = 200;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	BusinessGroup vip;
	String admin;
	String[] agentTokens;

	record Chat(String visitorToken, String id, boolean givesUp) {
	}

	@Test
	void burstOfConcurrentChatsNeverOverfillsAnAgentOrAssignsTwice() throws Exception {
		api = new Api(port);
		tenant = TestTenant.create(context, AGENTS, CAPACITY, 1000);
		vip = tenant.addGroup(context, "VIP", 1000, tenant.agents().toArray(TestTenant.Agent[]::new));
		// All 200 customers come from this one address within seconds: an organization expecting that raises its
		// limits on new visitors and chats per address.
		context.getBean(IntakeLimits.class)
			.change(tenant.id(), new IntakeLimits.Settings(60_000, VISITORS, 60_000, VISITORS));
		admin = tenant.adminToken(api);
		agentTokens = IntStream.range(0, AGENTS).mapToObj(i -> tenant.agentToken(api, i)).toArray(String[]::new);
		// Each agent keeps a desk connected throughout, so presence never takes them offline however slow the run.
		List<LiveClient> desks = new ArrayList<>();
		try {
			for (String token : agentTokens) {
				desks.add(LiveClient.authenticated(api.http(), port, token));
				api.status(token, "ONLINE");
			}
			servedUnderLoad();
		}
		finally {
			desks.forEach(LiveClient::close);
		}
	}

	private void servedUnderLoad() throws Exception {
		Map<UUID, Integer> mostSeen = new ConcurrentHashMap<>();

		List<Chat> chats = burstWhileAgentsChangeStatus();
		// All slots taken (more would be an overfill, which the checks below name).
		await().atMost(Duration.ofSeconds(20)).until(() -> totalActive() >= AGENTS * CAPACITY);
		for (int i = 0; i < AGENTS; i++) {
			observe(i, mostSeen);
		}

		servedWhileVisitorsGiveUp(chats, mostSeen);

		assertThat(mostSeen.values()).as("most chats an agent was seen holding").allMatch(n -> n <= CAPACITY);
		everyChatEndedAfterAtMostOneAssignmentAndNoAgentWasEverOverCapacity(chats);
		for (int i = 0; i < AGENTS; i++) {
			assertThat(api.get("/api/v1/agents/me", agentTokens[i]).path("active").asInt()).isZero();
			assertThat(api.get("/api/v1/conversations/mine", agentTokens[i]).size()).isZero();
		}
	}

	/** 200 visitors ask at once, half of them for VIP, while four of the five agents go away and come back. */
	private List<Chat> burstWhileAgentsChangeStatus() throws Exception {
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> togglers = new ArrayList<>();
			for (int i = 1; i < AGENTS; i++) {
				String token = agentTokens[i];
				togglers.add(threads.submit(() -> {
					for (int n = 0; n < 10; n++) {
						api.status(token, "AWAY");
						api.status(token, "ONLINE");
					}
				}));
			}
			List<Future<Chat>> started = new ArrayList<>();
			for (int n = 0; n < VISITORS; n++) {
				int visitor = n;
				started.add(threads.submit(() -> {
					String token = api.visitor(tenant.slug());
					JsonNode answer = visitor % 2 == 0 ? api.startChat(token) : api.startChat(token, vip.id());
					assertThat(answer.path("conversation").isObject()).as("intake answered %s", answer).isTrue();
					return new Chat(token, answer.path("conversation").path("id").asString(), visitor % 4 == 1);
				}));
			}
			List<Chat> chats = new ArrayList<>();
			for (Future<Chat> chat : started) {
				chats.add(chat.get());
			}
			for (Future<?> toggler : togglers) {
				toggler.get();
			}
			return chats;
		}
	}

	/**
	 * Each agent closes their chats, two at a time, and now and then steps away and comes back, which makes both
	 * groups' dispatchers reach for the agent's free slots at once. Every fourth visitor gives up once they are next
	 * in line, racing the slot that is about to become theirs.
	 */
	private void servedWhileVisitorsGiveUp(List<Chat> chats, Map<UUID, Integer> mostSeen) throws Exception {
		AtomicBoolean serving = new AtomicBoolean(true);
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> work = new ArrayList<>();
			for (int i = 0; i < AGENTS; i++) {
				int agent = i;
				work.add(threads.submit(() -> serve(agent, serving, mostSeen)));
			}
			for (Chat chat : chats) {
				if (chat.givesUp()) {
					work.add(threads.submit(() -> giveUpWhenNext(chat, serving)));
				}
			}
			try {
				await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(this::allServed);
			}
			finally {
				serving.set(false);
			}
			for (Future<?> future : work) {
				future.get();
			}
		}
	}

	private void serve(int agent, AtomicBoolean serving, Map<UUID, Integer> mostSeen) {
		String token = agentTokens[agent];
		try (LiveClient desk = LiveClient.authenticated(api.http(), port, token);
				ExecutorService closers = Executors.newVirtualThreadPerTaskExecutor()) {
			int round = 0;
			while (serving.get()) {
				List<String> mine = observe(agent, mostSeen);
				if (mine.isEmpty()) {
					desk.poll(Duration.ofMillis(100)); // woken early by the next frame, e.g. an assignment
					continue;
				}
				List<Future<Api.Response>> closing = mine.stream()
					.map(id -> closers.submit(() -> api.call("POST", "/api/v1/conversations/" + id + "/close", token,
							"{\"reason\":\"resolved\"}")))
					.toList();
				for (Future<Api.Response> close : closing) {
					Api.Response response = close.get();
					// 409: the customer left first.
					assertThat(response.status()).as(response.text()).isIn(200, 409);
				}
				if (agent > 0 && ++round % 3 == 0) {
					api.status(token, "AWAY");
					api.status(token, "ONLINE");
				}
			}
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private List<String> observe(int agent, Map<UUID, Integer> mostSeen) {
		JsonNode mine = api.get("/api/v1/conversations/mine", agentTokens[agent]);
		int active = api.get("/api/v1/agents/me", agentTokens[agent]).path("active").asInt();
		mostSeen.merge(tenant.agent(agent).id(), Math.max(mine.size(), active), Math::max);
		return mine.valueStream().map(c -> c.path("id").asString()).toList();
	}

	/** The widget shows the live queue place; at place 1 (or once served) the visitor leaves. */
	private void giveUpWhenNext(Chat chat, AtomicBoolean serving) {
		try (LiveClient widget = LiveClient.authenticated(api.http(), port, chat.visitorToken())) {
			while (serving.get()) {
				JsonNode frame = widget.poll(Duration.ofSeconds(1));
				if (frame == null) {
					// Frames are best effort; the HTTP answer is the truth.
					Api.Response place = api.call("GET", "/api/v1/visitor/conversations/" + chat.id() + "/queue",
							chat.visitorToken(), null);
					if (place.status() == 404 || place.body().path("position").asInt() == 1) {
						break;
					}
				}
				else if (frame.path("conversationId").asString().equals(chat.id())
						&& frame.path("type").asString().equals("queue") && frame.path("position").asInt() == 1) {
					break;
				}
				else if (frame.path("type").asString().equals("conversation")
						&& frame.path("conversation").path("id").asString().equals(chat.id())) {
					break;
				}
			}
		}
		Api.Response ended = api.call("POST", "/api/v1/visitor/conversations/" + chat.id() + "/end",
				chat.visitorToken(), null);
		assertThat(ended.status()).as(ended.text()).isIn(200, 409);
	}

	private boolean allServed() {
		for (UUID group : List.of(tenant.group().id(), vip.id())) {
			if (api.get("/api/v1/groups/" + group + "/queue", admin).path("waiting").size() > 0) {
				return false;
			}
		}
		return totalActive() == 0;
	}

	private int totalActive() {
		return api.get("/api/v1/groups/" + tenant.group().id() + "/queue", admin)
			.path("agents")
			.valueStream()
			.mapToInt(a -> a.path("active").asInt())
			.sum();
	}

	/**
	 * From each conversation's recorded transitions: it ended, at most one assignment, nothing after the end; and
	 * replaying all assignments and closes in time order, no agent ever held more than their capacity.
	 */
	private void everyChatEndedAfterAtMostOneAssignmentAndNoAgentWasEverOverCapacity(List<Chat> chats) {
		record Step(Instant at, UUID agentId, int change) {
		}
		List<Step> steps = new ArrayList<>();
		Set<String> ends = Set.of("closed", "abandoned");
		for (Chat chat : chats) {
			List<JsonNode> transitions = api.get("/api/v1/conversations/" + chat.id() + "/transitions", admin)
				.valueStream()
				.toList();
			List<String> kinds = transitions.stream().map(t -> t.path("kind").asString()).toList();
			assertThat(kinds).as("transitions of %s", chat.id()).startsWith("opened");
			assertThat(kinds.stream().filter("assigned"::equals)).as("assignments of %s: %s", chat.id(), kinds)
				.hasSizeLessThanOrEqualTo(1);
			assertThat(ends).as("how %s ended: %s", chat.id(), kinds).contains(kinds.getLast());
			assertThat(kinds.subList(0, kinds.size() - 1)).as("%s went on after its end", chat.id())
				.doesNotContainAnyElementsOf(ends);
			String state = api.get("/api/v1/conversations/" + chat.id(), admin).path("state").asString();
			assertThat(state).isEqualTo(kinds.contains("assigned") ? "CLOSED" : "ABANDONED");
			JsonNode assigned = transitions.stream()
				.filter(t -> t.path("kind").asString().equals("assigned"))
				.findFirst()
				.orElse(null);
			if (assigned != null) {
				UUID agentId = UUID.fromString(assigned.path("agentId").asString());
				steps.add(new Step(Instant.parse(assigned.path("at").asString()), agentId, +1));
				steps.add(new Step(Instant.parse(transitions.getLast().path("at").asString()), agentId, -1));
			}
		}
		assertThat(steps.stream().filter(s -> s.change() > 0)).as("chats that were served").isNotEmpty();
		// At the same instant a close counts before an assignment: the slot was freed first.
		steps.sort(Comparator.comparing(Step::at).thenComparing(Step::change));
		Map<UUID, Integer> holding = new ConcurrentHashMap<>();
		for (Step step : steps) {
			int now = holding.merge(step.agentId(), step.change(), Integer::sum);
			assertThat(now).as("chats agent %s held at %s", step.agentId(), step.at()).isLessThanOrEqualTo(CAPACITY);
		}
	}
}
