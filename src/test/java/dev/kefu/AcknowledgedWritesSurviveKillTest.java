package dev.kefu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kefu.testing.Api;
import dev.kefu.testing.KefuProcess;
import dev.kefu.testing.LiveClient;
import tools.jackson.databind.JsonNode;

/**
 * An acknowledgement is a promise that the write is kept. Kefu runs in a JVM of its own on the embedded default (H2
 * file database), visitors stream messages over the WebSocket, and the process is killed with SIGKILL in the middle
 * of the stream, just after an upload, a rating and a left message were answered. Started again on the same data,
 * it must still have every acknowledged write, each message once and at the sequence number its ack gave.
 * <p>
 * About the embedded default only, so it runs once, in the H2 execution (not tagged {@code database}).
 */
@Tag("process")
class AcknowledgedWritesSurviveKillTest {

	private static final int VISITORS = 8;

	/** Each visitor at its limit of 5 messages a second: 40 a second in all, pipelined (no waiting for acks). */
	private static final Duration SEND_INTERVAL = Duration.ofMillis(200);

	private static final int ACKS_BEFORE_KILL = 60;

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 7, 7, 7 };

	@TempDir
	Path dataDir;

	@Test
	void everyAcknowledgedWriteSurvivesAKillInTheMiddleOfAStream() {
		List<Chat> chats = new ArrayList<>();
		Map<String, Long> acked = new ConcurrentHashMap<>();
		String rater;
		String ratedChat;
		String attachmentId;
		String ticketId;
		try (KefuProcess kefu = KefuProcess.start(dataDir)) {
			Api api = kefu.api();
			api.status(api.login("agent1", "kefu-agent"), "ONLINE");
			withoutTheDemoAssistant(api);
			rater = api.visitor("demo");
			ratedChat = servedAndEnded(api, rater);
			for (int i = 0; i < VISITORS; i++) {
				String visitor = api.visitor("demo");
				chats.add(new Chat(visitor, api.startChat(visitor).path("conversation").path("id").asString()));
			}

			try (MessageStream stream = new MessageStream(kefu, chats, acked)) {
				await().atMost(Duration.ofSeconds(20)).until(() -> acked.size() >= ACKS_BEFORE_KILL);

				Api.Response upload = api.upload("/api/v1/conversations/" + chats.getFirst().id() + "/attachments",
						chats.getFirst().visitor(), "receipt.png", "image/png", PNG);
				Api.Response rating = api.call("POST", "/api/v1/visitor/conversations/" + ratedChat + "/rating", rater,
						Map.of("rating", 4, "comment", "quick"));
				Api.Response ticket = api.call("POST", "/api/v1/visitor/tickets", rater, Map.of("clientMsgId", "left-1",
						"email", "wang@example.com", "subject", "Refund", "body", "Please call me back"));
				kefu.kill();

				assertThat(List.of(upload.status(), rating.status(), ticket.status())).containsExactly(201, 200, 201);
				attachmentId = upload.body().path("id").asString();
				ticketId = ticket.body().path("id").asString();
			}
		}

		try (KefuProcess again = KefuProcess.start(dataDir)) {
			Api api = again.api();
			List<String> lost = new ArrayList<>();
			long lastAcked = 0;
			for (Chat chat : chats) {
				List<JsonNode> stored = timeline(again, chat);
				assertThat(stored).extracting(m -> m.path("seq").asLong()).as("sequence numbers").doesNotHaveDuplicates();
				acked.forEach((clientMsgId, seq) -> {
					if (clientMsgId.startsWith(chat.id())) {
						List<Long> seqs = stored.stream()
							.filter(m -> m.path("clientMsgId").asString().equals(clientMsgId))
							.map(m -> m.path("seq").asLong())
							.toList();
						if (!seqs.equals(List.of(seq))) {
							lost.add(clientMsgId + " acked at " + seq + ", stored at " + seqs);
						}
					}
				});
				if (chat == chats.getFirst()) {
					lastAcked = stored.stream().mapToLong(m -> m.path("seq").asLong()).max().orElse(0);
				}
			}
			assertThat(lost).as("%d of %d acknowledged messages not stored once at their seq", lost.size(), acked.size())
				.isEmpty();

			JsonNode withUpload = sendWithAttachment(again, chats.getFirst(), attachmentId);
			assertThat(withUpload.path("seq").asLong()).as("a new message takes a new seq").isGreaterThan(lastAcked);
			assertThat(download(api, withUpload.path("attachments").path(0).path("url").asString())).isEqualTo(PNG);

			JsonNode rated = api.get("/api/v1/visitor/conversations", rater)
				.valueStream()
				.filter(c -> c.path("id").asString().equals(ratedChat))
				.findFirst()
				.orElseThrow();
			assertThat(rated.path("rating").asInt()).isEqualTo(4);
			assertThat(api.get("/api/v1/visitor/tickets/" + ticketId, rater).path("thread").path(0).path("body")
				.asString()).isEqualTo("Please call me back");
		}
	}

	/**
	 * The demo's assistant, switched on by the demo's own seeding soon after the first start, would hold every chat;
	 * these chats are to go to the agent at once, as they do where no assistant is on.
	 */
	private static void withoutTheDemoAssistant(Api api) {
		String admin = api.login("admin", "kefu-admin");
		String general = api.get("/api/v1/admin/groups", admin)
			.valueStream()
			.filter(g -> g.path("name").asString().equals("General"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		String assistant = "/api/v1/admin/groups/" + general + "/assistant";
		await().atMost(Duration.ofSeconds(30)).until(() -> api.get(assistant, admin).path("enabled").asBoolean());
		api.put(assistant, admin, Map.of("enabled", false));
	}

	/** A chat the agent was given, which the customer then ended: one that can be rated. */
	private static String servedAndEnded(Api api, String visitor) {
		String id = api.startChat(visitor).path("conversation").path("id").asString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/visitor/conversations/current", visitor).path("state").asString()
				.equals("ASSIGNED"));
		api.post("/api/v1/visitor/conversations/" + id + "/end", visitor, null);
		return id;
	}

	/** Everything the server has stored in the chat, read as a reconnecting client does: sync from the start. */
	private static List<JsonNode> timeline(KefuProcess kefu, Chat chat) {
		try (LiveClient client = LiveClient.authenticated(kefu.api().http(), kefu.port(), chat.visitor())) {
			client.send("{\"type\":\"sync\",\"id\":\"s\",\"conversationId\":\"" + chat.id() + "\",\"after\":0}");
			List<JsonNode> messages = new ArrayList<>();
			while (true) {
				JsonNode frame = client.next(f -> f.path("type").asString().matches("message|synced"), "synced");
				if (frame.path("type").asString().equals("synced")) {
					return messages;
				}
				messages.add(frame.path("message"));
			}
		}
	}

	private static JsonNode sendWithAttachment(KefuProcess kefu, Chat chat, String attachmentId) {
		try (LiveClient client = LiveClient.authenticated(kefu.api().http(), kefu.port(), chat.visitor())) {
			client.send(Api.json.writeValueAsString(Map.of("type", "send", "id", "after", "conversationId", chat.id(),
					"clientMsgId", "after-restart", "text", "here is the receipt", "attachments", List.of(attachmentId))));
			return client.next("ack").path("message");
		}
	}

	private static byte[] download(Api api, String url) {
		try {
			HttpResponse<byte[]> file = api.http()
				.send(HttpRequest.newBuilder(URI.create(api.base() + url)).build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(file.statusCode()).as(url).isEqualTo(200);
			return file.body();
		}
		catch (Exception e) {
			throw new AssertionError("download of " + url + " failed", e);
		}
	}

	private record Chat(String visitor, String id) {
	}

	/**
	 * Every visitor sends on a fixed schedule without waiting for acks, and every ack that arrives is recorded
	 * (client message id → seq). Closing stops the schedule; sends to a dead server are expected then and ignored.
	 */
	private static final class MessageStream implements AutoCloseable {

		private final ScheduledExecutorService schedule = Executors.newScheduledThreadPool(2);
		private final List<LiveClient> clients = new ArrayList<>();
		private final AtomicBoolean open = new AtomicBoolean(true);

		MessageStream(KefuProcess kefu, List<Chat> chats, Map<String, Long> acked) {
			for (Chat chat : chats) {
				LiveClient client = LiveClient.authenticated(kefu.api().http(), kefu.port(), chat.visitor());
				clients.add(client);
				Thread.ofVirtual().start(() -> recordAcks(client, acked));
				AtomicInteger sent = new AtomicInteger();
				schedule.scheduleAtFixedRate(() -> send(client, chat, sent.incrementAndGet()), 0,
						SEND_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			}
		}

		private void send(LiveClient client, Chat chat, int n) {
			String clientMsgId = chat.id() + "-" + n;
			try {
				client.send(Api.json.writeValueAsString(Map.of("type", "send", "id", clientMsgId, "conversationId",
						chat.id(), "clientMsgId", clientMsgId, "text", "message " + n + " of a stream")));
			}
			catch (RuntimeException serverGone) {
				// after the kill
			}
		}

		private void recordAcks(LiveClient client, Map<String, Long> acked) {
			while (open.get()) {
				JsonNode frame = client.poll(Duration.ofMillis(100));
				if (frame != null && frame.path("type").asString().equals("ack")) {
					acked.put(frame.path("clientMsgId").asString(), frame.path("message").path("seq").asLong());
				}
			}
		}

		@Override
		public void close() {
			open.set(false);
			schedule.shutdownNow();
			clients.forEach(LiveClient::close);
		}
	}
}
