package dev.kefu.organization;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are stored with Spring Security's delegating encoder: bcrypt today, each hash tagged with its algorithm
 * so a stronger one can be introduced without breaking existing logins. Hashing runs on a small pool of its own
 * ({@link HashingPool}): a bcrypt check takes tens of milliseconds of CPU, and on the few carrier threads that
 * every request and WebSocket frame shares, a flood of logins would stall the chats.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PasswordHashingProperties.class)
class PasswordHashing {

	@Bean(destroyMethod = "close")
	HashingPool passwordEncoder(PasswordHashingProperties properties) {
		PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		return new HashingPool(bcrypt, properties.threadCount(), properties.queue(), properties.cpuShare());
	}
}
