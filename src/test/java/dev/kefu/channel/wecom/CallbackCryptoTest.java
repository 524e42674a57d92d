package dev.kefu.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The callback scheme against the sample vectors of WeCom's own WXBizMsgCrypt samples (加解密方案说明): token
 * QDG6eK, corp id wx5823bf96d3bd56c7 and its EncodingAESKey.
 */
class CallbackCryptoTest {

	static final String TOKEN = "QDG6eK";
	static final String CORP_ID = "wx5823bf96d3bd56c7";
	static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

	final CallbackCrypto crypto = new CallbackCrypto(TOKEN, AES_KEY, CORP_ID);

	@Test
	void opensTheSampleUrlCheck() {
		String echo = crypto.open("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780",
				"P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==");

		assertThat(echo).isEqualTo("1616140317555161061");
	}

	@Test
	void opensTheSampleMessage() {
		String encrypted = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

		String xml = crypto.open("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", encrypted);

		assertThat(CallbackXml.fields(xml)).containsEntry("ToUserName", CORP_ID).containsEntry("MsgType", "text");
	}

	@Test
	void refusesATamperedSignature() {
		assertThatThrownBy(() -> crypto.open("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4", "1409659589", "263014780",
				"P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=="))
			.isInstanceOf(CallbackRejected.class);
	}

	@Test
	void opensWhatItSeals() {
		String sealed = crypto.seal("<xml><Event>kf_msg_or_event</Event></xml>");

		assertThat(crypto.open(crypto.sign("1", "2", sealed), "1", "2", sealed))
			.isEqualTo("<xml><Event>kf_msg_or_event</Event></xml>");
	}

	@Test
	void refusesAMessageSealedForAnotherCorp() {
		CallbackCrypto other = new CallbackCrypto(TOKEN, AES_KEY, "ww0000000000000000");
		String sealed = other.seal("<xml><Event>kf_msg_or_event</Event></xml>");

		assertThatThrownBy(() -> crypto.open(crypto.sign("1", "2", sealed), "1", "2", sealed))
			.isInstanceOf(CallbackRejected.class);
	}

	@Test
	void readsNoExternalEntities() {
		assertThatThrownBy(() -> CallbackXml.fields("""
				<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Encrypt>&x;</Encrypt></xml>"""))
			.hasMessageContaining("callback XML");
	}
}
