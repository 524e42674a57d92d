package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one-time password algorithms against the test vectors of their RFCs. */
class TotpTest {

	private static final byte[] SEED20 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	/** RFC 4226 appendix D: HOTP of the 20-byte seed for counters 0 to 9. */
	@ParameterizedTest
	@CsvSource({ "0,755224", "1,287082", "2,359152", "3,969429", "4,338314", "5,254676", "6,287922", "7,162583",
			"8,399871", "9,520489" })
	void hotpMatchesRfc4226(long counter, String expected) {
		assertThat(Totp.code(SEED20, counter)).isEqualTo(expected);
	}

	/** RFC 6238 appendix B: eight-digit TOTP at the given Unix times, for SHA-1, SHA-256 and SHA-512. */
	@ParameterizedTest
	@CsvSource({ "59,94287082,HmacSHA1", "1111111109,07081804,HmacSHA1", "1111111111,14050471,HmacSHA1",
			"1234567890,89005924,HmacSHA1", "2000000000,69279037,HmacSHA1", "20000000000,65353130,HmacSHA1",
			"59,46119246,HmacSHA256", "1111111109,68084774,HmacSHA256", "1234567890,91819424,HmacSHA256",
			"20000000000,77737706,HmacSHA256", "59,90693936,HmacSHA512", "1111111111,99943326,HmacSHA512",
			"2000000000,38618901,HmacSHA512", "20000000000,47863826,HmacSHA512" })
	void totpMatchesRfc6238(long unixTime, String expected, String algorithm) {
		String seed = switch (algorithm) {
			case "HmacSHA256" -> "12345678901234567890123456789012";
			case "HmacSHA512" -> "1234567890123456789012345678901234567890123456789012345678901234";
			default -> "12345678901234567890";
		};
		long step = Totp.step(Instant.ofEpochSecond(unixTime));
		assertThat(Totp.code(seed.getBytes(StandardCharsets.US_ASCII), step, algorithm, 8)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "59,287082", "1111111109,081804", "1234567890,005924" })
	void sixDigitCodesAreTheLastSixOfTheEightDigitOnes(long unixTime, String expected) {
		assertThat(Totp.code(SEED20, Totp.step(Instant.ofEpochSecond(unixTime)))).isEqualTo(expected);
		assertThat(Totp.matches(SEED20, Totp.step(Instant.ofEpochSecond(unixTime)), expected)).isTrue();
		assertThat(Totp.matches(SEED20, Totp.step(Instant.ofEpochSecond(unixTime)) + 1, expected)).isFalse();
	}

	/** RFC 4648 section 10, without the padding that otpauth URIs leave out. */
	@ParameterizedTest
	@CsvSource({ "f,MY", "fo,MZXQ", "foo,MZXW6", "foob,MZXW6YQ", "fooba,MZXW6YTB", "foobar,MZXW6YTBOI" })
	void base32MatchesRfc4648(String plain, String expected) {
		assertThat(Totp.base32(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
	}

	@org.junit.jupiter.api.Test
	void theSecretDecodesBackFromItsBase32() {
		assertThat(TwoFactorTestCodes.decode(Totp.base32(SEED20))).isEqualTo(SEED20);
	}
}
