package dev.kefu.channel.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * WeChat's callback security, as its "消息加解密" documents define it. A callback is signed with the token the admin
 * typed into both consoles: SHA-1 over the sorted token, timestamp and nonce (and, in safe mode, the ciphertext). In
 * safe mode the message is AES-256-CBC under the EncodingAESKey (43 base64 characters; the IV is the key's first 16
 * bytes) over {@code 16 random bytes | 4-byte length | XML | AppId}, padded PKCS#7-style to 32 bytes.
 */
final class CallbackCrypto {

	private static final int BLOCK = 32;

	private final String token;
	private final byte @Nullable [] aesKey;
	private final String appId;

	CallbackCrypto(String token, @Nullable String encodingAesKey, String appId) {
		this.token = token;
		this.aesKey = encodingAesKey == null || encodingAesKey.isBlank() ? null : key(encodingAesKey.strip());
		this.appId = appId;
	}

	/** Whether followers' messages come encrypted (safe or compatible mode): only then is an EncodingAESKey set. */
	boolean encrypted() {
		return aesKey != null;
	}

	/** The plaintext-mode signature (URL verification, plaintext messages): timestamp and nonce only. */
	boolean signedCallback(@Nullable String signature, @Nullable String timestamp, @Nullable String nonce) {
		return timestamp != null && nonce != null && same(signature(token, timestamp, nonce), signature);
	}

	/** The safe-mode signature, which also covers the ciphertext. */
	boolean signedMessage(@Nullable String msgSignature, @Nullable String timestamp, @Nullable String nonce,
			String ciphertext) {
		return timestamp != null && nonce != null && same(signature(token, timestamp, nonce, ciphertext), msgSignature);
	}

	/** The XML inside a safe-mode envelope; refused if it was not made with this key for this AppId. */
	String decrypt(String ciphertext) {
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
		int pad = plain.length == 0 ? 0 : plain[plain.length - 1];
		if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) {
			throw new CallbackRejected("the decrypted message is not a WeChat envelope; check the EncodingAESKey");
		}
		byte[] body = Arrays.copyOfRange(plain, 0, plain.length - pad);
		int length = ByteBuffer.wrap(body, 16, 4).getInt();
		if (length < 0 || 20 + length > body.length) {
			throw new CallbackRejected("the decrypted message is not a WeChat envelope; check the EncodingAESKey");
		}
		String from = new String(body, 20 + length, body.length - 20 - length, StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(appId.getBytes(StandardCharsets.UTF_8), from.getBytes(StandardCharsets.UTF_8))) {
			throw new CallbackRejected("the message was encrypted for another AppId than this channel's");
		}
		return new String(body, 20, length, StandardCharsets.UTF_8);
	}

	/** A safe-mode envelope of {@code xml}, with the given 16 random characters (the fake WeChat server's side). */
	String encrypt(String random, String xml) {
		byte[] key = requireKey();
		byte[] text = xml.getBytes(StandardCharsets.UTF_8);
		byte[] id = appId.getBytes(StandardCharsets.UTF_8);
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

	/** SHA-1 in hex over the parts sorted as strings and joined: WeChat's callback signature. */
	static String signature(String... parts) {
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
	static boolean wellFormedKey(String encodingAesKey) {
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
		// WeChat's key is base64 without its trailing '='; the JDK's decoder wants it back.
		return Base64.getDecoder().decode(encodingAesKey + "=");
	}

	private static boolean same(String expected, @Nullable String given) {
		return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				given.strip().toLowerCase().getBytes(StandardCharsets.UTF_8));
	}
}
