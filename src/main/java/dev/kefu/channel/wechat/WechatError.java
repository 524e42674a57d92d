package dev.kefu.channel.wechat;

/** WeChat answered a call with a non-zero {@code errcode}: what it said, word for word. */
class WechatError extends RuntimeException {

	/** The access token is invalid (40001, 40014) or expired (42001): refresh it and try once more. */
	static boolean tokenExpired(int errcode) {
		return errcode == 40001 || errcode == 40014 || errcode == 42001;
	}

	private final int errcode;
	private final String errmsg;

	WechatError(String call, int errcode, String errmsg) {
		super("WeChat refused " + call + ": errcode " + errcode + ", errmsg " + errmsg);
		this.errcode = errcode;
		this.errmsg = errmsg;
	}

	int errcode() {
		return errcode;
	}

	String errmsg() {
		return errmsg;
	}
}
