package dev.kefu.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LiveHubTest {

	@Test
	void aConnectionThatFailsToSendIsClosedAndTheOthersStillGetTheFrame() {
		LiveHub hub = new LiveHub(Relay.SINGLE_NODE);
		Recording broken = new Recording("broken", true);
		Recording healthy = new Recording("healthy", false);
		hub.subscribe("staff:x", broken);
		hub.subscribe("staff:x", healthy);

		assertThatCode(() -> hub.publish("staff:x", "{\"type\":\"message\"}")).doesNotThrowAnyException();

		assertThat(healthy.frames).containsExactly("{\"type\":\"message\"}");
		assertThat(broken.closed).isTrue();
	}

	static final class Recording implements LiveConnection {

		final String id;
		final boolean fails;
		final List<String> frames = new ArrayList<>();
		boolean closed;

		Recording(String id, boolean fails) {
			this.id = id;
			this.fails = fails;
		}

		@Override
		public String id() {
			return id;
		}

		@Override
		public void send(String frame) {
			if (fails) {
				throw new IllegalArgumentException("Encoding error [MALFORMED[1]]");
			}
			frames.add(frame);
		}

		@Override
		public void close() {
			closed = true;
		}
	}
}
