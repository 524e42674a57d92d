package dev.kefu.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandoverIntentTest {

	@ParameterizedTest
	@ValueSource(strings = { "转人工", "我要人工客服", "能找个真人吗", "I want to talk to a human", "agent please",
			"Can I speak to someone?", "connect me to a representative" })
	void askingForAPersonIsRecognised(String message) {
		assertThat(HandoverIntent.of(message)).contains(HandoverIntent.ASKED_FOR_PERSON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "你们太差了", "我要投诉", "这是什么破服务", "This is ridiculous", "I am so angry",
			"WHERE IS MY PARCEL NOW", "还没到！！！" })
	void upsetCustomersAreRecognised(String message) {
		assertThat(HandoverIntent.of(message)).contains(HandoverIntent.UPSET);
	}

	@ParameterizedTest
	@ValueSource(strings = { "如何申请退款？", "我的快递到哪了", "How do I reset my password?", "Thanks!", "OK",
			"What are your opening hours", "Is the iPhone 15 in stock?" })
	void ordinaryQuestionsStayWithTheAssistant(String message) {
		assertThat(HandoverIntent.of(message)).isEmpty();
	}
}
