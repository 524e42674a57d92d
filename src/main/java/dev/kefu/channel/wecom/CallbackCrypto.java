package dev.kefu.channel.wecom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * WeCom's callback protection (加解密方案, the WXBizMsgCrypt scheme it shares with WeChat): the signature is the SHA-1
 * of the sorted token, timestamp, nonce and ciphertext; the ciphertext is AES-256-CBC (key: the EncodingAESKey
 * decoded, IV: its first 16 bytes, PKCS#7 padding to 32 bytes) of 16 random bytes, the message's length (4 bytes,
 * network order), the message and the corp id it is for. Decrypted here rather than by WxJava, whose decrypt does
 * not check that corp id.
 */
final class CallbackCrypto {

	private final String token;
	private final String corpId;
	private final byte[] aesKey;
	private final WxCryptUtil crypt;

	CallbackCrypto(String token, String encodingAesKey, String corpId) {
		this.token = token;
		this.corpId = corpId;
		this.aesKey = Base64.getDecoder().decode(encodingAesKey + "=");
		this.crypt = new WxCryptUtil(token, encodingAesKey, corpId);
	}

	/** The plain text of a signed ciphertext (a URL check's echostr, a callback's Encrypt). */
	String open(String signature, String timestamp, String nonce, String ciphertext) {
		if (!MessageDigest.isEqual(sign(timestamp, nonce, ciphertext).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII))) {
			throw new CallbackRejected("the msg_signature does not match the channel's Token");
		}
		String[] opened = decrypt(ciphertext);
		if (!corpId.equals(opened[1])) {
			throw new CallbackRejected("the message is for another corp ID than the channel's");
		}
		return opened[0];
	}

	/** The message and the corp id it names; a wrong EncodingAESKey gives garbage, refused. */
	private String[] decrypt(String ciphertext) {
		try {
			Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
			aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"),
					new IvParameterSpec(Arrays.copyOfRange(aesKey, 0, 16)));
			byte[] plain = aes.doFinal(Base64.getMimeDecoder().decode(ciphertext));
			int pad = plain[plain.length - 1] & 0xff;
			if (pad < 1 || pad > 32 || plain.length < 20 + pad) {
				throw new IllegalArgumentException("bad padding");
			}
			int end = plain.length - pad;
			int length = ByteBuffer.wrap(plain, 16, 4).getInt();
			if (length < 0 || 20 + length > end) {
				throw new IllegalArgumentException("bad length");
			}
			return new String[] { new String(plain, 20, length, StandardCharsets.UTF_8),
					new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8) };
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new CallbackRejected("the message does not decrypt with the channel's EncodingAESKey");
		}
	}

	String sign(String timestamp, String nonce, String ciphertext) {
		String[] parts = { token, timestamp, nonce, ciphertext };
		Arrays.sort(parts);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-1 is part of every JDK", e);
		}
	}

	/** For tests and the fake WeCom: the ciphertext WeCom would send for a plain text (WxJava's encryption). */
	String seal(String plain) {
		return crypt.encrypt("kefu-test-prefix", plain);
	}
}
