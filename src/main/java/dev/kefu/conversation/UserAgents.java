package dev.kefu.conversation;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A rough reading of a User-Agent header, enough for an agent to picture the customer's screen: which kind of device
 * and which browser. Public, so supervision reads the visitors on the site the same way. Order matters: WeChat's
 * in-app browser and Edge also call themselves Chrome and Safari.
 */
public final class UserAgents {

	private UserAgents() {
	}

	public static String device(@Nullable String userAgent) {
		String ua = lower(userAgent);
		if (ua.contains("ipad") || ua.contains("tablet") || (ua.contains("android") && !ua.contains("mobile"))) {
			return "tablet";
		}
		if (ua.contains("mobi") || ua.contains("iphone") || ua.contains("android")) {
			return "mobile";
		}
		return "desktop";
	}

	public static String browser(@Nullable String userAgent) {
		String ua = lower(userAgent);
		if (ua.contains("micromessenger")) {
			return "wechat";
		}
		if (ua.contains("edg/") || ua.contains("edga/") || ua.contains("edgios/")) {
			return "edge";
		}
		if (ua.contains("firefox/") || ua.contains("fxios/")) {
			return "firefox";
		}
		if (ua.contains("chrome/") || ua.contains("crios/")) {
			return "chrome";
		}
		if (ua.contains("safari/")) {
			return "safari";
		}
		return "other";
	}

	private static String lower(@Nullable String userAgent) {
		return userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
	}
}
