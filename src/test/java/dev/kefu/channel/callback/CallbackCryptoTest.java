package dev.kefu.channel.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * The callback signatures and envelopes that WeChat and WeCom share, checked with both platforms' official sample
 * vectors. WeChat's "消息加解密" downloads: the Java sample (WXBizMsgCryptTest: token pamtest, AppId
 * wxb11529c136998cb6, random aaaabbbbccccdddd) and the Python sample (Sample.py: token spamtest, AppId
 * wx2c2769f8efd9abc2, a follower's encrypted text message with its msg_signature). WeCom's WXBizMsgCrypt samples
 * (加解密方案说明): token QDG6eK, corp id wx5823bf96d3bd56c7 and its EncodingAESKey.
 */
public class CallbackCryptoTest {


	public static final String SAMPLE_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	// The Java sample.
	public static final String JAVA_TOKEN = "pamtest";
	public static final String JAVA_APP_ID = "wxb11529c136998cb6";
	public static final String JAVA_RANDOM = "aaaabbbbccccdddd";
	public static final String JAVA_REPLY = "我是中文abcd123";
	public static final String JAVA_REPLY_ENCRYPTED = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
	public static final String JAVA_REPLY2 = "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>";
	public static final String JAVA_REPLY2_ENCRYPTED = "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb";

	// The Python sample.
	public static final String PY_TOKEN = "spamtest";
	public static final String PY_APP_ID = "wx2c2769f8efd9abc2";
	public static final String PY_TIMESTAMP = "1409735669";
	public static final String PY_NONCE = "1320562132";
	public static final String PY_MSG_SIGNATURE = "5d197aaffba7e9b25a30732f161a50dee96bd5fa";
	public static final String PY_ENCRYPT = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";
	public static final String PY_BODY = "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName><CreateTime>1409735668</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[abcdteT]]></Content><MsgId>6054768590064713728</MsgId><Encrypt><![CDATA["
			+ PY_ENCRYPT + "]]></Encrypt></xml>";

	@Test
	void encryptsTheJavaSamplesRepliesToTheOfficialCiphertexts() {
		CallbackCrypto crypto = new CallbackCrypto(JAVA_TOKEN, SAMPLE_KEY, JAVA_APP_ID);

		assertThat(crypto.encrypt(JAVA_RANDOM, JAVA_REPLY)).isEqualTo(JAVA_REPLY_ENCRYPTED);
		assertThat(crypto.encrypt(JAVA_RANDOM, JAVA_REPLY2)).isEqualTo(JAVA_REPLY2_ENCRYPTED);
	}

	@Test
	void decryptsTheJavaSamplesCiphertextsToTheirPlaintexts() {
		CallbackCrypto crypto = new CallbackCrypto(JAVA_TOKEN, SAMPLE_KEY, JAVA_APP_ID);

		assertThat(crypto.decrypt(JAVA_REPLY_ENCRYPTED)).isEqualTo(JAVA_REPLY);
		assertThat(crypto.decrypt(JAVA_REPLY2_ENCRYPTED)).isEqualTo(JAVA_REPLY2);
	}

	@Test
	void acceptsThePythonSamplesSignedMessageAndReadsTheFollowersText() {
		CallbackCrypto crypto = new CallbackCrypto(PY_TOKEN, SAMPLE_KEY, PY_APP_ID);
		Map<String, String> envelope = CallbackXml.read(PY_BODY);

		assertThat(crypto.signedMessage(PY_MSG_SIGNATURE, PY_TIMESTAMP, PY_NONCE, envelope.get("Encrypt"))).isTrue();
		Map<String, String> message = CallbackXml.read(crypto.decrypt(envelope.get("Encrypt")));

		assertThat(message).containsEntry("FromUserName", "oyORnuP8q7ou2gfYjqLzSIWZf0rs")
			.containsEntry("MsgType", "text")
			.containsEntry("Content", "abcdteT")
			.containsEntry("MsgId", "6054768590064713728");
	}

	@Test
	void refusesASignatureOverAnotherCiphertextOrWithAnotherToken() {
		CallbackCrypto crypto = new CallbackCrypto(PY_TOKEN, SAMPLE_KEY, PY_APP_ID);
		CallbackCrypto otherToken = new CallbackCrypto("othertoken", SAMPLE_KEY, PY_APP_ID);

		assertThat(crypto.signedMessage(PY_MSG_SIGNATURE, PY_TIMESTAMP, PY_NONCE, JAVA_REPLY_ENCRYPTED)).isFalse();
		assertThat(crypto.signedMessage(PY_MSG_SIGNATURE, PY_TIMESTAMP, "1", PY_ENCRYPT)).isFalse();
		assertThat(otherToken.signedMessage(PY_MSG_SIGNATURE, PY_TIMESTAMP, PY_NONCE, PY_ENCRYPT)).isFalse();
		assertThat(crypto.signedMessage(null, PY_TIMESTAMP, PY_NONCE, PY_ENCRYPT)).isFalse();
	}

	@Test
	void refusesAMessageEncryptedForAnotherAppId() {
		CallbackCrypto otherAccount = new CallbackCrypto(PY_TOKEN, SAMPLE_KEY, "wx0000000000000000");

		assertThatThrownBy(() -> otherAccount.decrypt(PY_ENCRYPT)).isInstanceOf(CallbackRejected.class)
			.hasMessageContaining("another AppId");
	}

	@Test
	void signsUrlVerificationAsTheSortedTokenTimestampAndNonce() {
		CallbackCrypto crypto = new CallbackCrypto(JAVA_TOKEN, null, JAVA_APP_ID);
		// sha1("1409304348" + "pamtest" + "xxxxxx"), the three sorted as strings.
		String expected = CallbackCrypto.signature("xxxxxx", "pamtest", "1409304348");

		assertThat(expected).isEqualTo(CallbackCrypto.signature("1409304348", "pamtest", "xxxxxx"));
		assertThat(crypto.signedCallback(expected, "1409304348", "xxxxxx")).isTrue();
		assertThat(crypto.signedCallback(expected.toUpperCase(), "1409304348", "xxxxxx")).isTrue();
		assertThat(crypto.signedCallback(expected, "1409304349", "xxxxxx")).isFalse();
		assertThat(crypto.encrypted()).isFalse();
	}

	@Test
	void refusesXmlWithADoctypeSoNoEntityIsEverExpanded() {
		String bomb = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><xml><Content>&a;</Content></xml>";

		assertThatThrownBy(() -> CallbackXml.read(bomb)).hasFieldOrPropertyWithValue("code", "malformed-request");
	}

	@Test
	void checksTheShapeOfAnEncodingAesKey() {
		assertThat(CallbackCrypto.wellFormedKey(SAMPLE_KEY)).isTrue();
		assertThat(CallbackCrypto.wellFormedKey(SAMPLE_KEY.substring(1))).isFalse();
		assertThat(CallbackCrypto.wellFormedKey("!" + SAMPLE_KEY.substring(1))).isFalse();
	}

	// WeCom's samples.
	static final String WECOM_TOKEN = "QDG6eK";
	static final String WECOM_CORP_ID = "wx5823bf96d3bd56c7";
	static final String WECOM_AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

	final CallbackCrypto wecom = new CallbackCrypto(WECOM_TOKEN, WECOM_AES_KEY, WECOM_CORP_ID);

	@Test
	void opensWecomsSampleUrlCheck() {
		String echo = wecom.open("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780",
				"P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==");

		assertThat(echo).isEqualTo("1616140317555161061");
	}

	@Test
	void opensWecomsSampleMessage() {
		String encrypted = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

		String xml = wecom.open("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", encrypted);

		assertThat(CallbackXml.read(xml)).containsEntry("ToUserName", WECOM_CORP_ID).containsEntry("MsgType", "text");
	}

	@Test
	void refusesATamperedWecomSignature() {
		assertThatThrownBy(() -> wecom.open("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4", "1409659589", "263014780",
				"P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=="))
			.isInstanceOf(CallbackRejected.class);
	}

	@Test
	void opensWhatItSealsAndWhatWxJavaSeals() {
		String sealed = wecom.seal("<xml><Event>kf_msg_or_event</Event></xml>");

		assertThat(wecom.open(wecom.sign("1", "2", sealed), "1", "2", sealed))
			.isEqualTo("<xml><Event>kf_msg_or_event</Event></xml>");
		String wxJava = new WxCryptUtil(WECOM_TOKEN, WECOM_AES_KEY, WECOM_CORP_ID).encrypt("0123456789abcdef",
				"<xml><Event>x</Event></xml>");
		assertThat(wecom.open(wecom.sign("1", "2", wxJava), "1", "2", wxJava)).isEqualTo("<xml><Event>x</Event></xml>");
	}

	@Test
	void refusesAMessageSealedForAnotherCorp() {
		CallbackCrypto other = new CallbackCrypto(WECOM_TOKEN, WECOM_AES_KEY, "ww0000000000000000");
		String sealed = other.seal("<xml><Event>kf_msg_or_event</Event></xml>");

		assertThatThrownBy(() -> wecom.open(wecom.sign("1", "2", sealed), "1", "2", sealed))
			.isInstanceOf(CallbackRejected.class);
	}

	@Test
	void readsNoExternalEntities() {
		assertThatThrownBy(() -> CallbackXml.read("""
				<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Encrypt>&x;</Encrypt></xml>"""))
			.hasMessageContaining("not callback XML");
	}

	@Test
	void refusesEmptyAndShortCiphertextsAsNotAnEnvelopeRatherThanFailing() {
		CallbackCrypto crypto = new CallbackCrypto(PY_TOKEN, SAMPLE_KEY, PY_APP_ID);

		for (String ciphertext : new String[] { "", "AAAA", "not base64 at all!", "A".repeat(44) }) {
			assertThatThrownBy(() -> crypto.decrypt(ciphertext)).isInstanceOf(CallbackRejected.class);
		}
		assertThatThrownBy(() -> new CallbackCrypto(PY_TOKEN, null, PY_APP_ID).decrypt(PY_ENCRYPT))
			.isInstanceOf(CallbackRejected.class).hasMessageContaining("no EncodingAESKey");
	}
}
