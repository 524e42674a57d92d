package dev.kefu.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;

class ScoredItemTest {

	final Rubric.Item greeting = new Rubric.Item(Ids.newId(), "greeting", 1, 5);
	final Rubric.Item accuracy = new Rubric.Item(Ids.newId(), "accuracy", 3, 10);
	final Rubric.Item empathy = new Rubric.Item(Ids.newId(), "empathy", 2, 4);
	final List<Rubric.Item> items = List.of(greeting, accuracy, empathy);

	@Test
	void weighsEveryItemsShareOfItsMaximum() {
		// (1·4/5 + 3·7/10 + 2·3/4) / 6 × 100 = (0.8 + 2.1 + 1.5) / 6 × 100 = 73.33…
		List<ScoredItem> scored = ScoredItem.match(items, List.of(new ScoredItem.Given(greeting.id(), 4),
				new ScoredItem.Given(accuracy.id(), 7), new ScoredItem.Given(empathy.id(), 3)));

		assertThat(ScoredItem.total(scored)).isEqualByComparingTo(new BigDecimal("73.3"));
	}

	@Test
	void scoresFullPointsAsOneHundredAndNoneAsZero() {
		assertThat(ScoredItem.total(items.stream().map(i -> new ScoredItem(i, i.maxPoints())).toList()))
			.isEqualByComparingTo("100.0");
		assertThat(ScoredItem.total(items.stream().map(i -> new ScoredItem(i, 0)).toList()))
			.isEqualByComparingTo("0.0");
	}

	@Test
	void refusesAnItemLeftUnscored() {
		assertThatThrownBy(() -> ScoredItem.match(items,
				List.of(new ScoredItem.Given(greeting.id(), 4), new ScoredItem.Given(accuracy.id(), 7))))
			.isInstanceOf(RequestRejected.class)
			.hasMessageContaining("empathy is not scored");
	}

	@Test
	void refusesAnItemScoredTwice() {
		assertThatThrownBy(() -> ScoredItem.match(items, List.of(new ScoredItem.Given(greeting.id(), 4),
				new ScoredItem.Given(greeting.id(), 3), new ScoredItem.Given(accuracy.id(), 7),
				new ScoredItem.Given(empathy.id(), 3))))
			.isInstanceOf(RequestRejected.class)
			.hasMessageContaining("scored twice");
	}

	@Test
	void refusesPointsOutOfRange() {
		assertThatThrownBy(() -> ScoredItem.match(items, List.of(new ScoredItem.Given(greeting.id(), 6),
				new ScoredItem.Given(accuracy.id(), 7), new ScoredItem.Given(empathy.id(), 3))))
			.isInstanceOf(RequestRejected.class)
			.hasMessageContaining("greeting: points must be 0 to 5");
		assertThatThrownBy(() -> ScoredItem.match(items, List.of(new ScoredItem.Given(greeting.id(), -1),
				new ScoredItem.Given(accuracy.id(), 7), new ScoredItem.Given(empathy.id(), 3))))
			.isInstanceOf(RequestRejected.class);
	}

	@Test
	void refusesAnItemOfAnotherRubric() {
		assertThatThrownBy(() -> ScoredItem.match(items, List.of(new ScoredItem.Given(Ids.newId(), 1))))
			.isInstanceOf(RequestRejected.class)
			.hasMessageContaining("not in the rubric");
	}
}
