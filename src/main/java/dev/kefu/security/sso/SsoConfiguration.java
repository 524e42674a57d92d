package dev.kefu.security.sso;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;

import dev.kefu.organization.Organization;
import dev.kefu.organization.StaffMember;

/**
 * The single sign-on filter chain, apart from the token-secured API chain: {@code /oauth2/authorization/<slug>} sends
 * the browser to the organization's provider, {@code /login/oauth2/code/<slug>} takes it back (state, nonce, issuer
 * and signature are checked by Spring Security). The provider's answer ends in a one-time code on the desk's
 * address, {@code /desk/#sso=<code>}, which the login page exchanges for a staff token; a refusal ends in
 * {@code /desk/#sso-error=<code>}. Between the two legs the authorization request waits in the database
 * ({@link SsoAuthorizationRequests}), so Kefu keeps no HTTP session, and nothing after the login differs from a
 * password login.
 */
@Configuration(proxyBeanMethods = false)
class SsoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SsoConfiguration.class);

	static final String LANDING = "/desk/";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain singleSignOn(HttpSecurity http, SsoRegistrations registrations, SsoSignIn signIn,
			SsoLoginCodes codes, SsoAuthorizationRequests authorizationRequests) throws Exception {
		http.securityMatcher("/oauth2/authorization/*", "/login/oauth2/code/*")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.oauth2Login(login -> login.clientRegistrationRepository(registrations)
				.authorizationEndpoint(endpoint -> endpoint.authorizationRequestRepository(authorizationRequests))
				.authorizedClientRepository(new NoAuthorizedClients())
				.successHandler((request, response, authentication) -> signedIn(request, response, authentication,
						registrations, signIn, codes))
				.failureHandler(SsoConfiguration::refused)
				// An organization without a provider (or whose provider cannot be read) answered 500 at the start.
				.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
					@Override
					public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler(
								(request, response, e) -> redirect(response, "#sso-error=sso-not-configured"));
						return filter;
					}
				}));
		return http.build();
	}

	private static void signedIn(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication, SsoRegistrations registrations, SsoSignIn signIn, SsoLoginCodes codes)
			throws IOException {
		OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
		OidcUser user = (OidcUser) token.getPrincipal();
		Organization organization = registrations.organization(token.getAuthorizedClientRegistrationId()).orElse(null);
		if (organization == null || user == null) {
			redirect(response, "#sso-error=sso-not-configured");
			return;
		}
		StaffMember member;
		try {
			member = signIn.signIn(organization.id(), user.getClaims(), request.getRemoteAddr());
		}
		catch (SsoRefused refused) {
			log.info("single sign-on to {} refused: {}", organization.slug(), refused.getMessage());
			signIn.refused(organization.id(), user.getClaims(), refused.code(), request.getRemoteAddr());
			redirect(response, "#sso-error=" + refused.code());
			return;
		}
		redirect(response, "#sso=" + codes.issue(member.organizationId(), member.id()));
	}

	private static void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		String code = e instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "sso-failed";
		// The page shows the code; what went wrong in detail (a provider's error, a bad signature) is for the operator.
		log.info("single sign-on refused at {}: {}", request.getRequestURI(), e.getMessage());
		redirect(response, "#sso-error=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
	}

	private static void redirect(HttpServletResponse response, String fragment) throws IOException {
		response.sendRedirect(LANDING + fragment);
	}
}
