package dev.kefu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * Pairs of visitor and agent chatting both ways on a fixed schedule at a target aggregate rate. Each visitor sends at
 * most 5 messages/s and each agent connection at most 20 frames/s (Kefu's limits, docs/protocol.md), so the rate is
 * spread over enough conversations and agents to stay inside them: refusals would measure the limiter, not Kefu.
 */
final class ThroughputScenario {

	private final Args args;
	private final Results results;
	private final ServerProbe server;
	private final Traffic traffic = new Traffic();
	private final Map<String, Chat> chats = new ConcurrentHashMap<>();
	final Desk desk;
	private final List<Chat> pairs;

	private record Sender(Live live, String conversationId, boolean visitor, String prefix) {
	}

	ThroughputScenario(Args args, Results results, ServerProbe server, Clients clients, KefuApi api) throws Exception {
		this.args = args;
		this.results = results;
		this.server = server;
		this.desk = Desk.open(api, clients, args.getInt("agents", 64), (agent, frame) -> onFrame(false, frame));
		int count = args.getInt("pairs", 256);
		List<String> tokens = IdleScenario.visitorTokens(api, count);
		List<Live> visitors = Connector.openAll(clients, count, i -> Connector.auth(tokens.get(i)), Connector::isReady,
				(live, text) -> onVisitorFrame(live, text));
		this.pairs = new ArrayList<>();
		for (int i = 0; i < visitors.size(); i++) {
			Chat chat = new Chat(visitors.get(i), tokens.get(i));
			visitors.get(i).owner = chat;
			pairs.add(chat);
		}
		for (Chat chat : pairs) {
			JsonNode started = KefuApi.ok(api.startChat(chat.visitorToken).join());
			chat.conversationId = started.path("conversation").path("id").asString();
			chats.put(chat.conversationId, chat);
		}
		for (Chat chat : pairs) {
			chat.assigned.get(60, TimeUnit.SECONDS);
		}
		syncAll();
	}

	private void onVisitorFrame(Live live, String text) {
		JsonNode frame = KefuApi.JSON.readTree(text);
		if (frame.path("type").asString().equals("conversation")
				&& frame.path("event").asString().equals("assigned")) {
			((Chat) live.owner).assigned.complete(frame.path("conversation").path("agentId").asString());
			return;
		}
		onFrame(true, frame);
	}

	private void onFrame(boolean atVisitor, JsonNode frame) {
		long now = System.nanoTime();
		switch (frame.path("type").asString()) {
			case "message" -> traffic.message(atVisitor, frame, now);
			case "ack" -> traffic.ack(frame, now);
			case "error" -> traffic.refused(frame);
			case "synced" -> traffic.baseline(atVisitor ? "V:" : "A:", frame.path("conversationId").asString(),
					frame.path("lastSeq").asLong());
			default -> {
			}
		}
	}

	/** Both sides read what is already there (system lines), so that the seq check starts from a known place. */
	private void syncAll() throws InterruptedException {
		for (Chat chat : pairs) {
			String sync = "{\"type\":\"sync\",\"id\":\"sync\",\"conversationId\":\"" + chat.conversationId
					+ "\",\"after\":0}";
			chat.visitor.send(sync);
			desk.byStaffId.get(chat.assigned.join()).live.send(sync);
			Thread.sleep(5); // keeps each agent well inside 20 frames/s
		}
		Thread.sleep(2000);
	}

	void run() throws Exception {
		double warmup = Double.parseDouble(args.get("warmup", "5"));
		double measure = Double.parseDouble(args.get("measure", "20"));
		for (String rate : args.get("rates", "500,1000,2000").split(",")) {
			int r = Integer.parseInt(rate.strip());
			phase("throughput." + r + ".", r, senders(), warmup, measure);
		}
	}

	/** One phase at a fixed rate, its figures under {@code prefix} (another scenario runs its load beside it). */
	void measure(String prefix, int rate, double warmup, double measure) throws Exception {
		phase(prefix, rate, senders(), warmup, measure);
	}

	private List<Sender> senders() {
		List<Sender> senders = new ArrayList<>();
		for (int i = 0; i < pairs.size(); i++) {
			Chat chat = pairs.get(i);
			senders.add(new Sender(chat.visitor, chat.conversationId, true, "v" + i + "-"));
			senders.add(new Sender(desk.byStaffId.get(chat.assigned.join()).live, chat.conversationId, false,
					"a" + i + "-"));
		}
		return senders;
	}

	private void phase(String p, int rate, List<Sender> senders, double warmup, double measure) throws Exception {
		traffic.sent.clear();
		traffic.outOfOrder.set(0);
		traffic.repeated.set(0);
		traffic.deliveredInWindow.set(0);
		traffic.visitorToAgent.reset();
		traffic.agentToVisitor.reset();
		traffic.acks.reset();
		Schedule<Sender> schedule = new Schedule<>(senders, rate);
		CpuMeter cpu = new CpuMeter(server.pid());
		CpuMeter.Reading[] measuredFrom = new CpuMeter.Reading[1];
		schedule.run(warmup, measure, (s, n, due, measured) -> {
			if (measured && measuredFrom[0] == null) {
				measuredFrom[0] = cpu.readUnchecked();
			}
			String id = s.prefix() + p + n;
			traffic.sending(id, due, s.visitor(), measured);
			s.live().send("{\"type\":\"send\",\"id\":\"" + id + "\",\"conversationId\":\"" + s.conversationId()
					+ "\",\"clientMsgId\":\"" + id + "\",\"text\":\"bench message " + n + " at rate " + rate + "\"}");
		});
		cpu.put(results, p, measuredFrom[0], cpu.read());
		int threads = server.threads();
		String load = loadAverage();
		long deadline = System.nanoTime() + 20_000_000_000L;
		while ((traffic.undelivered() > 0 || traffic.unacked() > 0) && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		double perConnection = rate / (double) senders.size();
		results.put(p + "target-per-second", rate);
		results.put(p + "conversations", pairs.size());
		results.put(p + "agents", desk.agents.size());
		results.put(p + "per-visitor-per-second", perConnection);
		results.put(p + "per-agent-connection-per-second", perConnection * pairs.size() / desk.agents.size());
		results.put(p + "delivered-per-second", traffic.deliveredInWindow.get() / measure);
		Latency.put(results, p + "visitor-to-agent", traffic.visitorToAgent.getIntervalHistogram());
		Latency.put(results, p + "agent-to-visitor", traffic.agentToVisitor.getIntervalHistogram());
		Latency.put(results, p + "ack", traffic.acks.getIntervalHistogram());
		results.put(p + "sent", traffic.sent.size());
		results.put(p + "refused", traffic.refusals());
		results.put(p + "unacked", traffic.unacked());
		results.put(p + "lost", traffic.undelivered());
		results.put(p + "duplicated", traffic.duplicated());
		results.put(p + "pushed-out-of-order", traffic.outOfOrder.get());
		results.put(p + "pushed-repeated", traffic.repeated.get());
		results.put(p + "seq-holes-at-end", traffic.holes());
		results.put(p + "server-threads", threads);
		results.put(p + "loadavg", load);
	}

	/** Messages of the current (or last) phase that Kefu acknowledged, so stored. */
	long acked() {
		return traffic.sent.size() - traffic.unacked() - traffic.refusals();
	}

	List<Chat> pairs() {
		return pairs;
	}

	static String loadAverage() throws java.io.IOException {
		return Arrays.stream(Files.readString(Path.of("/proc/loadavg")).split(" ")).limit(3)
			.reduce((a, b) -> a + " " + b).orElse("");
	}
}
