package dev.kefu.quality;

import static dev.kefu.quality.TranscriptFixture.chat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SensitiveNumberTest {

	final SensitiveNumber rule = new SensitiveNumber();

	@Test
	void flagsACardNumberAnAgentSentInClearText() {
		Transcript transcript = chat().agent(10, "您的卡号是 6222 0212 3456 7894 对吗？").transcript();

		assertThat(rule.inspect(transcript)).singleElement().satisfies(o -> {
			assertThat(o.rule()).isEqualTo("sensitive-number");
			assertThat(o.line().seq()).isEqualTo(1);
			assertThat(o.detail()).contains("card").contains("7894").doesNotContain("6222").doesNotContain("0212");
		});
	}

	@Test
	void flagsACardNumberWrittenWithDashesOrWithoutSeparators() {
		assertThat(rule.inspect(chat().agent(10, "card 4111-1111-1111-1111").transcript())).hasSize(1);
		assertThat(rule.inspect(chat().agent(10, "card 4111111111111111.").transcript())).hasSize(1);
	}

	@Test
	void acceptsAMaskedCardNumber() {
		assertThat(rule.inspect(chat().agent(10, "您尾号为 6222 **** **** 1234 的卡").transcript())).isEmpty();
	}

	@Test
	void acceptsLongNumbersThatFailTheLuhnCheck() {
		assertThat(rule.inspect(chat().agent(10, "订单号 6222021234567890").transcript())).isEmpty();
	}

	@Test
	void acceptsPhoneNumbersAndDates() {
		assertThat(rule.inspect(chat().agent(10, "请拨打 138-0013-8000，2025-03-01 前有效").transcript())).isEmpty();
	}

	@Test
	void flagsAResidentIdNumberWithAValidCheckCharacter() {
		Transcript transcript = chat().agent(10, "身份证号 11010519491231002X 已登记").transcript();

		assertThat(rule.inspect(transcript)).singleElement().satisfies(o -> {
			assertThat(o.detail()).contains("resident ID").contains("002X").doesNotContain("110105");
		});
	}

	@Test
	void acceptsAnEighteenDigitNumberWithAWrongCheckCharacter() {
		assertThat(rule.inspect(chat().agent(10, "编号 110105194912310021").transcript())).isEmpty();
	}

	@Test
	void acceptsAMaskedResidentIdNumber() {
		assertThat(rule.inspect(chat().agent(10, "身份证 110105********002X").transcript())).isEmpty();
	}

	@Test
	void looksOnlyAtWhatAgentsWrote() {
		assertThat(rule.inspect(chat().contact(5, "my card is 4111 1111 1111 1111").transcript())).isEmpty();
	}
}
