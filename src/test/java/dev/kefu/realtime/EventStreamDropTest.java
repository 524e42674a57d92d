package dev.kefu.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/** A client that goes away from its event stream is an everyday event: one line in the log, no stack trace. */
@ServerTest
@ExtendWith(OutputCaptureExtension.class)
class EventStreamDropTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	EventStreamController streams;

	@Test
	void aDroppedStreamIsLoggedAsOneLine(CapturedOutput output) throws Exception {
		Api api = new Api(port);
		String token = TestTenant.create(context, 1, 5).agentToken(api, 0);
		int before = streams.openStreams();
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
					+ "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String line;
			do {
				line = in.readLine();
			}
			while (line != null && !line.startsWith("data:"));
			assertThat(line).contains("\"ready\"");
			int logged = output.getOut().length();
			// Reset rather than close politely, so that the server's next write fails at once.
			socket.setSoLinger(true, 0);
			socket.close();

			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
				streams.heartbeat();
				return streams.openStreams() == before;
			});
			await().atMost(Duration.ofSeconds(5))
				.until(() -> output.getOut().substring(logged).contains("event stream"));
			// Spring MVC finishes the failed request in an async dispatch on another thread, a moment later.
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
				.until(() -> !output.getOut().substring(logged).contains("\tat "));

			String log = output.getOut().substring(logged);
			assertThat(log.lines()).singleElement().asString().contains("INFO").contains("event stream").contains("dropped");
		}
	}
}
