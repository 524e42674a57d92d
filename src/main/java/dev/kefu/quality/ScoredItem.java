package dev.kefu.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.kefu.shared.RequestRejected;

/** The points a review gave one rubric item. */
record ScoredItem(Rubric.Item item, int points) {

	/** Points as a reviewer sends them. */
	record Given(@Nullable UUID itemId, @Nullable Integer points) {
	}

	/**
	 * Matches the points given to the rubric's items: every item scored exactly once, within 0 and its maximum, and
	 * nothing else. Answers in the rubric's order.
	 */
	static List<ScoredItem> match(List<Rubric.Item> items, @Nullable List<Given> given) {
		if (given == null) {
			throw new RequestRejected("invalid-scores", "scores are required, one per rubric item");
		}
		Map<UUID, Integer> points = new HashMap<>();
		for (Given score : given) {
			if (score == null || score.itemId() == null || score.points() == null) {
				throw new RequestRejected("invalid-scores", "each score needs an itemId and points");
			}
			if (items.stream().noneMatch(item -> item.id().equals(score.itemId()))) {
				throw new RequestRejected("invalid-scores", "item " + score.itemId() + " is not in the rubric");
			}
			if (points.put(score.itemId(), score.points()) != null) {
				throw new RequestRejected("invalid-scores", "item " + score.itemId() + " is scored twice");
			}
		}
		List<ScoredItem> scored = new ArrayList<>();
		for (Rubric.Item item : items) {
			Integer value = points.get(item.id());
			if (value == null) {
				throw new RequestRejected("invalid-scores", "item " + item.name() + " is not scored");
			}
			if (value < 0 || value > item.maxPoints()) {
				throw new RequestRejected("invalid-scores",
						"item " + item.name() + ": points must be 0 to " + item.maxPoints() + ", not " + value);
			}
			scored.add(new ScoredItem(item, value));
		}
		return scored;
	}

	/** Σ weight·points/max ÷ Σ weight × 100, rounded half up to one decimal: 0.0 to 100.0. */
	static BigDecimal total(List<ScoredItem> scored) {
		BigDecimal weighted = BigDecimal.ZERO;
		BigDecimal weights = BigDecimal.ZERO;
		for (ScoredItem s : scored) {
			BigDecimal weight = BigDecimal.valueOf(s.item().weight());
			weighted = weighted.add(weight.multiply(BigDecimal.valueOf(s.points()))
				.divide(BigDecimal.valueOf(s.item().maxPoints()), 12, RoundingMode.HALF_UP));
			weights = weights.add(weight);
		}
		return weighted.multiply(BigDecimal.valueOf(100)).divide(weights, 1, RoundingMode.HALF_UP);
	}
}
