package dev.kefu.realtime;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.kefu.shared.Text;
import tools.jackson.databind.json.JsonMapper;

/** Builds the server's JSON frames: {@code {"type": ..., ...}}. */
@Component
class Frames {

	private final JsonMapper json;

	Frames(JsonMapper json) {
		this.json = json;
	}

	String frame(String type, Object... keysAndValues) {
		Map<String, Object> frame = new LinkedHashMap<>();
		frame.put("type", type);
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				frame.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		// Values are repaired by the mapper; a map key from stored data is the one thing left to make safe.
		return Text.repaired(json.writeValueAsString(frame));
	}

	String error(@Nullable String requestId, String code, String message) {
		return frame("error", "id", requestId, "code", code, "message", message);
	}
}
