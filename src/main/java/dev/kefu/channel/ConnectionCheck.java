package dev.kefu.channel;

import io.swagger.v3.oas.annotations.media.Schema;

/** What "test the connection" found: whether the channel's settings work, and if not, exactly what failed. */
@Schema(example = """
		{"ok":false,"detail":"IMAP login to imap.example.com:993 refused: [AUTHENTICATIONFAILED] Invalid credentials"}""")
public record ConnectionCheck(boolean ok, String detail) {

	public static ConnectionCheck ok(String detail) {
		return new ConnectionCheck(true, detail);
	}

	public static ConnectionCheck failed(String detail) {
		return new ConnectionCheck(false, detail);
	}
}
