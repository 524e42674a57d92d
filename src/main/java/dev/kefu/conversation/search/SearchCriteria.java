package dev.kefu.conversation.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.kefu.conversation.ConversationState;
import dev.kefu.shared.RequestRejected;

/**
 * What a search asks for, checked: the words (each must occur in the conversation's messages or notes, case-insensitive
 * and as a substring, so 退款 finds 我想申请退款), the days the chat began (inclusive, in the organization's time zone)
 * and the other filters. Each bad value is refused with its own code, so a client can tell which one it got wrong.
 */
record SearchCriteria(List<String> words, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID agentId,
		@Nullable UUID groupId, @Nullable String channel, @Nullable ConversationState state, @Nullable Integer rating,
		@Nullable String tag, int page, int size) {

	static final int MAX_QUERY = 200;
	static final int MAX_WORDS = 8;
	static final int MAX_PAGE = 500;
	static final int DEFAULT_SIZE = 20;
	static final int MAX_SIZE = 50;
	static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
	static final LocalDate LATEST = LocalDate.of(9999, 12, 30);

	private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
	private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9-]{1,31}");

	static SearchCriteria parse(@Nullable String q, @Nullable String from, @Nullable String to, @Nullable String agent,
			@Nullable String group, @Nullable String channel, @Nullable String state, @Nullable String rating,
			@Nullable String tag, @Nullable String page, @Nullable String size) {
		LocalDate first = date("from", from);
		LocalDate last = date("to", to);
		if (first != null && last != null && first.isAfter(last)) {
			throw new RequestRejected("invalid-range", "from must not be after to");
		}
		return new SearchCriteria(words(q), first, last, id("agent", agent), id("group", group), channel(channel),
				state(state), rating(rating), tag(tag), number("page", page, 0, 0, MAX_PAGE),
				number("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
	}

	static List<String> words(@Nullable String q) {
		if (q == null || q.isBlank()) {
			return List.of();
		}
		if (q.length() > MAX_QUERY) {
			throw new RequestRejected("invalid-query", "q must be at most " + MAX_QUERY + " characters");
		}
		List<String> words = Arrays.stream(SPACES.split(q.strip()))
			.map(w -> w.toLowerCase(Locale.ROOT))
			.distinct()
			.toList();
		if (words.size() > MAX_WORDS) {
			throw new RequestRejected("invalid-query", "q may have at most " + MAX_WORDS + " words");
		}
		return words;
	}

	private static @Nullable LocalDate date(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			// ISO dates reach year 999999999, which no database column holds and whose next day does not exist.
			if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
				throw new RequestRejected("invalid-" + name, name + " must be a date from 1970 to 9999");
			}
			return date;
		}
		catch (DateTimeParseException e) {
			throw new RequestRejected("invalid-" + name, name + " must be a date like 2026-11-30");
		}
	}

	private static @Nullable UUID id(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new RequestRejected("invalid-" + name, name + " must be an id");
		}
	}

	private static @Nullable String channel(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!CHANNEL.matcher(value).matches()) {
			throw new RequestRejected("invalid-channel", "channel must be 2-32 lower-case letters, digits or '-'");
		}
		return value;
	}

	private static @Nullable ConversationState state(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return ConversationState.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new RequestRejected("invalid-state",
					"state must be one of " + Arrays.toString(ConversationState.values()));
		}
	}

	private static @Nullable Integer rating(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return number("rating", value, 0, 1, 5);
	}

	private static @Nullable String tag(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static int number(String name, @Nullable String value, int absent, int min, int max) {
		if (value == null || value.isBlank()) {
			return absent;
		}
		try {
			int n = Integer.parseInt(value.strip());
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException e) {
			// answered below, like a number out of range
		}
		throw new RequestRejected("invalid-" + name, name + " must be a whole number from " + min + " to " + max);
	}
}
