package dev.kefu.organization;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SetupProperties.class, IntakeLimitProperties.class })
class OrganizationConfiguration {
}
