package dev.kefu.channel.wecom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * WeCom's callback protection (加解密方案, the WXBizMsgCrypt scheme it shares with WeChat): the signature is the SHA-1
 * of the sorted token, timestamp, nonce and ciphertext; the ciphertext is AES-256-CBC with the EncodingAESKey and
 * names the corp id it is for. The signature is checked here, so a bad one is told apart from a bad key; WxJava
 * decrypts and checks the corp id.
 */
final class CallbackCrypto {

	private final String token;
	private final WxCryptUtil crypt;

	CallbackCrypto(String token, String encodingAesKey, String corpId) {
		this.token = token;
		this.crypt = new WxCryptUtil(token, encodingAesKey, corpId);
	}

	/** The plain text of a signed ciphertext (a URL check's echostr, a callback's Encrypt). */
	String open(String signature, String timestamp, String nonce, String ciphertext) {
		if (!MessageDigest.isEqual(sign(timestamp, nonce, ciphertext).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII))) {
			throw new CallbackRejected("the msg_signature does not match the channel's Token");
		}
		try {
			return crypt.decrypt(ciphertext);
		}
		catch (RuntimeException e) {
			// A wrong EncodingAESKey or a message for another corp id: nothing from it may be trusted.
			throw new CallbackRejected("the message does not decrypt with the channel's EncodingAESKey and corp id");
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

	/** For tests and the fake WeCom: the ciphertext WeCom would send for a plain text (a fixed random prefix). */
	String seal(String plain) {
		return crypt.encrypt("kefu-test-prefix", plain);
	}
}
