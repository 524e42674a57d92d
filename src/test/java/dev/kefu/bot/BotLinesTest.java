package dev.kefu.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BotLinesTest {

	@Test
	void answersAQuestionInTheLanguageItIsWrittenIn() {
		assertThat(BotLines.chinese("where is my parcel?", DemoAssistant.GREETING)).isFalse();
		assertThat(BotLines.chinese("我的快递到哪了", "Hi! Ask me anything.")).isTrue();
	}

	@Test
	void aQuestionWithoutWordsTakesTheGreetingsLanguage() {
		assertThat(BotLines.chinese("20260309-1234", "您好，请问有什么可以帮您？")).isTrue();
		assertThat(BotLines.chinese("👍", "Hi! Ask me anything.")).isFalse();
	}
}
