package dev.kefu.quality;

import static dev.kefu.quality.TranscriptFixture.chat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GreetingAndClosingTest {

	final MissingGreeting greeting = new MissingGreeting(Phrases.DEFAULT_GREETINGS);
	final MissingClosing closing = new MissingClosing(Phrases.DEFAULT_CLOSINGS);

	@Test
	void flagsAFirstReplyWithoutAGreeting() {
		Transcript transcript = chat().contact(1, "在吗").agent(10, "订单号多少").agent(20, "好的").transcript();

		assertThat(greeting.inspect(transcript)).singleElement().satisfies(o -> {
			assertThat(o.rule()).isEqualTo("missing-greeting");
			assertThat(o.line().seq()).isEqualTo(2);
		});
	}

	@Test
	void acceptsAChineseOrEnglishGreeting() {
		assertThat(greeting.inspect(chat().agent(10, "您好，请问有什么可以帮您？").transcript())).isEmpty();
		assertThat(greeting.inspect(chat().agent(10, "Good morning! How can I help?").transcript())).isEmpty();
		assertThat(greeting.inspect(chat().agent(10, "Hi there").transcript())).isEmpty();
	}

	@Test
	void doesNotTakeAWordContainingAGreetingForOne() {
		assertThat(greeting.inspect(chat().agent(10, "This is your order").transcript())).hasSize(1);
	}

	@Test
	void flagsALastReplyWithoutAClosing() {
		Transcript transcript = chat().agent(10, "您好").contact(20, "好的").agent(30, "已经处理了").transcript();

		assertThat(closing.inspect(transcript)).singleElement().satisfies(o -> {
			assertThat(o.rule()).isEqualTo("missing-closing");
			assertThat(o.line().seq()).isEqualTo(3);
		});
	}

	@Test
	void acceptsAChineseOrEnglishClosing() {
		assertThat(closing.inspect(chat().agent(10, "您好").agent(30, "还有其他问题吗？").transcript())).isEmpty();
		assertThat(closing.inspect(chat().agent(10, "Hi").agent(30, "Is there anything else I can do?").transcript()))
			.isEmpty();
		assertThat(closing.inspect(chat().agent(10, "Hi").agent(30, "Thanks for waiting!").transcript())).isEmpty();
	}

	@Test
	void saysNothingWhenTheAgentNeverWrote() {
		Transcript silent = chat().contact(1, "hello?").transcript();

		assertThat(greeting.inspect(silent)).isEmpty();
		assertThat(closing.inspect(silent)).isEmpty();
	}
}
