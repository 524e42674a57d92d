package dev.kefu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Recorder;

import tools.jackson.databind.JsonNode;

/**
 * A burst of new chats at a fixed rate, from visitors already connected (as an open widget is), with the agents of
 * the throughput scenario online. Latency runs from the time the request was due to the {@code assigned} push on the
 * visitor's connection; each agent counts the chats it holds from its own pushes, to catch one over capacity.
 *
 * <p>A shorter warm-up burst runs first, and its visitors end their chats before the measured one starts: without it
 * the measured burst is the first time the server runs the intake and assignment code at all, and what it measures is
 * mostly the JIT compiler (a third of the server's CPU in a profiled cold run), not a server in service.
 */
final class BurstScenario {

	private BurstScenario() {
	}

	/** The figures of one burst. */
	private record Outcome(int chats, double sendSeconds, int assigned, int unavailable, int failed, long unanswered,
			Recorder assignedAfter, Recorder answeredAfter, List<Chat> chatList, List<Live> visitors) {
	}

	static void run(Args args, Results results, Clients clients, KefuApi api, Desk desk, ServerProbe server)
			throws Exception {
		int rate = args.getInt("burst-rate", 200);
		int seconds = args.getInt("burst-seconds", 5);
		int warmupSeconds = args.getInt("burst-warmup-seconds", 3);
		if (warmupSeconds > 0) {
			Outcome warmup = burst(clients, api, rate, rate * warmupSeconds, () -> {
			});
			endAll(api, warmup);
			results.put("burst.warmup-chats", warmup.chats());
			results.put("burst.warmup-assigned", warmup.assigned());
		}
		CpuMeter cpu = new CpuMeter(server.pid());
		CpuMeter.Reading[] from = new CpuMeter.Reading[1];
		Outcome measured = burst(clients, api, rate, rate * seconds, () -> from[0] = cpu.readUnchecked());
		cpu.put(results, "burst.", from[0], cpu.read());
		String p = "burst.";
		results.put(p + "target-per-second", rate);
		results.put(p + "achieved-per-second", measured.chats() / measured.sendSeconds());
		results.put(p + "chats", measured.chats());
		results.put(p + "assigned", measured.assigned());
		results.put(p + "unavailable", measured.unavailable());
		results.put(p + "failed", measured.failed());
		results.put(p + "unanswered-after-60s", measured.unanswered());
		Latency.put(results, p + "assigned-after", measured.assignedAfter().getIntervalHistogram());
		Latency.put(results, p + "http-answer", measured.answeredAfter().getIntervalHistogram());
		results.put(p + "agents", desk.agents.size());
		results.put(p + "agent-capacity", desk.capacity());
		results.put(p + "agent-peak-load", desk.peakLoad());
		results.put(p + "agents-over-capacity", desk.overCapacity());
		results.put(p + "loadavg", ThroughputScenario.loadAverage());
		measured.visitors().forEach(Live::close);
	}

	/** One burst; {@code starting} runs when the visitors are connected and the first chat is about to be asked. */
	private static Outcome burst(Clients clients, KefuApi api, int rate, int count, Runnable starting)
			throws Exception {
		Recorder assignedAfter = Latency.recorder();
		Recorder answeredAfter = Latency.recorder();
		AtomicInteger assigned = new AtomicInteger();
		List<String> tokens = IdleScenario.visitorTokens(api, count);
		List<Live> visitors = Connector.openAll(clients, count, i -> Connector.auth(tokens.get(i)), Connector::isReady,
				(live, text) -> {
					JsonNode frame = KefuApi.JSON.readTree(text);
					Chat chat = (Chat) live.owner;
					if (frame.path("type").asString().equals("conversation")
							&& frame.path("event").asString().equals("assigned") && !chat.assigned.isDone()) {
						Latency.record(assignedAfter, System.nanoTime() - chat.askedAt);
						assigned.incrementAndGet();
						chat.assigned.complete(frame.path("conversation").path("agentId").asString());
					}
				});
		List<Chat> chats = new ArrayList<>();
		for (int i = 0; i < visitors.size(); i++) {
			Chat chat = new Chat(visitors.get(i), tokens.get(i));
			visitors.get(i).owner = chat;
			chats.add(chat);
		}
		AtomicInteger unavailable = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		List<CompletableFuture<?>> answers = new ArrayList<>();
		starting.run();
		long start = System.nanoTime() + 50_000_000L;
		long period = 1_000_000_000L / rate;
		for (int i = 0; i < chats.size(); i++) {
			Chat chat = chats.get(i);
			long due = start + i * period;
			while (System.nanoTime() < due) {
				LockSupport.parkNanos(Math.max(1, due - System.nanoTime()));
			}
			chat.askedAt = due;
			answers.add(api.startChat(chat.visitorToken).whenComplete((response, failure) -> {
				Latency.record(answeredAfter, System.nanoTime() - due);
				if (failure != null || response.statusCode() / 100 != 2) {
					failed.incrementAndGet();
				}
				else if (response.body().contains("\"unavailable\"")) {
					unavailable.incrementAndGet();
				}
				else {
					chat.conversationId = KefuApi.JSON.readTree(response.body()).path("conversation").path("id")
						.asString();
				}
			}));
		}
		double sendSeconds = (System.nanoTime() - start) / 1e9;
		try {
			CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}
		catch (TimeoutException overloaded) {
			// Reported as unanswered; the figures of those that did get through still count.
		}
		long unanswered = answers.stream().filter(a -> !a.isDone()).count();
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (assigned.get() + unavailable.get() + failed.get() + unanswered < chats.size()
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		return new Outcome(chats.size(), sendSeconds, assigned.get(), unavailable.get(), failed.get(), unanswered,
				assignedAfter, answeredAfter, chats, visitors);
	}

	/** The warm-up's visitors end their chats, which frees the agents' slots for the measured burst. */
	private static void endAll(KefuApi api, Outcome warmup) {
		List<CompletableFuture<?>> ended = new ArrayList<>();
		for (Chat chat : warmup.chatList()) {
			if (chat.conversationId != null) {
				ended.add(api.endChat(chat.visitorToken, chat.conversationId));
			}
		}
		CompletableFuture.allOf(ended.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
		warmup.visitors().forEach(Live::close);
	}
}
