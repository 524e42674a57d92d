package dev.kefu.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param threads platform threads that hash passwords; 0 = one less than the cores, at least one, so that one core
 * is always left for chat traffic
 * @param queue hashings that may wait for a thread; beyond that a login is refused at once with {@code login-busy}
 * @param cpuShare the share of those threads' time that hashing may take over any second; beyond it a login is
 * refused at once with {@code login-busy}, so that a flood from many addresses leaves the cores to the chats
 */
@ConfigurationProperties("kefu.security.password-hashing")
record PasswordHashingProperties(@DefaultValue("0") int threads, @DefaultValue("16") int queue,
		@DefaultValue("0.5") double cpuShare) {

	int threadCount() {
		return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
	}
}
