package dev.kefu.channel.callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The callback security that WeChat Official Accounts ("消息加解密") and WeCom ("加解密方案", the same WXBizMsgCrypt
 * scheme) define. A callback is signed with the Token the admin typed into both consoles: SHA-1 in hex over the
 * sorted token, timestamp and nonce (and the ciphertext, when encrypted). Encrypted, the message is AES-256-CBC under
 * the EncodingAESKey (43 base64 characters; the IV is the key's first 16 bytes) over {@code 16 random bytes | 4-byte
 * length | message | receiver id}, padded PKCS#7-style to 32 bytes; the receiver is the account's AppId (WeChat) or
 * the corp ID (WeCom), and a message for another is refused.
 */
public final class CallbackCrypto {

	private static final int BLOCK = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String token;
	private final byte @Nullable [] aesKey;
	private final String receiverId;

	/** {@code encodingAesKey} may be absent for a WeChat account in plaintext mode. */
	public CallbackCrypto(String token, @Nullable String encodingAesKey, String receiverId) {
		this.token = token;
		this.aesKey = encodingAesKey == null || encodingAesKey.isBlank() ? null : key(encodingAesKey.strip());
		this.receiverId = receiverId;
	}

	/** Whether messages come encrypted: only then is an EncodingAESKey set. */
	public boolean encrypted() {
		return aesKey != null;
	}

	/** The plaintext-mode signature (WeChat's URL check and plaintext messages): timestamp and nonce only. */
	public boolean signedCallback(@Nullable String signature, @Nullable String timestamp, @Nullable String nonce) {
		return timestamp != null && nonce != null && same(signature(token, timestamp, nonce), signature);
	}

	/** The signature of an encrypted message, which also covers the ciphertext. */
	public boolean signedMessage(@Nullable String msgSignature, @Nullable String timestamp, @Nullable String nonce,
			String ciphertext) {
		return timestamp != null && nonce != null && same(signature(token, timestamp, nonce, ciphertext), msgSignature);
	}

	/** The plain text of a signed ciphertext (WeCom's URL check echostr, a callback's Encrypt), or refused. */
	public String open(String msgSignature, String timestamp, String nonce, String ciphertext) {
		if (!signedMessage(msgSignature, timestamp, nonce, ciphertext)) {
			throw new CallbackRejected("the msg_signature does not match the channel's Token");
		}
		return decrypt(ciphertext);
	}

	/** The message inside an envelope; refused if it was not made with this key for this receiver. */
	public String decrypt(String ciphertext) {
		byte[] key = requireKey();
		byte[] plain;
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
			plain = cipher.doFinal(Base64.getMimeDecoder().decode(ciphertext));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new CallbackRejected("the message cannot be decrypted with this channel's EncodingAESKey");
		}
		int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
		if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) {
			throw new CallbackRejected("the decrypted message is not a callback envelope; check the EncodingAESKey");
		}
		byte[] body = Arrays.copyOfRange(plain, 0, plain.length - pad);
		int length = ByteBuffer.wrap(body, 16, 4).getInt();
		if (length < 0 || 20 + length > body.length) {
			throw new CallbackRejected("the decrypted message is not a callback envelope; check the EncodingAESKey");
		}
		String to = new String(body, 20 + length, body.length - 20 - length, StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(receiverId.getBytes(StandardCharsets.UTF_8), to.getBytes(StandardCharsets.UTF_8))) {
			throw new CallbackRejected("the message was encrypted for another AppId or corp ID than this channel's");
		}
		return new String(body, 20, length, StandardCharsets.UTF_8);
	}

	/** An envelope of {@code message} with the given 16 random characters (the fake servers' side, and replies). */
	public String encrypt(String random, String message) {
		byte[] key = requireKey();
		byte[] text = message.getBytes(StandardCharsets.UTF_8);
		byte[] id = receiverId.getBytes(StandardCharsets.UTF_8);
		byte[] head = random.getBytes(StandardCharsets.UTF_8);
		int unpadded = head.length + 4 + text.length + id.length;
		int pad = BLOCK - unpadded % BLOCK;
		ByteBuffer plain = ByteBuffer.allocate(unpadded + pad).put(head).putInt(text.length).put(text).put(id);
		while (plain.hasRemaining()) {
			plain.put((byte) pad);
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
			return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES/CBC is part of every JDK", e);
		}
	}

	/** An envelope of {@code message} with fresh random bytes. */
	public String seal(String message) {
		byte[] random = new byte[8];
		RANDOM.nextBytes(random);
		return encrypt(HexFormat.of().formatHex(random), message);
	}

	/** The msg_signature of an encrypted message under this channel's Token. */
	public String sign(String timestamp, String nonce, String ciphertext) {
		return signature(token, timestamp, nonce, ciphertext);
	}

	/** SHA-1 in hex over the parts sorted as strings and joined: the callback signature. */
	public static String signature(String... parts) {
		String[] sorted = parts.clone();
		Arrays.sort(sorted);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-1 is part of every JDK", e);
		}
	}

	/** Whether an EncodingAESKey is well formed: 43 base64 characters that decode to 32 bytes. */
	public static boolean wellFormedKey(String encodingAesKey) {
		try {
			return encodingAesKey.strip().length() == 43 && key(encodingAesKey.strip()).length == 32;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private byte[] requireKey() {
		if (aesKey == null) {
			throw new CallbackRejected("the message is encrypted but this channel has no EncodingAESKey");
		}
		return aesKey;
	}

	private static byte[] key(String encodingAesKey) {
		// The key is base64 without its trailing '='; the JDK's decoder wants it back.
		return Base64.getDecoder().decode(encodingAesKey + "=");
	}

	private static boolean same(String expected, @Nullable String given) {
		return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				given.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
	}
}
