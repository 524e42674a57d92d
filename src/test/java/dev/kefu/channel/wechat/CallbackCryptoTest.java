package dev.kefu.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * WeChat's callback signatures and safe-mode envelope, checked with the official sample vectors of WeChat's "消息加解密"
 * downloads: the Java sample (WXBizMsgCryptTest: token pamtest, AppId wxb11529c136998cb6, random aaaabbbbccccdddd) and
 * the Python sample (Sample.py: token spamtest, AppId wx2c2769f8efd9abc2, a follower's encrypted text message with its
 * msg_signature).
 */
class CallbackCryptoTest {

	static final String SAMPLE_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	// The Java sample.
	static final String JAVA_TOKEN = "pamtest";
	static final String JAVA_APP_ID = "wxb11529c136998cb6";
	static final String JAVA_RANDOM = "aaaabbbbccccdddd";
	static final String JAVA_REPLY = "我是中文abcd123";
	static final String JAVA_REPLY_ENCRYPTED = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
	static final String JAVA_REPLY2 = "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>";
	static final String JAVA_REPLY2_ENCRYPTED = "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb";

	// The Python sample.
	static final String PY_TOKEN = "spamtest";
	static final String PY_APP_ID = "wx2c2769f8efd9abc2";
	static final String PY_TIMESTAMP = "1409735669";
	static final String PY_NONCE = "1320562132";
	static final String PY_MSG_SIGNATURE = "5d197aaffba7e9b25a30732f161a50dee96bd5fa";
	static final String PY_ENCRYPT = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";
	static final String PY_BODY = "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName><CreateTime>1409735668</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[abcdteT]]></Content><MsgId>6054768590064713728</MsgId><Encrypt><![CDATA["
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

		assertThatThrownBy(() -> CallbackXml.read(bomb)).hasMessageContaining("not a WeChat XML message");
	}

	@Test
	void checksTheShapeOfAnEncodingAesKey() {
		assertThat(CallbackCrypto.wellFormedKey(SAMPLE_KEY)).isTrue();
		assertThat(CallbackCrypto.wellFormedKey(SAMPLE_KEY.substring(1))).isFalse();
		assertThat(CallbackCrypto.wellFormedKey("!" + SAMPLE_KEY.substring(1))).isFalse();
	}
}
