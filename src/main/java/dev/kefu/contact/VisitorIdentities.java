package dev.kefu.contact;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.kefu.organization.Organization;

/**
 * Who a new visitor session is for. The host site's signature (an HMAC or a JWT) names a verified contact; a claim
 * without a valid signature is refused ({@code invalid-identity}), never downgraded to an anonymous session, so a
 * page that signs wrongly learns it at once and nobody reaches a verified contact by naming its user id.
 */
@Component
class VisitorIdentities {

	/** The identity a session request claims, and the attributes passed with it. */
	record Claim(@Nullable String userId, @Nullable String userHash, @Nullable String jwt,
			Map<String, @Nullable String> attributes) {

		boolean present() {
			return userId != null || userHash != null || jwt != null;
		}
	}

	private final IdentitySettingsStore settings;
	private final IdentityVerifier verifier;
	private final Contacts contacts;

	VisitorIdentities(IdentitySettingsStore settings, IdentityVerifier verifier, Contacts contacts) {
		this.settings = settings;
		this.verifier = verifier;
		this.contacts = contacts;
	}

	/** The verified contact for a claim that is {@link Claim#present()}, with the attributes applied. */
	Contact verifiedContact(Organization organization, Claim claim) {
		IdentitySettings current = settings.of(organization.id());
		VerifiedIdentity identity = verify(organization, claim, current);
		Contact contact = contacts.verified(organization.id(), identity.userId());
		Map<String, @Nullable String> attributes = new LinkedHashMap<>(claim.attributes());
		// What the JWT signed wins over what came unsigned beside it.
		attributes.putAll(identity.signedAttributes());
		return contacts.update(organization.id(), contact.id(), profile(attributes));
	}

	/** Refuses an anonymous visitor when the organization only serves customers its site vouches for. */
	void admitAnonymous(Organization organization) {
		if (!settings.of(organization.id()).allowAnonymous()) {
			throw new IdentityRejected(IdentityRejected.REQUIRED,
					"this organization only serves signed-in customers: pass userId and userHash, or jwt");
		}
	}

	private VerifiedIdentity verify(Organization organization, Claim claim, IdentitySettings current) {
		if (claim.jwt() != null) {
			if (claim.userId() != null || claim.userHash() != null) {
				throw new IdentityRejected(IdentityRejected.INVALID, "pass either jwt or userId and userHash, not both");
			}
			return verifier.byJwt(current, organization.slug(), claim.jwt());
		}
		if (claim.userId() == null || claim.userId().isBlank() || claim.userHash() == null) {
			throw new IdentityRejected(IdentityRejected.INVALID,
					"a userId is only accepted with its userHash (HMAC-SHA256 with the organization's secret)");
		}
		return verifier.byHash(current, claim.userId(), claim.userHash());
	}

	private static ContactProfile profile(Map<String, @Nullable String> attributes) {
		Map<String, String> custom = new LinkedHashMap<>();
		putIfGiven(custom, "memberLevel", attributes.get("memberLevel"));
		putIfGiven(custom, "accountNumber", masked(attributes.get("accountNumber")));
		return new ContactProfile(attributes.get("name"), attributes.get("email"), attributes.get("phone"), custom);
	}

	private static void putIfGiven(Map<String, String> map, String key, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value.strip());
		}
	}

	/**
	 * Only the last four characters of an account number are ever stored, whatever the site sends: an agent can
	 * confirm "the account ending 1234" and a leak of the desk reveals no account.
	 */
	static @Nullable String masked(@Nullable String accountNumber) {
		if (accountNumber == null) {
			return null;
		}
		String compact = accountNumber.replaceAll("[\\s-]", "");
		if (compact.isEmpty()) {
			return null;
		}
		return "****" + compact.substring(Math.max(0, compact.length() - 4));
	}
}
