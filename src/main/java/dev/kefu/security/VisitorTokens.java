package dev.kefu.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.kefu.organization.Tenants;
import dev.kefu.shared.VisitorCaller;

/**
 * Stateless, signed visitor identities: {@code v1.<organization, contact, issued-at[, verified]>.<HMAC-SHA256>}. The
 * widget keeps the token in local storage, so a visitor stays the same contact across reloads and tabs without a
 * login. The verified byte says the host site vouched for the customer when the token was issued; tokens without it
 * (including those issued before it existed) are anonymous. A token for a contact that staff merged into another acts
 * as the survivor ({@link VisitorContacts}), so a chat open in the widget goes on after the merge.
 */
@Service
public class VisitorTokens {

	static final String PREFIX = "v1.";

	private static final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
	private static final Base64.Decoder decoder = Base64.getUrlDecoder();

	private final SecretKeySpec key;
	private final SecurityProperties properties;
	private final Clock clock;
	private final ObjectProvider<VisitorContacts> contacts;
	private final Tenants tenants;

	VisitorTokens(SigningKeys keys, SecurityProperties properties, Clock clock, ObjectProvider<VisitorContacts> contacts,
			Tenants tenants) {
		this.tenants = tenants;
		String configured = properties.visitorTokenSecret();
		byte[] secret = configured == null || configured.isBlank() ? keys.secret("visitor")
				: configured.getBytes(StandardCharsets.UTF_8);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.properties = properties;
		this.clock = clock;
		this.contacts = contacts;
	}

	public String issue(UUID organizationId, UUID contactId) {
		return issue(organizationId, contactId, false);
	}

	public String issue(UUID organizationId, UUID contactId, boolean verified) {
		ByteBuffer payload = ByteBuffer.allocate(41);
		payload.putLong(organizationId.getMostSignificantBits()).putLong(organizationId.getLeastSignificantBits());
		payload.putLong(contactId.getMostSignificantBits()).putLong(contactId.getLeastSignificantBits());
		payload.putLong(clock.instant().getEpochSecond());
		payload.put((byte) (verified ? 1 : 0));
		String body = encoder.encodeToString(payload.array());
		return PREFIX + body + "." + encoder.encodeToString(sign(body));
	}

	public Optional<VisitorCaller> verify(String token) {
		if (!token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String[] parts = token.substring(PREFIX.length()).split("\\.");
		if (parts.length != 2) {
			return Optional.empty();
		}
		try {
			if (!MessageDigest.isEqual(sign(parts[0]), decoder.decode(parts[1]))) {
				return Optional.empty();
			}
			ByteBuffer payload = ByteBuffer.wrap(decoder.decode(parts[0]));
			if (payload.remaining() != 40 && payload.remaining() != 41) {
				return Optional.empty();
			}
			UUID organizationId = new UUID(payload.getLong(), payload.getLong());
			UUID contactId = new UUID(payload.getLong(), payload.getLong());
			Instant issued = Instant.ofEpochSecond(payload.getLong());
			boolean verified = payload.hasRemaining() && payload.get() == 1;
			if (issued.plus(properties.visitorTokenLifetime()).isBefore(clock.instant())) {
				return Optional.empty();
			}
			// A suspended organization's visitors are nobody, on HTTP and on a WebSocket's login alike.
			if (!tenants.active(organizationId)) {
				return Optional.empty();
			}
			VisitorContacts current = contacts.getIfAvailable();
			if (current == null) {
				return Optional.of(new VisitorCaller(organizationId, contactId, verified));
			}
			return current.current(organizationId, contactId, verified)
				.map(contact -> new VisitorCaller(organizationId, contact, verified));
		}
		catch (IllegalArgumentException malformed) {
			return Optional.empty();
		}
	}

	private byte[] sign(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}
}
