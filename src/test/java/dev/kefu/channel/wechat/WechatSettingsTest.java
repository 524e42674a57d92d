package dev.kefu.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.kefu.channel.callback.CallbackCryptoTest;
import dev.kefu.shared.RequestRejected;

/** What an admin types must be what the WeChat console shows, or WeChat refuses the server URL without saying why. */
class WechatSettingsTest {

	static WechatSettings settings(String appId, String token, String key) {
		return new WechatSettings(appId, "secret", token, key, null, null, WechatApi.DEFAULT_BASE);
	}

	@Test
	void acceptsTheConsolesAppIdTokenAndKey() {
		assertThat(settings("wx2c2769f8efd9abc2", "spamtest", CallbackCryptoTest.SAMPLE_KEY).checked().crypto()
			.encrypted()).isTrue();
		assertThat(settings("wx2c2769f8efd9abc2", "spamtest", null).checked().crypto().encrypted()).isFalse();
	}

	@Test
	void refusesWhatTheConsoleWouldNotShowWithTheNameOfTheSetting() {
		assertThatThrownBy(() -> settings("gh_10f6c3c3ac5a", "spamtest", null).checked())
			.isInstanceOf(RequestRejected.class).hasMessageContaining("appId");
		assertThatThrownBy(() -> settings("wx2c2769f8efd9abc2", "to", null).checked())
			.isInstanceOf(RequestRejected.class).hasMessageContaining("token");
		assertThatThrownBy(() -> settings("wx2c2769f8efd9abc2", "spam test", null).checked())
			.isInstanceOf(RequestRejected.class).hasMessageContaining("token");
		assertThatThrownBy(() -> settings("wx2c2769f8efd9abc2", "spamtest", "short").checked())
			.isInstanceOf(RequestRejected.class).hasMessageContaining("encodingAESKey");
	}
}
