package dev.kefu.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** What a CRM answers becomes a card the desk can show safely, or is refused as no card at all. */
class CardAnswerTest {

	static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

	@Test
	void keepsOnlyAbsoluteWebLinksWhateverTheCaseOfTheScheme() throws Exception {
		CrmCard card = CardAnswer.read("""
				{"links": [{"label": "a", "url": "JavaScript:alert(1)"}, {"label": "b", "url": " javascript:alert(1)"},
				           {"label": "c", "url": "HTTPS://crm.example.com/x"}, {"label": "d", "url": "//crm.example.com/x"},
				           {"label": "e", "url": "vbscript:x"}, {"label": "f", "url": "http://crm.example.com/y"},
				           {"label": "", "url": "https://crm.example.com/no-label"}, {"label": "g", "url": 42}]}""", NOW);

		assertThat(card.links()).extracting(CrmCard.Link::label).containsExactly("c", "f");
	}

	@Test
	void cutsTextToTheLimitsAndDropsWhatIsNotText() throws Exception {
		String fields = IntStream.range(0, 30)
			.mapToObj(i -> "{\"label\": \"f" + i + "\", \"value\": " + (i % 3 == 0 ? "true" : i % 3 == 1 ? i : "[1]") + "}")
			.collect(Collectors.joining(","));
		CrmCard card = CardAnswer.read("{\"fields\": [" + fields + ", {\"label\": \"%s\", \"value\": \"a\\u0000b\\nc\"}]}"
			.formatted("L".repeat(100)), NOW);

		assertThat(card.fields()).hasSize(CardAnswer.MAX_FIELDS);
		assertThat(card.fields()).extracting(CrmCard.Field::value).contains("true", "1").doesNotContain("[1]");
		assertThat(CardAnswer.read("{\"fields\": [{\"label\": \"%s\", \"value\": \"a\\u0000b\\nc\"}]}"
			.formatted("L".repeat(100)), NOW).fields().getFirst()).satisfies(f -> {
				assertThat(f.label()).hasSize(CardAnswer.MAX_LABEL);
				assertThat(f.value()).isEqualTo("ab c");
			});
	}

	@Test
	void anAnswerThatIsNotAnObjectWithArraysIsNoCard() {
		assertThatThrownBy(() -> CardAnswer.read("<html>down</html>", NOW)).isInstanceOf(CardAnswer.NotACard.class);
		assertThatThrownBy(() -> CardAnswer.read("[]", NOW)).isInstanceOf(CardAnswer.NotACard.class);
		assertThatThrownBy(() -> CardAnswer.read("{\"fields\": \"gold\"}", NOW)).isInstanceOf(CardAnswer.NotACard.class);
	}

	@Test
	void anEmptyObjectIsACardWithNothingOnIt() throws Exception {
		CrmCard card = CardAnswer.read("{}", NOW);

		assertThat(card.status()).isEqualTo(CrmCard.OK);
		assertThat(card.fields()).isEmpty();
		assertThat(card.fetchedAt()).isEqualTo(NOW);
	}
}
