package dev.kefu.organization;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.Role;

/**
 * Seeds a demo organization with an admin and two agents on first start, so that {@code spring-boot:run} gives
 * something to log in to, and prints where.
 */
@Component
@ConditionalOnBooleanProperty(name = "kefu.demo.enabled")
class DemoOrganization {

	static final String SLUG = "demo";
	static final String ADMIN_PASSWORD = "kefu-admin";
	static final String AGENT_PASSWORD = "kefu-agent";

	private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

	private final Organizations organizations;
	private final Groups groups;
	private final StaffMembers staff;
	private final Widgets widgets;
	private final Environment environment;

	DemoOrganization(Organizations organizations, Groups groups, StaffMembers staff, Widgets widgets,
			Environment environment) {
		this.organizations = organizations;
		this.groups = groups;
		this.staff = staff;
		this.widgets = widgets;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void seedAndAnnounce() {
		if (organizations.findBySlug(SLUG).isEmpty()) {
			seed();
		}
		String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
		log.info("""

				==================================================================
				 Kefu is running: {}
				 Demo organization '{}'
				   admin   : admin  / {}
				   agents  : agent1 / {}   agent2 / {}
				 API docs  : {}/swagger-ui.html
				==================================================================""", base, SLUG, ADMIN_PASSWORD,
				AGENT_PASSWORD, AGENT_PASSWORD, base);
	}

	private void seed() {
		Organization demo = organizations.create(SLUG, "Kefu Demo Shop", "Asia/Shanghai");
		ServiceCenter center = groups.createCenter(demo.id(), "Shanghai Service Center");
		BusinessGroup general = groups.createGroup(demo.id(), center.id(), "General", 20, OfflinePolicy.REQUEUE,
				Duration.ofMinutes(5));
		BusinessGroup vip = groups.createGroup(demo.id(), center.id(), "VIP", 10, OfflinePolicy.KEEP, Duration.ZERO);
		staff.create(demo.id(), "admin", ADMIN_PASSWORD,
				new StaffMembers.Profile("Admin", null, Set.of(Role.ADMIN, Role.SUPERVISOR), 0, true, List.of()));
		staff.create(demo.id(), "agent1", AGENT_PASSWORD, new StaffMembers.Profile("Li Na", "agent1@example.com",
				Set.of(Role.AGENT), 5, true, List.of(general.id(), vip.id())));
		staff.create(demo.id(), "agent2", AGENT_PASSWORD, new StaffMembers.Profile("Wang Wei", "agent2@example.com",
				Set.of(Role.AGENT), 5, true, List.of(general.id())));
		widgets.save(demo.id(), new WidgetSettings("Kefu Demo Shop", "#1f6feb", "您好！有什么可以帮您？ Hello! How can we help?",
				WidgetSettings.defaults().prechatFields(), general.id()));
	}
}
