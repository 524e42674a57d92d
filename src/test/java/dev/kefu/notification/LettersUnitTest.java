package dev.kefu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The wording of system mail, without Spring: language, escaping, the customer's words kept as written. */
class LettersUnitTest {

	@Test
	void writesChineseWhenTheCustomerOrTheAgentWroteChinese() {
		assertThat(Letters.languageOf(List.of("Where is my parcel?"))).isEqualTo("en");
		assertThat(Letters.languageOf(List.of("order 42", "您的包裹明天到"))).isEqualTo("zh-CN");
		assertThat(Letters.languageOf(List.of("20261125"))).isEqualTo("en");
	}

	@Test
	void escapesWhatPeopleWroteInTheHtmlAndKeepsItAsWrittenInTheText() {
		Letter letter = Letters.answer("en", "ACME <Shop>", "Eve <script>", "Li & Co", "Hi <b>",
				"<a href=\"https://evil.example\">click</a>\nsecond line", List.of("<img src=x onerror=alert(1)>"));

		assertThat(letter.html()).doesNotContain("<script>", "<a href", "<img", "<b>")
			.contains("&lt;a href=&quot;https://evil.example&quot;&gt;click&lt;/a&gt;<br>second line",
					"&lt;img src=x onerror=alert(1)&gt;", "Li &amp; Co");
		assertThat(letter.text()).contains("Hello Eve <script>,", "<a href=\"https://evil.example\">click</a>",
				"> <img src=x onerror=alert(1)>");
		assertThat(letter.subject()).isEqualTo("Re: Hi <b>");
	}

	@Test
	void alertsNameWhyTheMessageWasLeftAndLinkTheDeskWhenItsAddressIsKnown() {
		Letter letter = Letters.alert("zh-CN", "售后", "发票", "王芳", null, "138 0000 0000", "OUTSIDE_BUSINESS_HOURS",
				"发票开错了", "https://kefu.example.com/desk/");

		assertThat(letter.subject()).isEqualTo("【售后】新留言：发票");
		assertThat(letter.text()).contains("非工作时间", "姓名: 王芳", "电话: 138 0000 0000", "发票开错了",
				"https://kefu.example.com/desk/").doesNotContain("邮箱");
		assertThat(letter.html()).contains("<a href=\"https://kefu.example.com/desk/\">");
	}

	@Test
	void plausibleAddressesAreSingleAddressesWithoutNamesOrBreaks() {
		assertThat(Addresses.plausible("wang@example.com")).isTrue();
		assertThat(Addresses.plausible("a@b.com, c@d.com")).isFalse();
		assertThat(Addresses.plausible("Wang <wang@example.com>")).isFalse();
		assertThat(Addresses.plausible("wang@example.com\r\nBcc: x@y.com")).isFalse();
		assertThat(Addresses.plausible(null)).isFalse();
	}
}
