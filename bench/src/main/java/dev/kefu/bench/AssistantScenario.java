package dev.kefu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import tools.jackson.databind.JsonNode;

/**
 * The virtual assistant's answer latency on a large knowledge base: the demo organization gets {@code --entries}
 * synthetic FAQ entries and its assistant switched on; then, one at a time, {@code --questions} new visitors each
 * ask one question over WebSocket. Measured from sending the question to receiving the assistant's answer (stored
 * and pushed); the baseline, in the same run, is the same send to its acknowledgement (the message stored).
 */
final class AssistantScenario {

	private AssistantScenario() {
	}

	static void run(Args args, Results results) throws Exception {
		String url = args.require("url");
		int entries = args.getInt("entries", 10_000);
		int questions = args.getInt("questions", 300);
		HttpClient http = HttpClient.newHttpClient();
		KefuApi api = new KefuApi(http, url);
		String admin = api.login("admin", args.get("admin-password", "kefu-admin")).token();
		List<SyntheticFaq.Entry> faq = SyntheticFaq.entries(entries);

		Instant start = Instant.now();
		JsonNode report = KefuApi.ok(api.send("POST", "/api/v1/knowledge/import?status=PUBLISHED", admin,
				SyntheticFaq.importJson(faq)).get(30, TimeUnit.MINUTES));
		results.put("assistant.entries", report.path("imported").asInt());
		results.put("assistant.import-s", Duration.between(start, Instant.now()).toMillis() / 1000.0);
		String group = KefuApi.ok(api.send("GET", "/api/v1/admin/groups", admin, null).get()).path(0).path("id").asString();
		KefuApi.ok(api.send("PUT", "/api/v1/admin/groups/" + group + "/assistant", admin,
				"{\"enabled\":true,\"name\":\"Bench\",\"greeting\":\"\",\"threshold\":0.5}").get());

		URI ws = URI.create(url.replaceFirst("^http", "ws") + "/ws");
		Instant trainedBy = Instant.now().plus(Duration.ofMinutes(30));
		// Trained once the model knows the last entry imported: the import is learned in the background, and a
		// question asked before that competes with the training for the two cores.
		String last = faq.getLast().question();
		while (!KefuApi.ok(api.send("GET", "/api/v1/knowledge/suggestions?q=" + java.net.URLEncoder.encode(last,
				java.nio.charset.StandardCharsets.UTF_8), admin, null).get()).path(0).path("question").asString().equals(last)) {
			if (Instant.now().isAfter(trainedBy)) {
				throw new IllegalStateException("the model did not learn the import within 30 minutes");
			}
			Thread.sleep(2000);
		}
		// Warm-up, not measured: the JIT compiles the answer path, and the index merges what the import wrote.
		for (int i = 0; i < args.getInt("warmup", 100); i++) {
			ask(api, http, ws, SyntheticFaq.askFor(faq.get((int) ((i * 104729L) % entries))));
		}
		Thread.sleep(args.getInt("settle-seconds", 20) * 1000L);
		results.put("assistant.ready-s", Duration.between(start, Instant.now()).toMillis() / 1000.0);

		Histogram answered = Latency.histogram();
		Histogram acknowledged = Latency.histogram();
		CpuMeter cpu = new CpuMeter(Long.parseLong(args.require("pid")));
		CpuMeter.Reading before = cpu.read();
		int answers = 0;
		for (int i = 0; i < questions; i++) {
			Reply reply = ask(api, http, ws, SyntheticFaq.askFor(faq.get((int) ((i * 7919L) % entries))));
			if (reply != null) {
				acknowledged.recordValue(reply.ackNanos());
				answered.recordValue(reply.replyNanos());
				answers += reply.kind().equals("answer") ? 1 : 0;
			}
		}
		results.put("assistant.answered-share", (double) answers / questions);
		cpu.put(results, "assistant", before, cpu.read());
		Latency.put(results, "assistant.answer", answered);
		Latency.put(results, "assistant.ack", acknowledged);
		System.out.printf("assistant: %d entries; answer p50 %.1f ms p99 %.1f ms; ack p50 %.1f ms p99 %.1f ms%n", entries,
				answered.getValueAtPercentile(50) / 1e6, answered.getValueAtPercentile(99) / 1e6,
				acknowledged.getValueAtPercentile(50) / 1e6, acknowledged.getValueAtPercentile(99) / 1e6);
	}

	/** Nanoseconds from sending to the acknowledgement and to the assistant's reply, and what kind of reply. */
	record Reply(long ackNanos, long replyNanos, String kind) {
	}

	/** A new visitor asks one question; null if no reply came within 10 s. */
	private static Reply ask(KefuApi api, HttpClient http, URI ws, String question) throws Exception {
		KefuApi.Identity visitor = api.newVisitor("demo").get();
		String chat = KefuApi.ok(api.startChat(visitor.token()).get()).path("conversation").path("id").asString();
		CompletableFuture<Void> ready = new CompletableFuture<>();
		CompletableFuture<Long> acked = new CompletableFuture<>();
		CompletableFuture<Long> replied = new CompletableFuture<>();
		String[] kind = { "" };
		Live live = Live.open(http, ws, (socket, text) -> {
			JsonNode frame = KefuApi.JSON.readTree(text);
			String type = frame.path("type").asString();
			if (type.equals("ready")) {
				ready.complete(null);
			}
			else if (type.equals("ack")) {
				acked.complete(System.nanoTime());
			}
			else if (type.equals("message") && frame.path("message").path("sender").path("type").asString().equals("BOT")) {
				kind[0] = frame.path("message").path("meta").path("kind").asString();
				replied.complete(System.nanoTime());
			}
		}).get();
		try {
			live.send("{\"type\":\"auth\",\"token\":" + KefuApi.quote(visitor.token()) + "}");
			ready.get(10, TimeUnit.SECONDS);
			long sent = System.nanoTime();
			live.send("{\"type\":\"send\",\"id\":\"q\",\"conversationId\":\"" + chat + "\",\"clientMsgId\":\"q\",\"text\":"
					+ KefuApi.quote(question) + "}");
			long ack = acked.get(10, TimeUnit.SECONDS) - sent;
			long reply = replied.get(10, TimeUnit.SECONDS) - sent;
			return new Reply(ack, reply, kind[0]);
		}
		catch (java.util.concurrent.TimeoutException e) {
			return null;
		}
		finally {
			live.close();
			api.endChat(visitor.token(), chat).get();
		}
	}
}
