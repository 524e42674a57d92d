package dev.kefu.channel.email;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The token that names a conversation in the Reply-To of Kefu's mails, by plus-addressing
 * ({@code support+k7f3q9x2m4ab@example.com}). A reply whose client dropped In-Reply-To and References still finds its
 * conversation by the address it was sent to. Random, so a customer cannot guess another's.
 */
final class ReplyToken {

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
	private static final Pattern TOKEN = Pattern.compile("k[a-z2-9]{11}");
	private static final SecureRandom RANDOM = new SecureRandom();

	private ReplyToken() {
	}

	static String newToken() {
		StringBuilder token = new StringBuilder("k");
		for (int i = 0; i < 11; i++) {
			token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return token.toString();
	}

	/** The support address with the token: where the customer's reply should go. */
	static String address(EmailSettings settings, String token) {
		int at = settings.address().indexOf('@');
		return settings.address().substring(0, at) + "+" + token + settings.address().substring(at);
	}

	/** The token of a recipient address that is the support address plus a token, or null. */
	static @Nullable String of(EmailSettings settings, String recipient) {
		String address = recipient.toLowerCase(Locale.ROOT);
		int at = settings.address().indexOf('@');
		String local = settings.address().substring(0, at);
		Matcher m = Pattern.compile(Pattern.quote(local) + "\\+(" + TOKEN.pattern() + ")" + Pattern.quote(
				settings.address().substring(at))).matcher(address);
		return m.matches() ? m.group(1) : null;
	}
}
