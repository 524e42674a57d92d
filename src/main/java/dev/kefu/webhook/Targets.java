package dev.kefu.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.springframework.stereotype.Component;

import dev.kefu.shared.RequestRejected;

/**
 * Keeps webhooks off the server's own networks (SSRF): loopback, link-local (cloud metadata), private (RFC 1918,
 * CGNAT, IPv6 unique-local), multicast and unspecified addresses are refused, unless
 * {@code kefu.webhooks.allow-private-targets}. Checked at registration and again before every attempt against what
 * the name resolves to then, so a name that later points inside (DNS rebinding) is refused too.
 */
@Component
class Targets {

	private final boolean allowPrivate;

	Targets(WebhookProperties properties) {
		this.allowPrivate = properties.allowPrivateTargets();
	}

	/** The URL as given, once it is an absolute http(s) URL whose host resolves only to public addresses. */
	URI check(String url) {
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (Exception e) {
			throw new RequestRejected("invalid-url", "not a URL: " + url);
		}
		if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
				|| uri.getHost() == null || uri.getRawUserInfo() != null || url.length() > 2000) {
			throw new RequestRejected("invalid-url", "an absolute http or https URL without user info is required");
		}
		String refusal = refusal(uri.getHost());
		if (refusal != null) {
			throw new RequestRejected("forbidden-target", refusal);
		}
		return uri;
	}

	/** Why this host may not be called now, or null when it may. */
	String refusal(String host) {
		if (allowPrivate) {
			return null;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException e) {
			return "host does not resolve: " + host;
		}
		for (InetAddress address : addresses) {
			if (internal(address)) {
				return "target " + host + " resolves to a loopback, link-local, private, multicast or unspecified address ("
						+ address.getHostAddress() + ")";
			}
		}
		return null;
	}

	static boolean internal(InetAddress address) {
		byte[] b = address.getAddress();
		return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isMulticastAddress() || address.isAnyLocalAddress()
				|| (b.length == 4 && (b[0] == 0 || (b[0] == 100 && (b[1] & 0xc0) == 64)))
				|| (b.length == 16 && (b[0] & 0xfe) == 0xfc);
	}
}
