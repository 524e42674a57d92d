package dev.kefu.crm;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.Text;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a CRM's answer ({@code {"fields": [{"label", "value"}], "links": [{"label", "url"}]}}) into a card the desk
 * can show safely: text only, within limits, and links only to http(s). What does not fit is dropped, not refused,
 * so one odd field does not cost the agent the rest of the card; an answer that is not such an object is refused.
 */
final class CardAnswer {

	static final int MAX_FIELDS = 20;
	static final int MAX_LINKS = 5;
	static final int MAX_LABEL = 60;
	static final int MAX_VALUE = 500;
	static final int MAX_URL = 2000;

	private static final JsonMapper json = JsonMapper.builder().build();

	private CardAnswer() {
	}

	/** The answer is not a card at all. */
	static class NotACard extends Exception {

		NotACard(String message) {
			super(message);
		}
	}

	static CrmCard read(String body, Instant fetchedAt) throws NotACard {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException e) {
			throw new NotACard("the answer is not JSON");
		}
		if (root == null || !root.isObject()) {
			throw new NotACard("the answer is not a JSON object");
		}
		List<CrmCard.Field> fields = new ArrayList<>();
		for (JsonNode field : array(root, "fields")) {
			String label = text(field.get("label"), MAX_LABEL);
			String value = text(field.get("value"), MAX_VALUE);
			if (label != null && value != null && fields.size() < MAX_FIELDS) {
				fields.add(new CrmCard.Field(label, value));
			}
		}
		List<CrmCard.Link> links = new ArrayList<>();
		for (JsonNode link : array(root, "links")) {
			String label = text(link.get("label"), MAX_LABEL);
			String url = webUrl(link.get("url"));
			if (label != null && url != null && links.size() < MAX_LINKS) {
				links.add(new CrmCard.Link(label, url));
			}
		}
		return CrmCard.ok(List.copyOf(fields), List.copyOf(links), fetchedAt);
	}

	private static Iterable<JsonNode> array(JsonNode root, String name) throws NotACard {
		JsonNode node = root.get(name);
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw new NotACard("\"" + name + "\" is not an array");
		}
		List<JsonNode> objects = new ArrayList<>();
		node.forEach(item -> {
			if (item.isObject()) {
				objects.add(item);
			}
		});
		return objects;
	}

	/** A string, number or boolean as one line of text, cut to {@code max}; null when there is nothing to show. */
	private static @Nullable String text(@Nullable JsonNode node, int max) {
		if (node == null || !(node.isString() || node.isNumber() || node.isBoolean())) {
			return null;
		}
		String text = Text.repaired(node.asString()).replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
		return text.isEmpty() ? null : Text.cut(text, max);
	}

	/** Only absolute http(s) URLs: a javascript: or data: link would run in the desk when clicked. */
	private static @Nullable String webUrl(@Nullable JsonNode node) {
		if (node == null || !node.isString()) {
			return null;
		}
		String url = node.asString().strip();
		if (url.length() > MAX_URL) {
			return null;
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? uri.toString() : null;
		}
		catch (URISyntaxException e) {
			return null;
		}
	}
}
