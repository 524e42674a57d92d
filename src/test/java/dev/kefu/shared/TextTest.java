package dev.kefu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TextTest {

	@Test
	void acceptsChineseAndEmojiButNotALoneSurrogateOrNul() {
		assertThat(Text.wellFormed("您好 👍 hello")).isTrue();
		assertThat(Text.wellFormed("hi \ud800")).isFalse();
		assertThat(Text.wellFormed("\udc00 low first")).isFalse();
		assertThat(Text.wellFormed("a\u0000b")).isFalse();
	}

	@Test
	void refusalSaysWhichFieldAndGivesTheInvalidTextCode() {
		assertThatThrownBy(() -> Text.requireWellFormed("hi \ud800", "text")).isInstanceOf(Text.InvalidText.class)
			.hasMessageStartingWith("text is not valid text")
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo("invalid-text");
	}

	@Test
	void cuttingNeverSplitsAnEmojiInHalf() {
		String text = "ab👍cd";
		assertThat(Text.cut(text, 3)).isEqualTo("ab");
		assertThat(Text.cut(text, 4)).isEqualTo("ab👍");
		assertThat(Text.cut(text, 10)).isSameAs(text);
		assertThat(Text.wellFormed(Text.cut("x".repeat(199) + "😀", 200))).isTrue();
	}

	@Test
	void repairReplacesLoneSurrogatesKeepsPairsAndDropsNul() {
		assertThat(Text.repaired("a\ud800b 👍\u0000!")).isEqualTo("a\uFFFDb 👍!");
		String fine = "没问题";
		assertThat(Text.repaired(fine)).isSameAs(fine);
	}

	record Nested(String name, List<String> tags, Map<String, String> fields) {
	}

	@Test
	void bodyInspectionFindsTheFlawedFieldAnywhereInARequest() {
		assertThat(WellFormedBodies.flawedField(new Nested("ok", List.of("a", "b\ud800"), Map.of()))).isEqualTo("tags[1]");
		assertThat(WellFormedBodies.flawedField(new Nested("ok", List.of(), Map.of("city", "x\u0000"))))
			.isEqualTo("fields.city");
		assertThat(WellFormedBodies.flawedField(new Nested("好", List.of("👍"), Map.of("k", "v")))).isNull();
	}
}
