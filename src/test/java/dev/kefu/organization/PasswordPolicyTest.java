package dev.kefu.organization;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kefu.shared.RequestRejected;

class PasswordPolicyTest {

	@ParameterizedTest
	@ValueSource(strings = { "password", "PASSWORD", "pw123456", "12345678", "iloveyou", "qwertyuiop", "short" })
	void refusesShortAndCommonPasswords(String password) {
		assertThatThrownBy(() -> PasswordPolicy.require(password)).isInstanceOfSatisfying(RequestRejected.class,
				e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("weak-password"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "password-1", "kefu-admin", "kefu-agent", "secret-pass", "correct horse battery" })
	void acceptsThePasswordsTheDemoAndTheTestsUse(String password) {
		assertThatCode(() -> PasswordPolicy.require(password)).doesNotThrowAnyException();
	}
}
