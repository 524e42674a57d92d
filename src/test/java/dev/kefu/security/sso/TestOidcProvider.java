package dev.kefu.security.sso;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * A real OpenID provider for the tests: Spring Security's authorization server on a random port of this JVM, in a
 * small web application context of its own (none of Kefu's beans), with a login form, one confidential client and
 * people whose ID tokens carry the claims a test gives them.
 */
final class TestOidcProvider implements AutoCloseable {

	static final String CLIENT_ID = "kefu";
	static final String CLIENT_SECRET = "client-secret-of-kefu";
	static final String PASSWORD = "provider-password-1";

	private final AnnotationConfigServletWebServerApplicationContext context;
	private final State state;

	/** What a test changes while the provider runs: the redirect URIs it accepts and its people's claims. */
	static final class State {

		final Set<String> redirectUris = ConcurrentHashMap.newKeySet();
		final Map<String, Map<String, Object>> claims = new ConcurrentHashMap<>();
		final String clientKey = UUID.randomUUID().toString();
		@Nullable InMemoryUserDetailsManager users;
	}

	private TestOidcProvider(AnnotationConfigServletWebServerApplicationContext context, State state) {
		this.context = context;
		this.state = state;
	}

	static TestOidcProvider start() {
		State state = new State();
		AnnotationConfigServletWebServerApplicationContext context = new AnnotationConfigServletWebServerApplicationContext();
		context.registerBean(State.class, () -> state);
		context.register(Provider.class);
		context.refresh();
		return new TestOidcProvider(context, state);
	}

	/** The issuer, as its discovery document names it (the address Kefu fetches it from). */
	String issuer() {
		return "http://127.0.0.1:" + context.getWebServer().getPort();
	}

	int port() {
		return context.getWebServer().getPort();
	}

	void allowRedirect(String redirectUri) {
		state.redirectUris.add(redirectUri);
	}

	/** Adds a person, or changes the claims their next ID token carries. */
	void person(String username, Map<String, Object> claims) {
		if (!state.users.userExists(username)) {
			state.users.createUser(User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build());
		}
		state.claims.put(username, Map.copyOf(claims));
	}

	@Override
	public void close() {
		context.close();
	}

	// A test configuration, so that Kefu's own context, which scans dev.kefu, leaves it out.
	@TestConfiguration(proxyBeanMethods = false)
	@EnableWebSecurity
	static class Provider {

		@Bean
		TomcatServletWebServerFactory webServer() {
			// Every answer comes from the security filters; Tomcat runs filters only for a path some servlet maps.
			TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
			factory.setRegisterDefaultServlet(true);
			return factory;
		}

		@Bean
		SecurityFilterChain provider(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
				.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager users(State state) {
			state.users = new InMemoryUserDetailsManager();
			return state.users;
		}

		@Bean
		RegisteredClientRepository clients(State state) {
			return new RegisteredClientRepository() {

				@Override
				public void save(RegisteredClient registeredClient) {
					// The server saves a client to re-encode its secret; the test's client stays as it is.
				}

				@Override
				public @Nullable RegisteredClient findById(String id) {
					return id.equals(state.clientKey) ? client() : null;
				}

				@Override
				public @Nullable RegisteredClient findByClientId(String clientId) {
					return clientId.equals(CLIENT_ID) ? client() : null;
				}

				private RegisteredClient client() {
					return RegisteredClient.withId(state.clientKey)
						.clientId(CLIENT_ID)
						.clientSecret("{noop}" + CLIENT_SECRET)
						.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
						.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
						.redirectUris(uris -> uris.addAll(state.redirectUris))
						.scope(OidcScopes.OPENID)
						.scope(OidcScopes.PROFILE)
						.scope(OidcScopes.EMAIL)
						.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
						.build();
				}
			};
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> claims(State state) {
			return context -> {
				if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					Map<String, Object> claims = state.claims.getOrDefault(context.getPrincipal().getName(), Map.of());
					context.getClaims().claims(all -> all.putAll(claims));
				}
			};
		}

		@Bean
		JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		}

		@Bean
		AuthorizationServerSettings serverSettings() {
			return AuthorizationServerSettings.builder().build();
		}
	}
}
