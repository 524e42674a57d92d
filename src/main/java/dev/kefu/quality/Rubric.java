package dev.kefu.quality;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dev.kefu.shared.RequestRejected;

/** How an organization scores a conversation: named items (greeting, accuracy, empathy...), each weighted. */
record Rubric(UUID id, UUID organizationId, String name, List<Item> items, Instant createdAt, Instant updatedAt) {

	static final int MAX_ITEMS = 30;

	Rubric {
		items = List.copyOf(items);
	}

	/** One thing scored from 0 to {@code maxPoints}; {@code weight} is its share of the total. */
	record Item(UUID id, String name, int weight, int maxPoints) {
	}

	/** Checks a rubric as an admin or inspector wrote it. */
	static void validate(String name, List<Item> items) {
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw new RequestRejected("invalid-rubric", "a rubric needs a name of 1-100 characters");
		}
		if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
			throw new RequestRejected("invalid-rubric", "a rubric has 1-" + MAX_ITEMS + " items");
		}
		Set<String> names = new HashSet<>();
		for (Item item : items) {
			if (item.name() == null || item.name().isBlank() || item.name().strip().length() > 100) {
				throw new RequestRejected("invalid-rubric", "each item needs a name of 1-100 characters");
			}
			if (!names.add(item.name().strip().toLowerCase(Locale.ROOT))) {
				throw new RequestRejected("invalid-rubric", "item names must differ: " + item.name().strip());
			}
			if (item.weight() < 1 || item.weight() > 100) {
				throw new RequestRejected("invalid-rubric", "item " + item.name().strip() + ": weight must be 1 to 100");
			}
			if (item.maxPoints() < 1 || item.maxPoints() > 100) {
				throw new RequestRejected("invalid-rubric",
						"item " + item.name().strip() + ": maxPoints must be 1 to 100");
			}
		}
	}
}
