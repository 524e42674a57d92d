package dev.kefu.conversation.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SnippetTest {

	@Test
	void marksEveryHitWhateverItsCase() {
		Snippet snippet = Snippet.of("message", null, "Refund? Yes, a REFUND for the refund.", List.of("refund"));

		assertThat(snippet.parts()).containsExactly(new Snippet.Part("Refund", true), new Snippet.Part("? Yes, a ", false),
				new Snippet.Part("REFUND", true), new Snippet.Part(" for the ", false), new Snippet.Part("refund", true),
				new Snippet.Part(".", false));
	}

	@Test
	void keepsAStretchAroundTheFirstHitOfALongText() {
		String text = "甲".repeat(300) + "退款" + "乙".repeat(300);

		Snippet snippet = Snippet.of("note", null, text, List.of("退款"));

		assertThat(snippet.parts()).hasSize(3);
		assertThat(snippet.parts().get(0).text()).startsWith("…").hasSize(Snippet.BEFORE + 1);
		assertThat(snippet.parts().get(1)).isEqualTo(new Snippet.Part("退款", true));
		assertThat(snippet.parts().get(2).text()).endsWith("…");
	}

	@Test
	void markupStaysPlainText() {
		Snippet snippet = Snippet.of("message", null, "<img src=x onerror=alert(1)> refund", List.of("refund"));

		assertThat(snippet.parts()).containsExactly(new Snippet.Part("<img src=x onerror=alert(1)> ", false),
				new Snippet.Part("refund", true));
	}

	@Test
	void theLongestWordWinsWhereTwoStartTogether() {
		Snippet snippet = Snippet.of("message", null, "refunds", List.of("refund", "refunds"));

		assertThat(snippet.parts()).containsExactly(new Snippet.Part("refunds", true));
	}

	@Test
	void withoutWordsItIsTheStartOfTheText() {
		assertThat(Snippet.of("message", null, "hello", List.of()).parts())
			.containsExactly(new Snippet.Part("hello", false));
		assertThat(Snippet.of("message", null, "", List.of()).parts()).isEmpty();
	}
}
