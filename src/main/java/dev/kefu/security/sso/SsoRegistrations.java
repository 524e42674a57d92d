package dev.kefu.security.sso;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

import dev.kefu.organization.Organization;
import dev.kefu.organization.Organizations;
import dev.kefu.shared.RequestRejected;

/**
 * The OAuth2 client registrations, one per organization that signs in with its provider, read from the database:
 * the registration id is the organization's slug, so the redirect URI to give the provider is
 * {@code <Kefu's address>/login/oauth2/code/<slug>}. The provider's endpoints come from its discovery document, fetched
 * once per change of the settings (and only from public addresses, see {@link SsoTargets}).
 */
@Component
public class SsoRegistrations implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(SsoRegistrations.class);

	private final Organizations organizations;
	private final SsoSettingsStore settings;
	private final SsoTargets targets;
	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private record Cached(Instant updatedAt, ClientRegistration registration) {
	}

	SsoRegistrations(Organizations organizations, SsoSettingsStore settings, SsoTargets targets) {
		this.organizations = organizations;
		this.settings = settings;
		this.targets = targets;
	}

	/** The organization's registration, or null when it has no provider switched on or the provider cannot be read. */
	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		try {
			return registration(registrationId).orElse(null);
		}
		catch (RequestRejected unreachable) {
			log.warn("single sign-on for {} is unavailable: {}", registrationId, unreachable.getMessage());
			return null;
		}
	}

	/**
	 * The registration of an organization by its slug; empty when it has none switched on; refused with
	 * {@code provider-unreachable} when the provider's discovery document cannot be read.
	 */
	Optional<ClientRegistration> registration(String slug) {
		Optional<Organization> organization = organizations.findBySlug(slug);
		if (organization.isEmpty()) {
			return Optional.empty();
		}
		Optional<SsoSettingsStore.Stored> stored = settings.stored(organization.get().id())
			.filter(s -> s.settings().enabled());
		if (stored.isEmpty()) {
			cache.remove(slug);
			return Optional.empty();
		}
		Cached cached = cache.get(slug);
		if (cached != null && cached.updatedAt().equals(stored.get().updatedAt())) {
			return Optional.of(cached.registration());
		}
		ClientRegistration registration = discover(slug, organization.get().name(), stored.get());
		cache.put(slug, new Cached(stored.get().updatedAt(), registration));
		return Optional.of(registration);
	}

	/** The organization whose registration this is. */
	Optional<Organization> organization(String registrationId) {
		return organizations.findBySlug(registrationId);
	}

	private ClientRegistration discover(String slug, String name, SsoSettingsStore.Stored stored) {
		SsoSettings s = stored.settings();
		targets.check(s.issuerUri());
		ClientRegistration discovered;
		try {
			discovered = ClientRegistrations.fromIssuerLocation(s.issuerUri())
				.registrationId(slug)
				.clientId(s.clientId())
				.clientSecret(stored.clientSecret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.scope(s.scopes())
				.userNameAttributeName("sub")
				.clientName(name)
				.build();
		}
		catch (RuntimeException e) {
			throw new RequestRejected("provider-unreachable",
					"cannot read the provider's discovery document at " + s.issuerUri() + ": " + e.getMessage(),
					HttpStatus.BAD_GATEWAY);
		}
		// Kefu calls the token, key and user-info endpoints itself: a discovery document must not send it inside.
		ClientRegistration.ProviderDetails provider = discovered.getProviderDetails();
		for (String url : new String[] { provider.getTokenUri(), provider.getJwkSetUri(),
				provider.getUserInfoEndpoint().getUri() }) {
			if (url != null && !url.isBlank()) {
				targets.check(url);
			}
		}
		return discovered;
	}
}
