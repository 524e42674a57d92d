package dev.kefu.security;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import dev.kefu.organization.Tenants;
import dev.kefu.shared.Permission;

/**
 * Stateless token security. CSRF protection is off on purpose: no credential travels in a cookie, so a forged
 * cross-site request carries no authority.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SecurityProperties.class, ApiTokenProperties.class })
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, StaffTokens staffTokens, VisitorTokens visitorTokens,
			ApiTokens apiTokens, Tenants tenants) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			// The chat widget is framed by customers' own sites, so framing is allowed; pages that must not be
			// framed set their own Content-Security-Policy frame-ancestors (the chat: its organization's allowed sites).
			// Other sites learn at most Kefu's origin from a link or a request, never a page's address or query.
			// HSTS (Spring Security's default, a year with subdomains) is written only on a secure request: with TLS
			// on, or behind a proxy that says so (X-Forwarded-Proto) when server.forward-headers-strategy trusts it.
			.headers(headers -> headers.frameOptions(frame -> frame.disable())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31536000).includeSubDomains(true)))
			.addFilterBefore(new TokenAuthenticationFilter(staffTokens, visitorTokens, apiTokens, tenants),
					AbstractPreAuthenticatedProcessingFilter.class)
			// What a staff member may call, by permission (StaffPermissions), once their token is known.
			.addFilterAfter(new PermissionGate(), TokenAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED,
						"unauthenticated", "a valid bearer token is required"))
				.accessDeniedHandler((request, response, e) -> problem(response, HttpStatus.FORBIDDEN, "forbidden",
						"your role does not allow this")))
			.authorizeHttpRequests(auth -> auth
				// A stream that ends in an error (its client went away) is finished in an ASYNC dispatch that has no
				// token to read; the request was authorized when it began, and denying it now logged two stack traces.
				.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/login", "/api/v1/visitor/sessions").permitAll()
				// A login's second step (a code, or a first enrolment): the challenge in the body proves the password.
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/login/**").permitAll()
				.requestMatchers("/api/v1/widget/**", "/api/v1/help/**").permitAll()
				// Single sign-on's login-page side: is it on for an organization, and the one-time code's exchange.
				.requestMatchers("/api/v1/auth/sso/**").permitAll()
				// A channel's inbound path: the company's bridge proves itself with the channel's secret (signature).
				.requestMatchers(HttpMethod.POST, "/api/v1/channels/*/messages").permitAll()
				// A WeChat Official Account channel's callback: WeChat proves itself with the channel's token (signature).
				.requestMatchers("/api/v1/channels/*/wechat").permitAll()
				// WeCom's callback (URL check and news of messages), signed with the channel's Token.
				.requestMatchers("/api/v1/channels/*/wecom").permitAll()
				// Attachment links carry their own signature, so images load in <img> without a header.
				.requestMatchers(HttpMethod.GET, "/api/v1/attachments/*").permitAll()
				.requestMatchers("/api/v1/visitor/**").hasRole("VISITOR")
				.requestMatchers("/api/v1/events", "/api/v1/conversations/*/messages", "/api/v1/conversations/*/receipts",
						"/api/v1/conversations/*/attachments")
				.authenticated()
				// The platform operator's API: a signed-in staff member; the platform module checks they are an operator.
				.requestMatchers("/api/v1/platform/**").authenticated()
				// Staff: the permission gate has already refused what their permissions do not open.
				.requestMatchers("/api/**").hasRole("STAFF")
				.requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/actuator/**").hasAuthority("PERMISSION_" + Permission.SETTINGS_MANAGE.key())
				.anyRequest().permitAll());
		return http.build();
	}

	static void problem(HttpServletResponse response, HttpStatus status, String code, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write("""
				{"type":"https://kefu.dev/problems/%s","title":"%s","status":%d,"detail":"%s","code":"%s"}"""
			.formatted(code, status.getReasonPhrase(), status.value(), detail, code));
	}
}
