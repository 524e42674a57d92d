package dev.kefu.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.kefu.shared.RequestRejected;

/** An instance's configuration is checked against its provider's schema, without a server. */
class ChannelConfigurationTest {

	/** A provider as issue #13's e-mail channel might declare one: a setting of every type, one of them secret. */
	static final ChannelProvider MAIL = new ChannelProvider() {

		@Override
		public String id() {
			return "mail";
		}

		@Override
		public String displayName() {
			return "E-mail";
		}

		@Override
		public List<ConfigProperty> configuration() {
			return List.of(ConfigProperty.required("host", "IMAP host", ConfigProperty.Type.STRING),
					ConfigProperty.optional("port", "Port", ConfigProperty.Type.INTEGER),
					ConfigProperty.optional("tls", "Use TLS", ConfigProperty.Type.BOOLEAN),
					ConfigProperty.optional("webmail", "Webmail link", ConfigProperty.Type.URL),
					ConfigProperty.secret("password", "Password"));
		}

		@Override
		public @Nullable String inboundPath() {
			return null;
		}
	};

	@Test
	void acceptsAConfigurationOfTheRightTypesAndStripsText() {
		Map<String, Object> checked = ChannelConfiguration.checked(MAIL,
				given("host", " imap.example.com ", "port", 993, "tls", true, "webmail", "https://mail.example.com",
						"password", "s3cret"),
				Map.of());

		assertThat(checked).containsEntry("host", "imap.example.com").containsEntry("port", 993)
			.containsEntry("tls", true).containsEntry("password", "s3cret");
	}

	@Test
	void refusesAMissingRequiredSetting() {
		assertThatThrownBy(() -> ChannelConfiguration.checked(MAIL, given("password", "x"), Map.of()))
			.isInstanceOfSatisfying(RequestRejected.class, e -> {
				assertThat(e.code()).isEqualTo("invalid-configuration");
				assertThat(e.getMessage()).contains("host");
			});
		assertThatThrownBy(() -> ChannelConfiguration.checked(MAIL, given("host", "  ", "password", "x"), Map.of()))
			.hasMessageContaining("host");
	}

	@Test
	void refusesAValueOfTheWrongType() {
		assertThatThrownBy(() -> ChannelConfiguration.checked(MAIL, given("host", "h", "password", "x", "port", "993"),
				Map.of())).hasMessageContaining("port must be an integer");
		assertThatThrownBy(() -> ChannelConfiguration.checked(MAIL, given("host", "h", "password", "x", "tls", "yes"),
				Map.of())).hasMessageContaining("tls must be a boolean");
		assertThatThrownBy(() -> ChannelConfiguration.checked(MAIL,
				given("host", "h", "password", "x", "webmail", "javascript:alert(1)"), Map.of()))
			.hasMessageContaining("webmail must be a url");
		assertThatThrownBy(() -> ChannelConfiguration.checked(MAIL, given("host", 42, "password", "x"), Map.of()))
			.hasMessageContaining("host must be a string");
	}

	@Test
	void refusesASettingTheProviderDoesNotHave() {
		assertThatThrownBy(() -> ChannelConfiguration.checked(MAIL, given("host", "h", "password", "x", "smtp", "s"),
				Map.of())).isInstanceOfSatisfying(RequestRejected.class,
						e -> assertThat(e.getMessage()).contains("no setting smtp"));
	}

	@Test
	void aSecretSettingIsShownMaskedAndKeptWhenLeftOutOrSentBackMasked() {
		Map<String, Object> stored = Map.of("host", "h", "password", "s3cret");

		Map<String, Object> shown = ChannelConfiguration.shown(MAIL, stored);
		Map<String, Object> leftOut = ChannelConfiguration.checked(MAIL, given("host", "h2"), stored);
		Map<String, Object> sentBack = ChannelConfiguration.checked(MAIL, new HashMap<>(shown), stored);

		assertThat(shown).containsEntry("password", "********").containsEntry("host", "h");
		assertThat(leftOut).containsEntry("password", "s3cret").containsEntry("host", "h2");
		assertThat(sentBack).containsEntry("password", "s3cret");
	}

	private static Map<String, @Nullable Object> given(Object... keysAndValues) {
		Map<String, @Nullable Object> map = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}
}
