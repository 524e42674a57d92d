package dev.kefu.quality;

import static dev.kefu.quality.TranscriptFixture.chat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ForbiddenPhraseTest {

	final ForbiddenPhrase rule = new ForbiddenPhrase(new Phrases(List.of("不归我管", "Not My Problem")));

	@Test
	void flagsAChinesePhraseOfTheForbiddenList() {
		Transcript transcript = chat().contact(1, "退款呢？").agent(10, "这个不归我管，你去找财务").transcript();

		assertThat(rule.inspect(transcript)).singleElement().satisfies(o -> {
			assertThat(o.rule()).isEqualTo("forbidden-phrase");
			assertThat(o.line().seq()).isEqualTo(2);
			assertThat(o.detail()).contains("不归我管");
		});
	}

	@Test
	void flagsAnEnglishPhraseWhateverItsCase() {
		assertThat(rule.inspect(chat().agent(10, "Honestly, that is NOT MY PROBLEM.").transcript())).hasSize(1);
	}

	@Test
	void acceptsPoliteMessages() {
		assertThat(rule.inspect(chat().agent(10, "我来帮您查一下，请稍等").agent(20, "It is not a problem at all")
			.transcript())).isEmpty();
	}

	@Test
	void looksOnlyAtWhatAgentsWrote() {
		assertThat(rule.inspect(chat().contact(10, "this is not my problem").transcript())).isEmpty();
	}
}
