package dev.kefu.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAgentsTest {

	@Test
	void tellsWeChatsInAppBrowserOnAPhoneFromTheChromeItIsBuiltOn() {
		String ua = "Mozilla/5.0 (Linux; Android 13; V2203A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/107.0.5304.141 "
				+ "Mobile Safari/537.36 XWEB/5023 MMWEBSDK/20230303 MicroMessenger/8.0.34.2340 WeChat/arm64";
		assertThat(UserAgents.browser(ua)).isEqualTo("wechat");
		assertThat(UserAgents.device(ua)).isEqualTo("mobile");
	}

	@Test
	void tellsTheCommonBrowsersAndDevices() {
		assertThat(UserAgents.browser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/120.0 Safari/537.36 Edg/120.0")).isEqualTo("edge");
		assertThat(UserAgents.browser("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "HeadlessChrome/120.0 Safari/537.36")).isEqualTo("chrome");
		assertThat(UserAgents.browser("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"))
			.isEqualTo("firefox");
		String iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
				+ "Version/17.1 Mobile/15E148 Safari/604.1";
		assertThat(UserAgents.browser(iphone)).isEqualTo("safari");
		assertThat(UserAgents.device(iphone)).isEqualTo("mobile");
		assertThat(UserAgents.device("Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15")).isEqualTo("tablet");
		assertThat(UserAgents.device("Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"))
			.isEqualTo("tablet");
		assertThat(UserAgents.device(null)).isEqualTo("desktop");
		assertThat(UserAgents.browser(null)).isEqualTo("other");
	}
}
