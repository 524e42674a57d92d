package dev.kefu.shared;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

/**
 * Keeps Kefu's outbound calls (webhooks, channel callbacks, CRM lookups) off the server's own networks (SSRF):
 * loopback, link-local (cloud metadata), private (RFC 1918, CGNAT, IPv6 unique-local), multicast and unspecified
 * addresses are refused, unless the caller's property allows private targets (tests, an intranet). Checked when a URL
 * is registered and again before every call against what the name resolves to then, so a name that later points
 * inside (DNS rebinding) is refused too.
 */
public class OutboundTargets {

	private final boolean allowPrivate;

	public OutboundTargets(boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	/** The URL as given, once it is an absolute http(s) URL whose host resolves only to public addresses. */
	public URI check(String url) {
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
	public @Nullable String refusal(String host) {
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

	public static boolean internal(InetAddress address) {
		byte[] b = address.getAddress();
		return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isMulticastAddress() || address.isAnyLocalAddress()
				|| (b.length == 4 && (b[0] == 0 || (b[0] == 100 && (b[1] & 0xc0) == 64)))
				|| (b.length == 16 && (b[0] & 0xfe) == 0xfc);
	}
}
